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

/**
 * The row's splits under its own sums, or 'limit' when there are too many to enumerate. With
 * `blanks`, a cell may have been printed blank and left no digit in the run (its value 0): web
 * text drops empty cells along with their boundaries. Splits with the same values are one reading.
 */
export function enumerateRowSplits(
  given: readonly string[],
  width: number,
  sums: readonly RowSum[],
  decimalColumns: ReadonlySet<number> = new Set(),
  blanks = false,
): Candidate[] | 'limit' {
  const totalOf = new Map(sums.filter((s) => s.total < width && s.parts.every((p) => p < s.total)).map((s) => [s.total, s.parts]));
  const tokens = given.filter((t) => t !== '');
  const chars = tokens.reduce((n, t) => n + t.length, 0);
  if (tokens.length > width || (!blanks && (tokens.length === 0 || chars < width))) return [];
  const search = new RowSearch(decimalColumns, blanks);
  const last = width - 1;
  const final = totalOf.get(last);
  if (totalOf.size === 1 && final?.length === last) {
    // the row's last cell totals all the others (table 3): it is a suffix of the digits, and its
    // value caps every other cell, so choose it first
    const end = tokens[tokens.length - 1] ?? '';
    for (let length = blanks ? 0 : 1; length <= end.length; length++) {
      const piece = end.slice(end.length - length);
      if (length > 0 && !INTEGER.test(piece)) continue;
      const head = length === end.length ? tokens.slice(0, -1) : [...tokens.slice(0, -1), end.slice(0, end.length - length)];
      if (head.length > last) continue;
      search.run(head, last, new Map(), length > 0 ? Number(piece) : 0, piece);
    }
  } else search.run(tokens, width, totalOf);
  return search.stopped ? 'limit' : [...search.found.values()];
}

/** One row's depth-first enumeration, with the limits shared by every run of it. */
class RowSearch {
  readonly found = new Map<string, Candidate>();
  stopped = false;
  private nodes = 0;

  constructor(
    private readonly decimalColumns: ReadonlySet<number>,
    private readonly blanks: boolean,
  ) {}

  /**
   * Cuts `tokens` into `width` cells; `totalOf`: cells that sum earlier ones; `target`: what all
   * the cells must add up to (then appended as one more cell, printed `targetPiece`).
   */
  run(tokens: readonly string[], width: number, totalOf: Map<number, readonly number[]>, target?: number, targetPiece = ''): void {
    const { blanks } = this;
    const pieces: string[] = [];
    const values: number[] = [];
    let sum = 0;
    const visit = (k: number, t: number, offset: number, left: number): void => {
      if (this.stopped) return;
      if (++this.nodes > ROW_SEARCH_LIMIT || this.found.size > ROW_SPLITS_KEPT) {
        this.stopped = true;
        return;
      }
      if (k === width) {
        if (t !== tokens.length || (target !== undefined && sum !== target)) return;
        const all = target === undefined ? values : [...values, target];
        const key = all.join(',');
        if (!this.found.has(key))
          this.found.set(key, { values: [...all], pieces: target === undefined ? [...pieces] : [...pieces, targetPiece] });
        return;
      }
      const cellsLeft = width - k;
      // every remaining token needs a cell, and (without blanks) every remaining cell a character;
      // under a target no cell has more digits than it, so the digits left must fit
      if (tokens.length - t > cellsLeft || (!blanks && left < cellsLeft)) return;
      if (target !== undefined && left > cellsLeft * String(target - sum).length) return;
      // … and the digits left must be able to reach it
      if (target !== undefined && target - sum > cellsLeft * (10 ** left - 1)) return;
      const token = tokens[t] ?? '';
      const room = token.length - offset;
      const pattern = this.decimalColumns.has(k) ? DECIMAL : INTEGER;
      const take = (length: number): void => {
        const piece = token.slice(offset, offset + length);
        if (length > 0 && !pattern.test(piece)) return;
        const value = length > 0 ? Number(piece) : 0;
        if (target !== undefined && sum + value > target) return;
        pieces.push(piece);
        values.push(value);
        sum += value;
        const ends = length > 0 && length === room;
        visit(k + 1, ends ? t + 1 : t, ends ? 0 : offset + length, left - length);
        sum -= value;
        pieces.pop();
        values.pop();
      };
      const parts = totalOf.get(k);
      if (parts) {
        const total = round(parts.reduce((s, p) => s + values[p]!, 0));
        const printed = String(total);
        if (printed.length <= room && token.startsWith(printed, offset)) take(printed.length);
        if (blanks && total === 0) take(0);
        return;
      }
      if (blanks) take(0);
      // the cells after this one need a character each, unless they may be blank; none exceeds the target
      let longest = blanks ? room : Math.min(room, left - (cellsLeft - 1));
      if (target !== undefined) longest = Math.min(longest, String(target - sum).length);
      for (let length = 1; length <= longest; length++) take(length);
    };
    visit(
      0,
      0,
      0,
      tokens.reduce((n, tk) => n + tk.length, 0),
    );
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
