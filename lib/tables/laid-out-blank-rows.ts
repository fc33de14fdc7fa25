import type { RowDef } from '../model/form.ts';
import type { LayoutCell, LayoutLine } from '../model/layout.ts';
import { containment, hasCjk, normalizeLabel, normalizeText, ROW_NUMBERING } from './normalize.ts';
import { labelsOf } from './row-label-score.ts';
import { toValueRow } from './value-row.ts';

/**
 * Table 3 in `pdftotext -layout` text with its zeros printed blank: a row of zeros leaves only
 * its label, on a line (or, wrapped, a few lines) of its own — which would otherwise be read as
 * the start of the next row's wrapped label, and the row lost. Such a label line is a row of its
 * own when its numbered label, with the wrapped end below it, is a row label of the form, and
 * the next row below starts a numbered label of its own: a numbered label whose figures follow
 * on a line with no numbered label (wrapped, the figures level with its middle) is that row's.
 * Only text laid out in a grid is read so: there the characters' columns tell a wrapped label's
 * end (under the label) from a piece of a group label (in the group's column, left of it).
 */

/** A label line read as a row printed blank. */
export interface BlankLabelRow {
  /** the row's label as printed: the piece on its line and the wrapped end below */
  rawLabel: string;
  /** what the line holds left of the label (a group label's piece), joined */
  beside: string;
}

export interface LaidOutBlankRows {
  /** line index → the row printed blank that the line holds */
  rows: Map<number, BlankLabelRow>;
  /** line index → its cells taken as the wrapped end of a blank row's label */
  taken: Map<number, Set<number>>;
}

/** How much of the printed label must be the form row's, and how much of the form row's label printed. */
const PRINTED_IN_FORM = 0.8;
const FORM_PRINTED = 0.7;
/** a wrapped label's end may stand this many characters left of its start (centred or ragged) */
const WRAP_SLACK = 2;
/** lines below a label searched for its wrapped end (a group label's piece may stand between) */
const MAX_WRAP_LINES = 3;

/**
 * Rows printed with their label and figures on one line that a region must show before a label
 * alone on its line is read as a row printed blank. Text that prints every label and every
 * figure on lines of their own (`pdftotext` without -layout) has none: there a label alone is
 * no sign of a blank row, and reading it as one would turn unknown figures into zeros. Two, as
 * the layout reader learns a page's columns from rows printed whole.
 */
const MIN_LAID_OUT_ROWS = 2;

/** The label lines of table 3's region (laid-out text only) that are rows printed blank. */
export function laidOutBlankRows(lines: readonly LayoutLine[], start: number, end: number, form: readonly RowDef[]): LaidOutBlankRows {
  const found: LaidOutBlankRows = { rows: new Map(), taken: new Map() };
  if (lines.slice(start, end).filter(labelWithFigures).length < MIN_LAID_OUT_ROWS) return found;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    const taken = found.taken.get(i);
    const cells = line.cells.filter((_, k) => !taken?.has(k));
    const label = cells.at(-1);
    if (!label?.columns || !labelOnly(line) || !numbered(label)) continue;
    const zone = label.columns.from - WRAP_SLACK;
    const wrapped = wrappedEnd(lines, i, end, zone, label, form);
    if (!leavesLabelBlank(lines[wrapped.next], zone, form) || formRowFit(wrapped.text, form) < FORM_PRINTED) continue;
    found.rows.set(i, {
      rawLabel: wrapped.text,
      beside: cells
        .slice(0, -1)
        .map((cell) => cell.text)
        .join(''),
    });
    for (const { line: j, k } of wrapped.cells) {
      const set = found.taken.get(j) ?? new Set<number>();
      set.add(k);
      found.taken.set(j, set);
    }
  }
  return found;
}

interface WrappedLabel {
  /** the label with its wrapped end, as printed */
  text: string;
  /** the cells of the wrapped end */
  cells: { line: number; k: number }[];
  /** the first line below the label */
  next: number;
}

/**
 * The label with its wrapped end: the unnumbered pieces under it on the label lines that follow,
 * each line's taken while it completes a form row's label (a group label's pieces, left of it,
 * are passed over; header words or the next row's label end it).
 */
function wrappedEnd(
  lines: readonly LayoutLine[],
  at: number,
  end: number,
  zone: number,
  label: LayoutCell,
  form: readonly RowDef[],
): WrappedLabel {
  const wrapped: WrappedLabel = { text: label.text, cells: [], next: at + 1 };
  for (let j = at + 1; j < end && j <= at + MAX_WRAP_LINES; j++) {
    const line = lines[j]!;
    if (!labelOnly(line) || line.cells[0]?.columns?.page !== label.columns!.page) return { ...wrapped, next: j };
    if (line.cells.some((cell) => opensRow(cell, zone, form))) return { ...wrapped, next: j };
    const under = line.cells.map((cell, k) => ({ cell, k })).filter(({ cell }) => inZone(cell, zone));
    if (under.length === 0) continue;
    const text = wrapped.text + under.map(({ cell }) => cell.text).join('');
    if (formRowFit(text, form) <= formRowFit(wrapped.text, form)) return { ...wrapped, next: j };
    wrapped.text = text;
    wrapped.cells.push(...under.map(({ k }) => ({ line: j, k })));
    wrapped.next = j + 1;
  }
  return wrapped;
}

/**
 * The label's own row is printed blank unless the line below it carries figures and opens no row
 * of its own: then those figures are the label's row, set level with its wrapped label's middle.
 * A whole group label beside figures is a row too (a publisher's subtotal, （三）不予公开).
 */
function leavesLabelBlank(line: LayoutLine | undefined, zone: number, form: readonly RowDef[]): boolean {
  if (!line || labelOnly(line)) return true;
  return line.cells.some((cell) => opensRow(cell, zone, form) || (numbered(cell) && wholeGroupLabel(cell.text, form)));
}

/**
 * The cell opens a row's label: a numbered label under the label above, an item's number anywhere,
 * or a form row's label set further left (（七）总计 across the label columns). A group label or
 * its piece (（六）其他, in its column left of the label) opens none.
 */
function opensRow(cell: LayoutCell, zone: number, form: readonly RowDef[]): boolean {
  if (itemNumbered(cell)) return true;
  return numbered(cell) && (inZone(cell, zone) || formRowFit(cell.text, form) > 0);
}

/** The printed label is one of the form's group labels, (nearly) whole. */
function wholeGroupLabel(rawLabel: string, form: readonly RowDef[]): boolean {
  const printed = normalizeLabel(rawLabel);
  return form.some((def) => {
    if (def.group === undefined) return false;
    const group = normalizeLabel(def.group);
    return containment(printed, group) >= PRINTED_IN_FORM && containment(group, printed) >= FORM_PRINTED;
  });
}

/**
 * How much of a form row's own label the printed label prints (0..1), over the form rows whose
 * label holds (nearly) all the printed one.
 */
function formRowFit(rawLabel: string, form: readonly RowDef[]): number {
  const printed = normalizeLabel(rawLabel);
  let fit = 0;
  for (const def of form) {
    for (const v of labelsOf(def).variants) if (containment(printed, v) >= PRINTED_IN_FORM) fit = Math.max(fit, containment(v, printed));
  }
  return fit;
}

/** A line that prints a row's label and figures side by side. */
function labelWithFigures(line: LayoutLine): boolean {
  const row = toValueRow(line, 0);
  return row != null && row.numbers > 0 && hasCjk(row.rawLabel);
}

/** A line of label text alone: no figure, no blank cell. */
function labelOnly(line: LayoutLine): boolean {
  return line.cells.length > 0 && (toValueRow(line, 0)?.values.length ?? 0) === 0;
}

function numbered(cell: LayoutCell): boolean {
  return ROW_NUMBERING.test(normalizeText(cell.text));
}

/** An item's number (1. 2、), which only the items' column prints — unlike a group's （三） or 三、. */
const ITEM_NUMBER = /^\d+[.、．]/u;

function itemNumbered(cell: LayoutCell): boolean {
  return ITEM_NUMBER.test(normalizeText(cell.text));
}

/** The cell stands under the label (its centre right of the zone's edge), not in a group's column left of it. */
function inZone(cell: LayoutCell, zone: number): boolean {
  if (!cell.columns) return false;
  return (cell.columns.from + cell.columns.to) / 2 >= zone;
}
