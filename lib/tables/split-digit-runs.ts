/**
 * Splits digit runs by a table's arithmetic. Web text that lost its cell boundaries prints a row's
 * figures as one run (“640020470” for 64 / 0 / 0 / 2 / 0 / 4 / 70). A row's split is taken only
 * when exactly one way of cutting every run of the table satisfies every sum; never the “closest”.
 *
 * Pure and table-agnostic: the caller states the rows, the sums inside a row and the equations
 * across rows (lib/tables/resolve-runs.ts does it for the form). The search enumerates each run
 * row's splits under its own sums first (a row total fixes the last piece, so few survive), prunes
 * them by the bounds of every cross-row equation, then searches what is left, within a limit.
 */
import { type Candidate, enumerateRowSplits, type RowSum } from './row-splits.ts';

export { ROW_SEARCH_LIMIT, type RowSum } from './row-splits.ts';

/** Nodes the cross-row search may visit before it gives up and says so. */
export const TABLE_SEARCH_LIMIT = 200_000;

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

interface Unknown {
  row: number;
  candidates: Candidate[];
}

/** Solves one table: which run rows have exactly one split under every sum. */
export function splitDigitRuns(problem: SplitProblem, tableLimit = TABLE_SEARCH_LIMIT): SplitOutcome {
  const { rows, width } = problem;
  const outcome: RowSplit[] = rows.map(() => ({ kind: 'given' }));
  let limitHit = false;
  const perRow = new Map<number, Candidate[]>();
  rows.forEach((row, r) => {
    if (!row.runs) return;
    const found = enumerateRowSplits(row.runs, width, problem.rowSums, problem.decimalColumns);
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

interface Search {
  /** solutions found (the search stops counting once every row is known to be ambiguous) */
  solutions: number;
  /** row → indices of its candidates seen in some solution */
  support: Map<number, Set<number>>;
  /** row → candidates left after bounds propagation */
  alive: Map<number, number>;
  limitHit: boolean;
}

const NO_SEARCH: Search = { solutions: 0, support: new Map(), alive: new Map(), limitHit: false };

/** Bounds propagation, then a depth-first search over the rows still ambiguous. */
function searchTable(unknowns: Unknown[], equations: readonly (readonly Term[])[], rows: readonly SplitRow[], limit: number): Search {
  const support = new Map(unknowns.map((u) => [u.row, new Set<number>()]));
  const index = new Map(unknowns.map((u, i) => [u.row, i]));
  // each equation as a constant plus, per unknown row, the contribution of each of its candidates
  const eqs = equations.map((terms) => {
    let constant = 0;
    const parts = new Map<number, number[]>();
    for (const t of terms) {
      const u = index.get(t.row);
      if (u === undefined) {
        constant += t.coef * rows[t.row]!.values![t.col]!;
        continue;
      }
      const contrib = parts.get(u) ?? unknowns[u]!.candidates.map(() => 0);
      unknowns[u]!.candidates.forEach((c, k) => {
        contrib[k]! += t.coef * c.values[t.col]!;
      });
      parts.set(u, contrib);
    }
    return { constant, parts };
  });
  const alive = unknowns.map((u) => u.candidates.map((_, k) => k));
  const left = () => new Map(unknowns.map((u, i) => [u.row, alive[i]!.length]));
  if (!propagate(eqs, alive)) return { solutions: 0, support, alive: left(), limitHit: false };

  const order = alive.map((_, i) => i).sort((a, b) => alive[a]!.length - alive[b]!.length);
  const chosen: (number | undefined)[] = alive.map(() => undefined);
  let nodes = 0;
  let solutions = 0;
  let limitHit = false;
  const settled = () => unknowns.every((u, i) => alive[i]!.length === 1 || support.get(u.row)!.size > 1);

  const feasible = (): boolean => {
    for (const eq of eqs) {
      let lo = eq.constant;
      let hi = eq.constant;
      for (const [u, contrib] of eq.parts) {
        const k = chosen[u];
        if (k !== undefined) {
          lo += contrib[k]!;
          hi += contrib[k]!;
        } else {
          lo += Math.min(...alive[u]!.map((a) => contrib[a]!));
          hi += Math.max(...alive[u]!.map((a) => contrib[a]!));
        }
      }
      if (lo > 0 || hi < 0) return false;
    }
    return true;
  };

  const visit = (depth: number): boolean => {
    if (++nodes > limit) {
      limitHit = true;
      return false;
    }
    if (!feasible()) return true;
    if (depth === order.length) {
      solutions++;
      chosen.forEach((k, u) => {
        support.get(unknowns[u]!.row)!.add(k!);
      });
      return !settled();
    }
    const u = order[depth]!;
    for (const k of alive[u]!) {
      chosen[u] = k;
      const go = visit(depth + 1);
      chosen[u] = undefined;
      if (!go) return false;
    }
    return true;
  };
  visit(0);
  return { solutions, support, alive: left(), limitHit };
}

/** Removes candidates no choice of the other rows can balance; false when a row has none left. */
function propagate(eqs: { constant: number; parts: Map<number, number[]> }[], alive: number[][]): boolean {
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of eqs) {
      const bounds = new Map<number, [number, number]>();
      let lo = eq.constant;
      let hi = eq.constant;
      for (const [u, contrib] of eq.parts) {
        const values = alive[u]!.map((k) => contrib[k]!);
        const b: [number, number] = [Math.min(...values), Math.max(...values)];
        bounds.set(u, b);
        lo += b[0];
        hi += b[1];
      }
      for (const [u, contrib] of eq.parts) {
        const [blo, bhi] = bounds.get(u)!;
        const keep = alive[u]!.filter((k) => lo - blo + contrib[k]! <= 0 && hi - bhi + contrib[k]! >= 0);
        if (keep.length === 0) return false;
        if (keep.length < alive[u]!.length) {
          alive[u] = keep;
          changed = true;
        }
      }
    }
  }
  return true;
}
