import type { LayoutCell, LayoutLine } from '../model/layout.ts';
import { normalizeLabel } from './normalize.ts';
import { parseCell } from './parse-number.ts';

/** A line split into its label (the text cells) and its value cells (what follows the last label). */
export interface ValueRow {
  /** index of the line in the layout */
  line: number;
  /** label cells joined, as printed */
  rawLabel: string;
  /** normalised label of this line alone */
  label: string;
  /** cells after the last text cell: numbers and blanks */
  values: LayoutCell[];
  /** how many of `values` hold a number */
  numbers: number;
  ocr: boolean;
  /** the cells are the source's own columns (HTML, DOCX, a PDF or OCR grid), not copied text */
  grid: boolean;
}

export function lineText(line: LayoutLine): string {
  return line.cells.map((c) => c.text).join('');
}

/** Longest OCR text read as a figure garbled beyond repair (“X//” for “822”) rather than as a label. */
const MAX_GARBLED_FIGURE = 6;

/**
 * Splits a line into label and values; null when the line holds no number at all. In OCR'd
 * lines a cell after a figure that holds no Chinese character is a figure the engine garbled
 * (“X//”): it stays a value cell — read as no number, with a finding — rather than making the
 * whole row a label and the row lost.
 */
export function toValueRow(line: LayoutLine, index: number): ValueRow | null {
  const ocr = line.cells.some((c) => c.confidence !== undefined);
  let lastText = -1;
  let figureSeen = false;
  line.cells.forEach((c, i) => {
    const kind = parseCell(c.text, ocr).kind;
    if (kind === 'number') figureSeen = true;
    else if (kind === 'text' && !(ocr && figureSeen && isGarbledFigure(c.text))) lastText = i;
  });
  const values = line.cells.slice(lastText + 1);
  const numbers = values.filter((c) => parseCell(c.text, ocr).kind === 'number').length;
  const labelCells = line.cells.slice(0, lastText + 1).filter((c) => c.text !== '');
  const rawLabel = labelCells.map((c) => c.text).join('');
  const grid = line.table !== undefined || line.cells.some((c) => c.bbox !== undefined);
  return { line: index, rawLabel, label: normalizeLabel(rawLabel), values, numbers, ocr, grid };
}

function isGarbledFigure(text: string): boolean {
  const t = text.trim();
  return t.length <= MAX_GARBLED_FIGURE && !/\p{Script=Han}/u.test(t);
}

/**
 * Chooses `n` value cells from a row that has more: the window must hold every non-blank cell;
 * among several (blank cells make it ambiguous) the one whose last value is the sum of the
 * others wins when `sumCheck`, else the leftmost (rows copied as text lose leading cells and
 * shift left) or, with `preferRight`, the rightmost (in a real grid the figures are the last
 * columns, and a blank row's leading blanks are a merged label's continuation).
 */
export function fitValues(values: LayoutCell[], n: number, ocr: boolean, sumCheck: boolean, preferRight = false): LayoutCell[] | null {
  if (values.length === n) return values;
  if (values.length < n) return null;
  const filled = values.map((c) => parseCell(c.text, ocr).kind !== 'blank');
  const windows: number[] = [];
  for (let start = 0; start + n <= values.length; start++) {
    const outside = filled.some((f, i) => f && (i < start || i >= start + n));
    if (!outside) windows.push(start);
  }
  if (windows.length === 0) return null;
  if (sumCheck && windows.length > 1) {
    const summing = windows.find((start) => sumsUp(values.slice(start, start + n), ocr));
    if (summing !== undefined) return values.slice(summing, summing + n);
  }
  const start = preferRight ? windows[windows.length - 1]! : windows[0]!;
  return values.slice(start, start + n);
}

function sumsUp(cells: LayoutCell[], ocr: boolean): boolean {
  const nums = cells.map((c) => {
    const p = parseCell(c.text, ocr);
    return p.kind === 'number' ? p.value : 0;
  });
  const total = nums.pop() ?? 0;
  return nums.reduce((a, b) => a + b, 0) === total;
}
