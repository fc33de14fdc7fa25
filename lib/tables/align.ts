/**
 * Order-preserving alignment of the rows found in a document to the rows of the form
 * (Needleman–Wunsch). Rows come in the form's order, so when every label is unreadable the
 * alignment still maps by position; readable labels, publisher-added rows and missing rows bend it.
 * A publisher may also print several consecutive form rows as one (（六）其他处理 as one row in a
 * 2021 report): `matchSpan` lets one data row stand for a run of form rows. Or print one form row
 * as several (a 2019 report with the 2021 form's three （六） rows): `matchSplit` lets a run of data
 * rows together stand for one form row.
 */
export interface AlignCosts {
  /** gain of mapping data row i to form row j, or null when they cannot be the same row */
  match(i: number, j: number): number | null;
  /** gain (usually negative) of leaving data row i unmapped: an extra row */
  skipData(i: number): number;
  /** gain (negative) of leaving form row j without data: a missing row */
  skipForm(j: number): number;
  /** data row i printed for the form rows j … j+span−1 merged into one; null when it cannot be */
  matchSpan?(i: number, j: number): { span: number; gain: number } | null;
  /** data rows i … i+span−1 printed for form row j, split in parts; null when they cannot be */
  matchSplit?(i: number, j: number): { span: number; gain: number } | null;
}

/** A data row that stands for several consecutive form rows. */
export interface MergedSpan {
  data: number;
  /** first form row */
  form: number;
  span: number;
}

/** Several data rows that together stand for one form row. */
export interface SplitSpan {
  /** first data row */
  data: number;
  span: number;
  form: number;
}

export interface Alignment {
  /** form row index → data row index (one-to-one rows only) */
  pairs: Map<number, number>;
  merged: MergedSpan[];
  split: SplitSpan[];
  skippedData: number[];
  score: number;
}

const MATCH = 1;
const SKIP_DATA = 2;
const SKIP_FORM = 3;
const MATCH_SPAN = 4;
const MATCH_SPLIT = 5;

export function align(nData: number, nForm: number, costs: AlignCosts): Alignment {
  return alignEnds(nData, nForm, costs, [nData])[0]!;
}

/**
 * The alignments of the data rows 0 … end−1 for each of `ends` (each ≤ nData), from one table: a
 * cell depends only on the cells before it, so the table of the longest span holds every shorter
 * one's (a split reaching past an end lands on rows its traceback never reads).
 */
export function alignEnds(nData: number, nForm: number, costs: AlignCosts, ends: readonly number[]): Alignment[] {
  const width = nForm + 1;
  const best = new Float64Array((nData + 1) * width).fill(-Infinity);
  const move = new Uint8Array((nData + 1) * width);
  const spanOf = new Uint8Array((nData + 1) * width);
  best[0] = 0;
  const relax = (i: number, j: number, value: number, how: number, span = 0) => {
    if (value > best[i * width + j]!) {
      best[i * width + j] = value;
      move[i * width + j] = how;
      spanOf[i * width + j] = span;
    }
  };
  for (let i = 0; i <= nData; i++) {
    for (let j = 0; j <= nForm; j++) {
      const here = best[i * width + j]!;
      if (here === -Infinity) continue;
      if (i < nData && j < nForm) {
        const gain = costs.match(i, j);
        if (gain !== null) relax(i + 1, j + 1, here + gain, MATCH);
        const merged = costs.matchSpan?.(i, j);
        if (merged && j + merged.span <= nForm) relax(i + 1, j + merged.span, here + merged.gain, MATCH_SPAN, merged.span);
        const split = costs.matchSplit?.(i, j);
        if (split && i + split.span <= nData) relax(i + split.span, j + 1, here + split.gain, MATCH_SPLIT, split.span);
      }
      if (i < nData) relax(i + 1, j, here + costs.skipData(i), SKIP_DATA);
      if (j < nForm) relax(i, j + 1, here + costs.skipForm(j), SKIP_FORM);
    }
  }
  return ends.map((end) => traceback(end, nForm, width, move, spanOf, best[end * width + nForm]!));
}

function traceback(end: number, nForm: number, width: number, move: Uint8Array, spanOf: Uint8Array, score: number): Alignment {
  const pairs = new Map<number, number>();
  const merged: MergedSpan[] = [];
  const split: SplitSpan[] = [];
  const skippedData: number[] = [];
  let i = end;
  let j = nForm;
  while (i > 0 || j > 0) {
    const how = move[i * width + j];
    if (how === MATCH) {
      pairs.set(j - 1, i - 1);
      i--;
      j--;
    } else if (how === MATCH_SPAN) {
      const span = spanOf[i * width + j]!;
      merged.push({ data: i - 1, form: j - span, span });
      i--;
      j -= span;
    } else if (how === MATCH_SPLIT) {
      const span = spanOf[i * width + j]!;
      split.push({ data: i - span, span, form: j - 1 });
      i -= span;
      j--;
    } else if (how === SKIP_DATA) {
      skippedData.push(i - 1);
      i--;
    } else {
      j--;
    }
  }
  return {
    pairs,
    merged: merged.reverse(),
    split: split.reverse(),
    skippedData: skippedData.reverse(),
    score,
  };
}
