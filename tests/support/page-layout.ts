/**
 * Lays a report out on A4 pages the way a word processor does: paragraphs wrapped to the text
 * width, tables row by row, a page break wherever a row no longer fits or where one is forced,
 * a row broken across the page, a merged cell cut by the break with its text lines falling on
 * both pages, the table's header repeated (or not) on the next page. Produces drawing operations
 * only; tests/support/draw-pdf.ts turns them into a PDF.
 */
import type { Grid, GridCell } from './report-grids.ts';

export type DrawOp =
  | { kind: 'text'; text: string; x: number; y: number; size: number }
  | { kind: 'line'; x0: number; y0: number; x1: number; y1: number; width: number };

/** Width of `text` at font size `size`, in points. */
export type Measure = (text: string, size: number) => number;

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface TableStyle {
  fontSize: number;
  /** line height as a multiple of the font size */
  leading: number;
  pad: number;
  minRow: number;
  ruled: boolean;
  rule: number;
  labelAlign: 'left' | 'center';
  /** where a cell's text sits in its (merged) cell */
  valign: 'top' | 'middle';
}

export interface TableBreaks {
  /** rows before which a new page is forced */
  before?: ReadonlySet<number>;
  /** rows broken across the page (their first lines on one page, the rest on the next) */
  inside?: ReadonlySet<number>;
  /** printed at the top of each page the table goes on to */
  repeat?: Grid;
}

interface Frag {
  page: number;
  y0: number;
  y1: number;
}

/** Where a table's rows ended up: the page of each row's first piece. */
export interface PlacedTable {
  rowPages: number[];
  /** rows before which a page break fell, and rows broken across pages */
  breaksBefore: number[];
  breaksInside: number[];
}

export class Galley {
  readonly pages: DrawOp[][] = [[]];
  y: number;

  constructor(
    readonly geometry: PageGeometry,
    private readonly measure: Measure,
  ) {
    this.y = geometry.top;
  }

  get page(): number {
    return this.pages.length - 1;
  }

  private get bottom(): number {
    return this.geometry.height - this.geometry.bottom;
  }

  private get textWidth(): number {
    return this.geometry.width - this.geometry.left - this.geometry.right;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = this.geometry.top;
  }

  space(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /** A paragraph wrapped to the text width; `indent` in characters on its first line. */
  paragraph(text: string, size: number, options: { align?: 'left' | 'center'; indent?: number; leading?: number } = {}): void {
    const lineHeight = size * (options.leading ?? 1.6);
    const indent = (options.indent ?? 0) * size;
    const lines = this.wrap(text, this.textWidth - indent, size);
    lines.forEach((line, i) => {
      if (this.y + lineHeight > this.bottom) this.newPage();
      const width = this.measure(line, size);
      const x =
        options.align === 'center' ? this.geometry.left + (this.textWidth - width) / 2 : this.geometry.left + (i === 0 ? indent : 0);
      this.text(this.page, line, x, this.y + (lineHeight - size) / 2, size);
      this.y += lineHeight;
    });
  }

  /** A table centred on the text width, broken over pages. */
  table(grid: Grid, style: TableStyle, breaks: TableBreaks = {}): PlacedTable {
    const lineHeight = style.fontSize * style.leading;
    const lines = new Map(grid.cells.map((c) => [c, this.cellLines(grid, c, style)]));
    const heights = rowHeights(grid, lines, style);
    const repeat = breaks.repeat;
    const repeatLines = repeat ? new Map(repeat.cells.map((c) => [c, this.cellLines(repeat, c, style)])) : undefined;
    const repeatHeights = repeat && repeatLines ? rowHeights(repeat, repeatLines, style) : [];
    const left = this.geometry.left + (this.textWidth - sum(grid.widths)) / 2;
    const frags: Frag[][] = Array.from({ length: grid.rows }, () => []);
    const placed: PlacedTable = { rowPages: [], breaksBefore: [], breaksInside: [] };
    const turnPage = (row: number) => {
      this.newPage();
      if (repeat && repeatLines && row >= grid.headerRows) {
        const top = this.y;
        const repeatFrags = repeatHeights.map((h, r) => [
          { page: this.page, y0: top + sum(repeatHeights.slice(0, r)), y1: top + sum(repeatHeights.slice(0, r)) + h },
        ]);
        this.drawCells(repeat, repeatLines, repeatFrags, left, style);
        this.y = top + sum(repeatHeights);
      }
    };
    for (let r = 0; r < grid.rows; r++) {
      const need = heights[r]!;
      const started = this.y > this.geometry.top + 1;
      const maxLines = Math.max(...grid.cells.filter((c) => c.row === r && c.rowSpan === 1).map((c) => lines.get(c)!.length), 1);
      if (breaks.inside?.has(r) && started && maxLines >= 2) {
        // the row's first lines stay on this page, the rest go on to the next
        const first = style.pad + Math.floor(maxLines / 2) * lineHeight;
        frags[r]!.push({ page: this.page, y0: this.y, y1: this.y + first });
        turnPage(r);
        const rest = need - first + style.pad;
        frags[r]!.push({ page: this.page, y0: this.y, y1: this.y + rest });
        this.y += rest;
        placed.breaksInside.push(r);
        placed.rowPages.push(frags[r]![0]!.page);
        continue;
      }
      if (started && (breaks.before?.has(r) || breaks.inside?.has(r) || this.y + need > this.bottom)) {
        turnPage(r);
        placed.breaksBefore.push(r);
      }
      frags[r]!.push({ page: this.page, y0: this.y, y1: this.y + need });
      placed.rowPages.push(this.page);
      this.y += need;
    }
    this.drawCells(grid, lines, frags, left, style);
    return placed;
  }

  /** Adds a line of text at a place on a page (running headers, page numbers). */
  text(page: number, text: string, x: number, y: number, size: number): void {
    this.pages[page]!.push({ kind: 'text', text, x, y, size });
  }

  private cellLines(grid: Grid, cell: GridCell, style: TableStyle): string[] {
    const width = sum(grid.widths.slice(cell.col, cell.col + cell.colSpan)) - 2 * style.pad;
    if (cell.text === '') return [];
    // figures are never broken (their columns are made wide enough)
    return cell.role === 'value' ? [cell.text] : this.wrap(cell.text, width, style.fontSize);
  }

  private drawCells(grid: Grid, lines: Map<GridCell, string[]>, frags: Frag[][], left: number, style: TableStyle): void {
    const xs = [left];
    for (const w of grid.widths) xs.push(xs.at(-1)! + w);
    const lineHeight = style.fontSize * style.leading;
    for (const cell of grid.cells) {
      const x0 = xs[cell.col]!;
      const x1 = xs[cell.col + cell.colSpan]!;
      const pieces = mergePieces(frags.slice(cell.row, cell.row + cell.rowSpan).flat());
      if (style.ruled) {
        for (const p of pieces) {
          const ops = this.pages[p.page]!;
          const w = style.rule;
          ops.push({ kind: 'line', x0, y0: p.y0, x1, y1: p.y0, width: w }, { kind: 'line', x0, y0: p.y1, x1, y1: p.y1, width: w });
          ops.push({ kind: 'line', x0, y0: p.y0, x1: x0, y1: p.y1, width: w }, { kind: 'line', x0: x1, y0: p.y0, x1, y1: p.y1, width: w });
        }
      }
      const text = lines.get(cell)!;
      if (text.length === 0 || pieces.length === 0) continue;
      const total = sum(pieces.map((p) => p.y1 - p.y0));
      let offset = style.valign === 'middle' ? Math.max(style.pad, (total - text.length * lineHeight) / 2) : style.pad;
      let piece = 0;
      let base = 0; // virtual offset where the current piece starts
      for (const line of text) {
        let p = pieces[piece]!;
        // a line that does not fit in what is left of this piece goes on in the next one
        while (offset + lineHeight > base + (p.y1 - p.y0) + 0.5 && piece + 1 < pieces.length) {
          base += p.y1 - p.y0;
          offset = Math.max(offset, base + style.pad);
          piece++;
          p = pieces[piece]!;
        }
        const width = this.measure(line, style.fontSize);
        const center = cell.role !== 'label' || style.labelAlign === 'center';
        const x = center ? (x0 + x1 - width) / 2 : x0 + style.pad;
        const y = p.y0 + (offset - base) + (lineHeight - style.fontSize) / 2;
        this.text(p.page, line, x, y, style.fontSize);
        offset += lineHeight;
      }
    }
  }

  /** Breaks text into lines no wider than `width` (Chinese breaks between any two characters). */
  private wrap(text: string, width: number, size: number): string[] {
    const out: string[] = [];
    for (const part of text.split('\n')) {
      let line = '';
      for (const ch of part) {
        if (line !== '' && this.measure(line + ch, size) > width) {
          out.push(line);
          line = '';
        }
        line += ch;
      }
      if (line !== '') out.push(line);
    }
    return out;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Each row tall enough for its cells; a merged cell that needs more makes its last row taller. */
function rowHeights(grid: Grid, lines: Map<GridCell, string[]>, style: TableStyle): number[] {
  const lineHeight = style.fontSize * style.leading;
  const heights = Array<number>(grid.rows).fill(style.minRow);
  const need = (c: GridCell) => lines.get(c)!.length * lineHeight + 2 * style.pad;
  for (const c of grid.cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, need(c));
  for (const c of grid.cells) {
    if (c.rowSpan === 1) continue;
    const have = sum(heights.slice(c.row, c.row + c.rowSpan));
    if (need(c) > have) heights[c.row + c.rowSpan - 1]! += need(c) - have;
  }
  return heights;
}

/** Joins a cell's row pieces that follow each other on the same page. */
function mergePieces(frags: readonly Frag[]): Frag[] {
  const out: Frag[] = [];
  for (const f of frags) {
    const last = out.at(-1);
    if (last && last.page === f.page && Math.abs(last.y1 - f.y0) < 0.01) last.y1 = f.y1;
    else out.push({ ...f });
  }
  return out;
}
