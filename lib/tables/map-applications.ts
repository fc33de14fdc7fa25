import { APPLICATION_ROWS, type FormatVersion, type RowDef } from '../model/form.ts';
import type { LayoutLine } from '../model/layout.ts';
import { type Alignment, alignEnds } from './align.ts';
import { fillByPosition } from './columns-by-position.ts';
import { describeMapping, type MappedRows } from './mapped-rows.ts';
import { mergeableGroups, spanScore, splittableRows } from './merged-rows.ts';
import { cellsOrPending } from './pending-cells.ts';
import { labelScore } from './row-label-score.ts';
import { collectValueRows } from './table3-rows.ts';
import { columnSumsHolding, isSubtotalRow, rowVectors } from './table3-sums.ts';
import { fitValues } from './value-row.ts';

/** Gains of the alignment (label scores are 0..1 on top of the base). */
const BASE = 0.5;
/** a row printed all blank weighs less than one with figures, but more than a skipped one */
const BLANK_BASE = 0.3;
const SKIP_FORM = -0.6;
const SKIP_DATA = -0.3;
/** each part of a split row must carry its own label at least this well */
const SPLIT_PART_FIT = 0.6;
/** leaving out a row that looks like a publisher's subtotal costs nothing, it gains */
const SUBTOTAL_BONUS = 0.9;
/** when labels cannot tell, a row missing at the end (a cut page) beats one missing mid-table */
const LATE_MISSING_PREFERENCE = 0.01;
/**
 * A readable label that plainly names another form row argues against a match: the gain drops by
 * how much better the row's best form row fits, beyond this margin. Garbled labels fit no form row
 * well, so they never argue, and the form's order places them.
 */
const CONTRADICTION_MARGIN = 0.3;
const WIDTH = 7;

/**
 * With unreadable labels, rows just outside the table (a blank header, the next table's first
 * row) can be taken in at no cost; the form's own sums tell the right span from a shifted one.
 * These bound that search: rows that may be dropped at the start and at the end of the region,
 * and how many form rows a span may leave unmatched.
 */
const MAX_LEADING_DROPPED = 2;
const MAX_TRAILING_DROPPED = 3;
const MAX_UNMATCHED_FORM_ROWS = 4;

/** Maps the value rows of table 3's region to the rows of the given format. */
export function mapApplications(lines: LayoutLine[], start: number, end: number, format: FormatVersion): MappedRows {
  const form = APPLICATION_ROWS[format];
  const rows = collectValueRows(lines, start, end, form);
  fillByPosition(
    rows.map((r) => r.row),
    WIDTH,
  );
  // a row whose figures ran together is placed with pending cells, split once the table is known
  const fitted = rows.map(({ row }) => cellsOrPending(row.values, fitValues(row.values, WIDTH, row.ocr, true, row.grid), WIDTH));
  const vectors = rowVectors(fitted, rows);
  const subtotal = rows.map((_, i) => isSubtotalRow(i, rows, vectors, format));
  const groups = mergeableGroups(format);
  const splits = splittableRows(format);
  // the alignment is searched over several spans (rows dropped at either end): score each row
  // against each form row once
  const fits = new Map<RowDef, number[]>();
  const fitOf = (r: number, def: RowDef): number => {
    let byRow = fits.get(def);
    if (!byRow) {
      byRow = [];
      fits.set(def, byRow);
    }
    byRow[r] ??= labelScore(rows[r]!.context, rows[r]!.row.label, def);
    return byRow[r];
  };
  const bestFit = rows.map((_, r) => Math.max(...form.map((def) => fitOf(r, def))));

  // the same row against the same form row scores alike in every span searched below: once each
  const memo = <T>(compute: (r: number, j: number) => T) => {
    const seen = new Map<number, T>();
    return (r: number, j: number): T => {
      const key = r * form.length + j;
      if (!seen.has(key)) seen.set(key, compute(r, j));
      return seen.get(key)!;
    };
  };
  const matchAt = memo((r, j): number | null => {
    if (!fitted[r]) return null;
    const fit = fitOf(r, form[j]!);
    const contradiction = Math.max(0, bestFit[r]! - fit - CONTRADICTION_MARGIN);
    return (rows[r]!.row.numbers === 0 ? BLANK_BASE : BASE) + fit - contradiction;
  });
  const spanAt = memo((r, j): { span: number; gain: number } | null => {
    const group = groups.get(j);
    if (!group || !fitted[r]) return null;
    const score = spanScore(rows[r]!.row.label, group.label);
    return score === null ? null : { span: group.span, gain: BASE + score };
  });
  /** the parts of form row j split over rows r, r+1, … */
  const splitAt = memo((r, j): { span: number; gain: number } | null => {
    const parts = splits.get(j);
    if (!parts || r + parts.length > rows.length) return null;
    let fit = 0;
    for (const [k, part] of parts.entries()) {
      const score = fitOf(r + k, part);
      if (!fitted[r + k] || score < SPLIT_PART_FIT) return null;
      fit += score;
    }
    return { span: parts.length, gain: parts.length * BASE + fit };
  });

  /** alignments of rows first … last−1 for each of the lasts, from one table */
  const alignFrom = (first: number, lasts: number[]): Alignment[] =>
    alignEnds(
      rows.length - first,
      form.length,
      {
        match: (i, j) => matchAt(first + i, j),
        matchSpan: (i, j) => spanAt(first + i, j),
        matchSplit: (i, j) => splitAt(first + i, j),
        skipData: (i) => SKIP_DATA + (subtotal[first + i] ? SUBTOTAL_BONUS : 0),
        skipForm: (j) => SKIP_FORM + (LATE_MISSING_PREFERENCE * j) / form.length,
      },
      lasts.map((last) => last - first),
    );

  let best: { alignment: Alignment; first: number; holding: number } | null = null;
  for (let dropStart = 0; dropStart <= MAX_LEADING_DROPPED; dropStart++) {
    const first = dropStart;
    const lasts: number[] = [];
    for (let dropEnd = 0; dropEnd <= MAX_TRAILING_DROPPED; dropEnd++) {
      const last = rows.length - dropEnd;
      if (last - first >= form.length - MAX_UNMATCHED_FORM_ROWS) lasts.push(last);
    }
    if (lasts.length === 0) continue;
    for (const alignment of alignFrom(first, lasts)) {
      const holding = columnSumsHolding(alignment, first, vectors, form);
      if (!best || holding > best.holding || (holding === best.holding && alignment.score > best.alignment.score)) {
        best = { alignment, first, holding };
      }
    }
  }
  const first = best?.first ?? 0;
  const alignment = best?.alignment ?? alignFrom(0, [rows.length])[0]!;
  return describeMapping(alignment, first, rows, fitted, best?.holding ?? columnSumsHolding(alignment, first, vectors, form), format);
}
