import { cy } from './geo-word.ts';
import type { Carried } from './row-fragments.ts';
import { sameSize, type TextRow, tableHeader } from './text-rows.ts';

/**
 * A numbered label line is a row of a table printed blank when it lies in the label column of the
 * table's rows: between two of them, or above the first or below the last with nothing but lines
 * of text (its own wrapped label) and no wider gap than a row's between it and the table, or
 * first on a page that goes on with the previous page's table.
 */
export function isBlankRow(
  row: TextRow,
  rows: readonly TextRow[],
  figured: readonly TextRow[],
  zoneLeft: (row: TextRow) => number,
  carried: Carried | undefined,
): boolean {
  const table = figured.filter((a) => sameSize(row, a) && row.box[2] < zoneLeft(a));
  const above = table.filter((a) => a.box[3] <= cy(row.box));
  const below = table.filter((a) => a.box[1] >= cy(row.box));
  if (above.length > 0 && below.length > 0) return true;
  // the first line of a page that goes on with the previous page's table, in its text size (below
  // the table's header when the page repeats it)
  if (carried !== undefined && Math.abs(row.h - carried.height) <= 0.3 * carried.height) {
    const over = rows.filter((r) => r !== row && r.box[1] < row.box[1]);
    if (over.length === 0 || isRepeatedHeader(over, row, carried.headerText)) return true;
  }
  const down = below.length > 0;
  let at = row;
  for (;;) {
    const next = rows
      .filter((r) => r !== at && (down ? r.box[1] > at.box[1] : r.box[1] < at.box[1]))
      .sort((a, b) => (down ? a.box[1] - b.box[1] : b.box[1] - a.box[1]))[0];
    if (next === undefined || (down ? next.box[1] - at.box[3] : at.box[1] - next.box[3]) > BLANK_ROW_GAP * row.h) return false;
    if (table.includes(next)) return true;
    at = next;
  }
}

/**
 * Whether the lines are the table's header printed again above `first`: all of them, in the
 * table's text size and close together, most of their pieces words of the header it had before
 * (a page may repeat the header in part, or break its words over other lines).
 */
function isRepeatedHeader(lines: readonly TextRow[], first: TextRow, headerText: string | undefined): boolean {
  if (headerText === undefined || tableHeader(lines, first, REPEATED_HEADER_GAP).length !== lines.length) return false;
  const pieces = lines.flatMap((r) => r.chunks.map((c) => c.text));
  return pieces.filter((p) => headerText.includes(p)).length * 2 > pieces.length;
}

/**
 * Widest gap (in text heights) between the lines of a header printed again atop a page, and
 * below it: its lowest line may be a word set over three lines (社会 / 公益 / 组织) that is read
 * as a vertical label, so the header's other lines end higher above the first row.
 */
const REPEATED_HEADER_GAP = 3;

/** Widest gap (in text heights) between a blank row at a table's top or foot and the table. */
const BLANK_ROW_GAP = 2;
