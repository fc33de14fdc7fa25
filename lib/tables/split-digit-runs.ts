/**
 * Splits digit runs by a table's arithmetic. Web text that lost its cell boundaries prints a row's
 * figures as one run (“640020470” for 64 / 0 / 0 / 2 / 0 / 4 / 70). A row's split is taken only
 * when exactly one way of cutting every run of the table satisfies every sum; never the “closest”.
 *
 * Pure and table-agnostic: the caller states the rows, the sums inside a row and the equations
 * across rows (lib/tables/resolve-runs.ts does it for the form). Each run row's splits are
 * enumerated under its own sums first (row-splits.ts: a row total is a suffix that caps every other
 * piece, so few survive); run-search.ts then removes those no other rows can balance and searches
 * what is left — each within a limit, and a row it could not settle is said to be so.
 */
import { type Candidate, enumerateRowSplits, type RowSum } from './row-splits.ts';
import { NO_SEARCH, searchTable, type Unknown } from './run-search.ts';

export { ROW_SEARCH_LIMIT, type RowSum } from './row-splits.ts';

/** Choices the cross-row search may try before it gives up and says so (see also SEARCH_WORK_LIMIT). */
export const TABLE_SEARCH_LIMIT = 20_000;

export interface SplitRow {
  /** the row's cells when they were printed apart: a number, or null when unknown */
  values?: readonly (number | null)[];
  /** the row's digit tokens in printed order, when its cells ran together */
  runs?: readonly string[];
}

/** One term of an equation across rows: `coef × cell(row, col)`. */
export interface Term {
  row: number;
  col: number;
  coef: number;
}

export interface SplitProblem {
  /** cells per row */
  width: number;
  rows: readonly SplitRow[];
  /** sums inside every row, e.g. 总计 = the six columns before it */
  rowSums: readonly RowSum[];
  /** sums across rows, each as Σ terms = 0 (e.g. （七）总计 − every item = 0, per column) */
  equations: readonly (readonly Term[])[];
  /** columns whose figures may carry decimals (amounts) */
  decimalColumns?: ReadonlySet<number>;
  /** cells printed blank left no digit in the runs (web text drops empty cells): a cell may take none */
  blanks?: boolean;
}

export type RowSplit =
  /** the row has no run */
  | { kind: 'given' }
  /**
   * the one split left: `by: 'table'` — the only one under every sum; `by: 'row'` — the only one
   * under the row's own sums, taken because no split satisfies the table's sums (or the search
   * stopped), so the failing sum is reported by its rule
   */
  | { kind: 'split'; values: number[]; pieces: string[]; by: 'table' | 'row' }
  /** several splits satisfy every sum (or, when the table is inconsistent, the row's own sums) */
  | { kind: 'ambiguous'; splits: number }
  /** no split satisfies even the row's own sums, or the digits cannot fill the row */
  | { kind: 'impossible' }
  /** the row alone has too many splits to enumerate, or the search stopped before telling */
  | { kind: 'limit' };

export interface SplitOutcome {
  rows: RowSplit[];
  /** no split of the runs satisfies every sum: the table has an error, or the text lost digits */
  inconsistent: boolean;
  /** a search stopped at its limit */
  limitHit: boolean;
}

/** Solves one table: which run rows have exactly one split under every sum. */
export function splitDigitRuns(problem: SplitProblem, tableLimit = TABLE_SEARCH_LIMIT): SplitOutcome {
  const { rows, width } = problem;
  const outcome: RowSplit[] = rows.map(() => ({ kind: 'given' }));
  let limitHit = false;
  const perRow = new Map<number, Candidate[]>();
  rows.forEach((row, r) => {
    if (!row.runs) return;
    const found = enumerateRowSplits(row.runs, width, problem.rowSums, problem.decimalColumns, problem.blanks);
    if (found === 'limit') {
      outcome[r] = { kind: 'limit' };
      limitHit = true;
    } else if (found.length === 0) outcome[r] = { kind: 'impossible' };
    else perRow.set(r, found);
  });

  // Equations over run rows whose other cells are all known; a row too long to enumerate makes its
  // equations unknown (dropping a sum only widens the search, so a unique answer stays right).
  const equations = problem.equations.filter(
    (terms) =>
      terms.some((t) => perRow.has(t.row)) &&
      terms.every((t) => perRow.has(t.row) || (!rows[t.row]!.runs && rows[t.row]!.values?.[t.col] != null)),
  );
  const unknowns: Unknown[] = [...perRow].map(([row, candidates]) => ({ row, candidates }));
  // a row whose digits cannot hold its own sums already proves the table inconsistent
  const impossible = outcome.some((r) => r.kind === 'impossible');
  const search = impossible ? NO_SEARCH : searchTable(unknowns, equations, rows, tableLimit);
  if (search.limitHit) limitHit = true;

  const inconsistent = impossible || (search.solutions === 0 && !search.limitHit);
  for (const u of unknowns) {
    const only = (c: Candidate, by: 'table' | 'row'): RowSplit => ({ kind: 'split', values: c.values, pieces: c.pieces, by });
    if (search.solutions > 0) {
      // one split seen proves it the only one when the search ran to the end, or when bounds
      // propagation had already left the row a single candidate
      const support = search.support.get(u.row)!;
      const proven = !search.limitHit || search.alive.get(u.row) === 1;
      if (support.size > 1) outcome[u.row] = { kind: 'ambiguous', splits: support.size };
      else if (support.size === 1 && proven) outcome[u.row] = only(u.candidates[[...support][0]!]!, 'table');
      else outcome[u.row] = { kind: 'limit' };
      continue;
    }
    // No solution found (the table is inconsistent, or the search stopped): only a split the
    // row's own sums allow alone is taken, and the table's failing sum is left to its rule.
    if (u.candidates.length === 1) outcome[u.row] = only(u.candidates[0]!, 'row');
    else outcome[u.row] = search.limitHit ? { kind: 'limit' } : { kind: 'ambiguous', splits: u.candidates.length };
  }
  return { rows: outcome, inconsistent, limitHit };
}
