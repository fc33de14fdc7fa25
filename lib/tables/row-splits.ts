/**
 * Every way to cut one row's digit tokens into its cells that satisfies the row's own sums. A
 * token fills one or more whole cells (a space the text kept is a real boundary); a piece is a
 * number as printed, so “05” is never a cell; a cell that is a sum of earlier cells must print
 * exactly that sum, which fixes it and prunes the search.
 */

/** Nodes one row's enumeration may visit before it gives up (a run far longer than any row). */
export const ROW_SEARCH_LIMIT = 200_000;
/** Splits of one row kept at most; more than this and the row is as good as unknown. */
export const ROW_SPLITS_KEPT = 5_000;

/** Inside a row: cell `total` = the sum of cells `parts` (all before it). */
export interface RowSum {
  total: number;
  parts: readonly number[];
}

export interface Candidate {
  values: number[];
  pieces: string[];
}

const INTEGER = /^(0|[1-9]\d*)$/;
const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;

/** The row's splits under its own sums, or 'limit' when there are too many to enumerate. */
export function enumerateRowSplits(
  tokens: readonly string[],
  width: number,
  sums: readonly RowSum[],
  decimalColumns: ReadonlySet<number> = new Set(),
): Candidate[] | 'limit' {
  const totalOf = new Map(sums.filter((s) => s.total < width && s.parts.every((p) => p < s.total)).map((s) => [s.total, s.parts]));
  const chars = tokens.reduce((n, t) => n + t.length, 0);
  if (tokens.length === 0 || tokens.length > width || chars < width) return [];
  const found: Candidate[] = [];
  const pieces: string[] = [];
  const values: number[] = [];
  let nodes = 0;
  let stopped = false;

  /** Cell `k` starts at `offset` in token `t`; `left` characters remain from there on. */
  const visit = (k: number, t: number, offset: number, left: number): void => {
    if (stopped) return;
    if (++nodes > ROW_SEARCH_LIMIT || found.length > ROW_SPLITS_KEPT) {
      stopped = true;
      return;
    }
    if (k === width) {
      if (t === tokens.length) found.push({ values: [...values], pieces: [...pieces] });
      return;
    }
    const cellsLeft = width - k;
    // every remaining token needs a cell, and every remaining cell a character
    if (tokens.length - t > cellsLeft || left < cellsLeft) return;
    const token = tokens[t]!;
    const room = token.length - offset;
    const pattern = decimalColumns.has(k) ? DECIMAL : INTEGER;
    const take = (length: number): void => {
      const piece = token.slice(offset, offset + length);
      if (!pattern.test(piece)) return;
      pieces.push(piece);
      values.push(Number(piece));
      const ends = length === room;
      visit(k + 1, ends ? t + 1 : t, ends ? 0 : offset + length, left - length);
      pieces.pop();
      values.pop();
    };
    const parts = totalOf.get(k);
    if (parts) {
      const sum = round(parts.reduce((s, p) => s + values[p]!, 0));
      const printed = String(sum);
      if (printed.length <= room && token.startsWith(printed, offset)) take(printed.length);
      return;
    }
    // the cells after this one need a character each
    const longest = Math.min(room, left - (cellsLeft - 1));
    for (let length = 1; length <= longest; length++) take(length);
  };
  visit(0, 0, 0, chars);
  return stopped ? 'limit' : found;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
