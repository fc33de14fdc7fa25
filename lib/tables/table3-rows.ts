import { APPLICANT_COLUMNS, type RowDef } from '../model/form.ts';
import type { LayoutLine } from '../model/layout.ts';
import { blankTableLines } from './blank-table3.ts';
import { type BlankLabelRow, laidOutBlankRows } from './laid-out-blank-rows.ts';
import { hasCjk, normalizeLabel, ROW_NUMBERING } from './normalize.ts';
import { runTokens } from './pending-cells.ts';
import { labelScore } from './row-label-score.ts';
import { toValueRow, type ValueRow } from './value-row.ts';

/** A value row of table 3 with the label text around it (wrapped labels, group labels above). */
export interface LabelledRow {
  row: ValueRow;
  /** normalised: the label-only lines just above the row, then the row's own label */
  context: string;
  /** normalised: label-only lines below the row, up to the next value row (a wrapped label's end) */
  following: string;
  /** lowest OCR confidence of the row's label cells, when OCR read them */
  labelConfidence?: number;
}

/** How much label text above a row is kept as its context (a group label broken over lines fits). */
const CONTEXT_CHARS = 40;
/** Cells of a table-3 row. */
const WIDTH = APPLICANT_COLUMNS.length;
/** A row needs at least this many value cells to count when it holds no figure at all. */
const MIN_BLANK_ROW_CELLS = 5;

/** A fragment completes the row above when it raises that row's best label score by this much. */
const COMPLETES_BY = 0.01;

/** The value rows of a region, each with the label-only lines around it. */
export function collectValueRows(lines: LayoutLine[], start: number, end: number, form: readonly RowDef[]): LabelledRow[] {
  const rows = valueRows(lines, start, end, form);
  if (rows.length > 0) return rows;
  // no row at all: table 3 printed all blank, when its header says so
  const blank = blankTableLines(lines, start, end);
  return blank ? valueRows(blank, start, end, form) : rows;
}

function valueRows(lines: LayoutLine[], start: number, end: number, form: readonly RowDef[]): LabelledRow[] {
  const rows: LabelledRow[] = [];
  let pending = '';
  const blanks = laidOutBlankRows(lines, start, end, form);
  for (let i = start; i < end; i++) {
    const blank = blanks.rows.get(i);
    if (blank) {
      pending += normalizeLabel(blank.beside);
      const row = blankRow(i, blank);
      rows.push({ row, context: pending.slice(-CONTEXT_CHARS) + row.label, following: '' });
      pending = '';
      continue;
    }
    // a blank row's wrapped label end is its own, no part of the labels around
    const taken = blanks.taken.get(i);
    const line = taken ? { ...lines[i]!, cells: lines[i]!.cells.filter((_, k) => !taken.has(k)) } : lines[i]!;
    if (line.cells.length === 0) continue;
    const row = toValueRow(line, i);
    // a row of blank cells whose label was printed just above it (a row cut at a page break) is a
    // row, and so is a run-together row printed blank (an empty run)
    const cutRow = row?.label === '' && row.values.length === WIDTH && pending !== '';
    const labelOnly =
      !row ||
      row.values.length === 0 ||
      (row.numbers === 0 &&
        !cutRow &&
        !runTokens(row.values, WIDTH) &&
        (row.label === '' || row.values.length < MIN_BLANK_ROW_CELLS || endsWrappedLabel(rows.at(-1), row, form)));
    if (labelOnly) {
      const text = normalizeLabel(line.cells.map((c) => c.text).join(''));
      pending += text;
      const previous = rows.at(-1);
      if (previous && previous.following.length < CONTEXT_CHARS) previous.following += text;
      continue;
    }
    const cut = rows.at(-1);
    const labelEnd = cut ? continuesCutRow(cut, row, lines, form) : undefined;
    if (cut && labelEnd !== undefined) {
      // the row's figures printed below its label's end on the next page: one row
      cut.row = { ...row, rawLabel: cut.row.rawLabel + labelEnd, label: cut.row.label + labelEnd };
      cut.following = '';
      pending = '';
      continue;
    }
    const labelled: LabelledRow = { row, context: pending.slice(-CONTEXT_CHARS) + row.label, following: '' };
    const confidences = line.cells
      .slice(0, line.cells.length - row.values.length)
      .map((c) => c.confidence)
      .filter((c): c is number => c !== undefined);
    if (confidences.length > 0) labelled.labelConfidence = Math.min(...confidences);
    rows.push(labelled);
    pending = '';
  }
  return rows;
}

/** A row printed blank in laid-out text: its label, then seven blank cells (zeros left blank). */
function blankRow(line: number, blank: BlankLabelRow): ValueRow {
  const values = Array.from({ length: WIDTH }, () => ({ text: '' }));
  return { line, rawLabel: blank.rawLabel, label: normalizeLabel(blank.rawLabel), values, numbers: 0, ocr: false, grid: false };
}

/**
 * A line of blank cells whose label is the end of the row above, wrapped into the next line of
 * its cell (a page break or a narrow cell: “（二）部分公开（…不计其他” / “情形）”) — not a row
 * printed blank. With unreadable labels nothing is taken for a continuation.
 */
function endsWrappedLabel(previous: LabelledRow | undefined, row: ValueRow, form: readonly RowDef[]): boolean {
  // a wrapped end is words: no numbering, no digits, readable Chinese
  if (!previous || row.label === '' || ROW_NUMBERING.test(row.rawLabel) || /\d/.test(row.label) || !hasCjk(row.label)) return false;
  let best: RowDef | undefined;
  let bestScore = 0;
  for (const def of form) {
    const score = labelScore(previous.context, previous.row.label, def);
    if (score > bestScore) [best, bestScore] = [def, score];
  }
  if (!best) return false;
  return labelScore(previous.context + row.label, previous.row.label + row.label, best) >= bestScore + COMPLETES_BY;
}

/**
 * A row broken by a page break with its cells centred: its label's start over blank cells at the
 * foot of one page, and — after the header the next page repeats — its label's end with the
 * figures. The second part is the rest of the first when its label is an unnumbered end that
 * completes the first's (as a wrapped label's end would); returns that end.
 */
function continuesCutRow(cut: LabelledRow, row: ValueRow, lines: LayoutLine[], form: readonly RowDef[]): string | undefined {
  if (row.numbers === 0 || cut.row.numbers > 0 || cut.row.values.length !== row.values.length) return undefined;
  if (cut.row.values.some((cell) => cell.text.trim() !== '')) return undefined;
  const before = lines[cut.row.line]?.page;
  const after = lines[row.line]?.page;
  if (before === undefined || after === undefined || after <= before) return undefined;
  const labelEnd = withoutRepeatedGroup(cut, row.label);
  return endsWrappedLabel(cut, { ...row, label: labelEnd, rawLabel: labelEnd }, form) ? labelEnd : undefined;
}

/** Shortest repeated group label worth stripping (“（六）其他处理” printed again in its merged cell). */
const MIN_REPEATED_GROUP = 4;

/** The label without a leading group label the cut row already has above it (its merged cell printed again on the new page). */
function withoutRepeatedGroup(cut: LabelledRow, label: string): string {
  for (let k = label.length - 1; k >= MIN_REPEATED_GROUP; k--) {
    const prefix = label.slice(0, k);
    if (ROW_NUMBERING.test(prefix) && cut.context.includes(prefix)) return label.slice(k);
  }
  return label;
}
