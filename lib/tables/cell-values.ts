import { DECIMAL_COLUMNS, SIGNED_COLUMNS } from '../model/form.ts';
import type { LayoutCell } from '../model/layout.ts';
import type { CellSource, Finding } from '../model/result.ts';
import { parseCell } from './parse-number.ts';
import type { ResolvedCell } from './resolve-runs.ts';

/** Collects values, their sources and the value.* findings while a table is built. */
export class CellReader {
  readonly cells: Record<string, CellSource> = {};
  readonly blank: string[] = [];
  /** blank cells of a converter's table, which may be figures the converter lost */
  readonly mayBeLost: string[] = [];
  readonly findings: Finding[] = [];

  /** `resolve`: what to read for a pending cell of a run row (resolve-runs.ts); others read as they are. */
  constructor(
    private readonly resolve: (cell: LayoutCell | undefined) => ResolvedCell = (c) => ({ cell: c }),
    /** pages read by OCR: a blank cell there has no word, hence no confidence, but OCR read it */
    private readonly ocrPages: ReadonlySet<number> = new Set(),
  ) {}

  /** Reads one printed cell under its dotted path; null (with a finding) when it is no valid figure. */
  read(path: string, placed: LayoutCell | undefined, column: string): number | null {
    // a cell split from a run of figures says so, with the run as printed
    const { cell, run } = this.resolve(placed);
    if (!cell) return null;
    const ocr = cell.confidence !== undefined;
    const byOcr = ocr || (cell.page !== undefined && this.ocrPages.has(cell.page));
    // every value says how it was obtained, with its place on the page when it has one
    const source: CellSource =
      run === undefined ? { method: byOcr ? 'ocr' : 'text', text: cell.text } : { method: 'arithmetic', text: run };
    if (cell.page !== undefined) source.page = cell.page;
    if (cell.bbox) source.bbox = cell.bbox;
    if (cell.confidence !== undefined) source.confidence = round(cell.confidence);
    this.cells[path] = source;
    const parsed = parseCell(cell.text, ocr);
    if (parsed.kind === 'blank') {
      this.blank.push(path);
      if (cell.mayBeLost) this.mayBeLost.push(path);
      return 0;
    }
    if (parsed.kind === 'text') {
      this.findings.push({
        rule: 'value.notANumber',
        severity: 'error',
        message: `单元格内容“${cell.text}”不是数字`,
        cells: [path],
      });
      return null;
    }
    const { value } = parsed;
    if (value < 0 && !SIGNED_COLUMNS.has(column)) {
      this.findings.push({
        rule: 'value.negative',
        severity: 'error',
        message: `单元格数值${value}为负数，应为非负整数`,
        cells: [path],
      });
      return null;
    }
    if (!Number.isInteger(value) && !DECIMAL_COLUMNS.has(column)) {
      this.findings.push({
        rule: 'value.notInteger',
        severity: 'error',
        message: `单元格数值${value}不是整数`,
        cells: [path],
      });
      return null;
    }
    return value;
  }

  /**
   * Reads a form cell the publisher printed in parts (one row split over several): each part is
   * read as printed, the value is their sum, and its provenance says so (`arithmetic`, “3+0+1”).
   */
  readSum(path: string, parts: LayoutCell[], column: string): number | null {
    const values = parts.map((cell) => this.read(path, cell, column));
    const sources = parts.map((cell) => cell);
    const source: CellSource = { method: 'arithmetic', text: sources.map((c) => c.text.trim() || '0').join('+') };
    const page = sources.find((c) => c.page !== undefined)?.page;
    if (page !== undefined) source.page = page;
    const confidences = sources.map((c) => c.confidence).filter((c): c is number => c !== undefined);
    if (confidences.length > 0) source.confidence = round(Math.min(...confidences));
    this.cells[path] = source;
    if (this.blank.includes(path)) this.blank.splice(this.blank.indexOf(path), 1, ...(values.every((v) => v === 0) ? [path] : []));
    return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
