import { REVIEW_COLUMNS } from '../model/form.ts';
import type { LayoutCell, LayoutLine } from '../model/layout.ts';
import { normalizeText } from './normalize.ts';
import { parseCell } from './parse-number.ts';
import { pendingCells, runTokens } from './pending-cells.ts';
import { headedWithoutFigures, lastPage, regionText } from './printed-words.ts';
import { fitValues, lineText, toValueRow } from './value-row.ts';

const COUNT = 15;

/** Table 4: one row of 15 numbers, or its numbers spread over a few rows, or “结果维持 88 | …” lines. */
export function mapReview(lines: LayoutLine[], start: number, end: number): LayoutCell[] | null {
  const found = [];
  for (let i = start; i < end; i++) {
    const row = toValueRow(lines[i]!, i);
    // a row of 15 blank cells is table 4 printed all blank
    if (row && (row.numbers > 0 || row.values.length >= COUNT)) found.push(row);
  }
  // …but only when no row prints a figure: a converter's blank header row (`| | | … |` atop a
  // Markdown table) is not the table's data
  const rows = found.some((row) => row.numbers > 0) ? found.filter((row) => row.numbers > 0) : found;
  for (const row of rows) {
    if (row.values.length >= COUNT) {
      const cells = groupsHolding(row.values, row.ocr) ?? fitValues(row.values, COUNT, row.ocr, false);
      if (cells) return cells;
    }
    // the fifteen figures ran together: split by the group totals once read
    const tokens = runTokens(row.values, COUNT);
    if (tokens) return pendingCells(tokens, COUNT);
  }
  // numbers spread over consecutive rows (a wrapped table, or one row per group)
  for (let first = 0; first < rows.length; first++) {
    const cells: LayoutCell[] = [];
    for (let k = first; k < rows.length && cells.length < COUNT; k++) cells.push(...rows[k]!.values);
    if (cells.length === COUNT && rows[first]!.values.length % 5 === 0) return cells;
  }
  return keyValues(lines, start, end) ?? allBlank(lines, start, end);
}

// the column and group headers that make a region table 4 even when no figure is printed in it
const HEADER_WORDS = ['结果维持', '结果纠正', '尚未审结', '复议后起诉'];

/**
 * Table 4 printed with every cell blank (a publisher who leaves zeros blank, with no case that
 * year): its headers are there and not one digit. Fifteen blank cells — each read as 0 with a
 * value.blankCell warning, as any blank cell is — rather than a table reported missing.
 */
function allBlank(lines: LayoutLine[], start: number, end: number): LayoutCell[] | null {
  if (!headedWithoutFigures(lines, start, end, HEADER_WORDS)) return null;
  // table 4 has no numbered label: any digit at all is a figure, or the region is not table 4
  if (regionText(lines, start, end).some((line) => /[0-9]/.test(line))) return null;
  const page = lastPage(lines, start, end);
  return Array.from({ length: COUNT }, () => (page === undefined ? { text: '' } : { text: '', page }));
}

const GROUP_KEYS: [number, string][] = [
  [1, '直接起诉'],
  [2, '复议后起诉'],
  [0, '行政复议'],
];

/** Lines like “行政复议: 结果维持 88 | 结果纠正 18 | … | 总计 170”. */
function keyValues(lines: LayoutLine[], start: number, end: number): LayoutCell[] | null {
  const cells: (LayoutCell | null)[] = new Array(COUNT).fill(null);
  for (let i = start; i < end; i++) {
    const text = normalizeText(lineText(lines[i]!));
    const group = GROUP_KEYS.find(([, key]) => text.includes(key))?.[0];
    if (group === undefined) continue;
    REVIEW_COLUMNS.forEach((col, c) => {
      const m = new RegExp(`${col.label}[:：]?(\\d+)`).exec(text);
      if (m) cells[group * 5 + c] = { text: m[1]! };
    });
  }
  return cells.every((c) => c !== null) ? (cells as LayoutCell[]) : null;
}

/**
 * More cells than fifteen (a converter's label column, blank cells at either end): the one window
 * of fifteen where every group's 总计 is the sum of its four, when exactly one window holds.
 */
function groupsHolding(values: LayoutCell[], ocr: boolean): LayoutCell[] | null {
  if (values.length <= COUNT) return null;
  const nums = values.map((c) => parseCell(c.text, ocr));
  const holding: number[] = [];
  for (let start = 0; start + COUNT <= values.length; start++) {
    const outside = nums.some((p, i) => p.kind !== 'blank' && (i < start || i >= start + COUNT));
    const v = nums.slice(start, start + COUNT).map((p) => (p.kind === 'number' ? p.value : p.kind === 'blank' ? 0 : Number.NaN));
    const holds = [0, 5, 10].every((g) => v[g + 4] === v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]!);
    if (!outside && holds) holding.push(start);
  }
  return holding.length === 1 ? values.slice(holding[0]!, holding[0]! + COUNT) : null;
}
