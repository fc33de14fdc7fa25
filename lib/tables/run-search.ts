import type { Candidate } from './row-splits.ts';
import type { SplitRow, Term } from './split-digit-runs.ts';

/**
 * The cross-row part of splitDigitRuns: each run row has its candidate splits (under its own
 * sums); the equations across rows tie them. Propagation removes every candidate that no choice
 * of the other rows can balance in some equation; the search then branches on the row with the
 * fewest candidates left, propagating after each choice, and records which candidates appear in
 * some solution — stopping once every row is known to be ambiguous, or when its work limit is hit.
 */

export interface Unknown {
  row: number;
  candidates: Candidate[];
}

export interface Search {
  /** solutions found (the search stops counting once every row is known to be ambiguous) */
  solutions: number;
  /** row → indices of its candidates seen in some solution */
  support: Map<number, Set<number>>;
  /** row → candidates left after bounds propagation */
  alive: Map<number, number>;
  limitHit: boolean;
}

export const NO_SEARCH: Search = { solutions: 0, support: new Map(), alive: new Map(), limitHit: false };

/** Propagation, then a search over the rows still ambiguous (see the file's opening comment). */
export function searchTable(
  unknowns: Unknown[],
  equations: readonly (readonly Term[])[],
  rows: readonly SplitRow[],
  limit: number,
): Search {
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
  const root = unknowns.map((u) => u.candidates.map((_, k) => k));
  const left = (alive: number[][]) => new Map(unknowns.map((u, i) => [u.row, alive[i]!.length]));
  let nodes = 0;
  let solutions = 0;
  let limitHit = false;
  const budget = { left: SEARCH_WORK_LIMIT };
  const top = propagate(eqs, root, budget);
  if (top === null) return { solutions: 0, support, alive: left(root), limitHit: budget.left <= 0 };
  const settled = () => unknowns.every((u, i) => top[i]!.length === 1 || support.get(u.row)!.size > 1);

  /** Branches on the row with fewest candidates, propagating after each choice; false: stop. */
  const visit = (alive: number[][]): boolean => {
    if (++nodes > limit || budget.left <= 0) {
      limitHit = true;
      return false;
    }
    let branch = -1;
    alive.forEach((a, i) => {
      if (a.length > 1 && (branch < 0 || a.length < alive[branch]!.length)) branch = i;
    });
    if (branch < 0) {
      solutions++;
      alive.forEach((a, i) => {
        support.get(unknowns[i]!.row)!.add(a[0]!);
      });
      return !settled();
    }
    for (const k of alive[branch]!) {
      const trial = alive.map((a, i) => (i === branch ? [k] : a));
      const next = propagate(eqs, trial, budget, branch);
      if (next && !visit(next)) return false;
    }
    return true;
  };
  visit(top);
  return { solutions, support, alive: left(top), limitHit };
}

/** Units of work (sums formed and compared) the whole search may do before it stops and says so. */
export const SEARCH_WORK_LIMIT = 3_000_000;

/** Reachable sums above which an equation is only bounds-checked (its sets would grow too large). */
const REACHABLE_LIMIT = 300;

type Equation = { constant: number; parts: Map<number, number[]> };

/**
 * Removes every candidate that no choice of the other rows can balance, equation by equation
 * (exactly, by the sums the other rows can reach; by bounds when those are too many), until
 * nothing changes. Returns the candidates left, or null when a row has none (no solution).
 * `budget` counts the work, so the whole search stays bounded.
 */
function propagate(eqs: Equation[], start: number[][], budget: { left: number }, changedRow?: number): number[][] | null {
  const alive = start.map((a) => [...a]);
  const queue = new Set(changedRow === undefined ? eqs : eqs.filter((eq) => eq.parts.has(changedRow)));
  while (queue.size > 0) {
    const eq = queue.values().next().value as Equation;
    queue.delete(eq);
    if (budget.left <= 0) return alive;
    for (const [u, ks] of supported(eq.constant, [...eq.parts], alive, budget)) {
      if (ks.length === 0) return null;
      if (ks.length < alive[u]!.length) {
        alive[u] = ks;
        // the rows' other equations may lose support now
        for (const other of eqs) if (other !== eq && other.parts.has(u)) queue.add(other);
      }
    }
  }
  return alive;
}

/** For each row of one equation, its candidates some choice of the other rows balances. */
function supported(base: number, all: [number, number[]][], alive: number[][], budget: { left: number }): Map<number, number[]> {
  // a row down to one candidate adds a constant
  let constant = base;
  const vars = all.filter(([u, contrib]) => {
    if (alive[u]!.length !== 1) return true;
    constant += contrib[alive[u]![0]!]!;
    return false;
  });
  const keep = new Map<number, number[]>();
  if (vars.length === 0) {
    if (constant !== 0) for (const [u] of all) keep.set(u, []);
    return keep;
  }
  const values = vars.map(([u, contrib]) => [...new Set(alive[u]!.map((k) => contrib[k]!))]);
  // sums reachable by the rows before (forward) and after (backward) each row
  const forward: Set<number>[] = [new Set([constant])];
  const backward: Set<number>[] = new Array(vars.length + 1);
  backward[vars.length] = new Set([0]);
  let exact = true;
  for (let i = 0; i < vars.length && exact; i++) forward.push(step(forward[i]!, values[i]!));
  for (let i = vars.length - 1; i >= 0 && exact; i--) backward[i] = step(backward[i + 1]!, values[i]!);
  function step(from: Set<number>, add: number[]): Set<number> {
    const out = new Set<number>();
    budget.left -= from.size * add.length;
    for (const a of from) for (const b of add) out.add(a + b);
    if (out.size > REACHABLE_LIMIT) exact = false;
    return out;
  }
  if (!exact) {
    // bounds only: [min, max] of what the other rows can add
    const lo = values.map((v) => Math.min(...v));
    const hi = values.map((v) => Math.max(...v));
    const sumLo = constant + lo.reduce((a, b) => a + b, 0);
    const sumHi = constant + hi.reduce((a, b) => a + b, 0);
    vars.forEach(([u, contrib], i) => {
      keep.set(
        u,
        alive[u]!.filter((k) => sumLo - lo[i]! + contrib[k]! <= 0 && sumHi - hi[i]! + contrib[k]! >= 0),
      );
    });
    return keep;
  }
  vars.forEach(([u, contrib], i) => {
    const before = forward[i]!;
    const after = backward[i + 1]!;
    const ok = new Map<number, boolean>();
    const fits = (v: number) => {
      let hit = ok.get(v);
      if (hit === undefined) {
        hit = false;
        budget.left -= before.size;
        for (const f of before) {
          if (after.has(-(f + v))) {
            hit = true;
            break;
          }
        }
        ok.set(v, hit);
      }
      return hit;
    };
    keep.set(
      u,
      alive[u]!.filter((k) => fits(contrib[k]!)),
    );
  });
  return keep;
}
