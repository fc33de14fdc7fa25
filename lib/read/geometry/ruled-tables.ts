import type { Segment } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import { cx, cy, type GeoWord, MAX_RULE_LEAN } from './geo-word.ts';
import { textOf } from './text-join.ts';

/** A cell of a ruled grid after merging: it spans rows r0..r1 and columns c0..c1. */
export interface GridRegion {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  box: Box;
  words: GeoWord[];
  text: string;
}

export interface RuledTable {
  box: Box;
  /** column boundaries, left to right */
  xs: number[];
  /** row boundaries, top to bottom */
  ys: number[];
  regions: GridRegion[];
}

interface Rule {
  /** the constant coordinate (y of a horizontal rule, x of a vertical one) */
  at: number;
  from: number;
  to: number;
}

/**
 * Builds the grids the page's ruling lines draw and puts each word in its cell. Returns the
 * tables and the words that fall outside every table.
 */
export function ruledTables(
  words: readonly GeoWord[],
  rulings: readonly Segment[],
  tolerance: number,
): { tables: RuledTable[]; rest: GeoWord[] } {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  for (const [x0, y0, x1, y1] of rulings) {
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dy <= dx * MAX_RULE_LEAN) horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (dx <= dy * MAX_RULE_LEAN) vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
  const tables: RuledTable[] = [];
  for (const group of connectedGroups(horizontal, vertical, tolerance)) {
    const table = buildGrid(group.h, group.v, tolerance);
    if (table !== undefined) tables.push(table);
  }
  const rest: GeoWord[] = [];
  for (const word of words) {
    const x = cx(word.box);
    const y = cy(word.box);
    const table = tables.find((t) => x > t.box[0] && x < t.box[2] && y > t.box[1] && y < t.box[3]);
    if (table === undefined) {
      rest.push(word);
      continue;
    }
    const r = indexOf(table.ys, y);
    const c = indexOf(table.xs, x);
    const region = table.regions.find((g) => r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1);
    if (region) region.words.push(word);
    else rest.push(word);
  }
  for (const table of tables) for (const region of table.regions) region.text = textOf(region.words);
  return { tables: tables.sort((a, b) => a.box[1] - b.box[1]), rest };
}

/** Index of the band [edges[i], edges[i+1]) holding `v`. */
function indexOf(edges: readonly number[], v: number): number {
  for (let i = 0; i < edges.length - 1; i++) if (v < edges[i + 1]!) return i;
  return edges.length - 2;
}

/** Rules that touch or cross each other form one table. */
function connectedGroups(h: Rule[], v: Rule[], tol: number): { h: Rule[]; v: Rule[] }[] {
  const all = [...h.map((r) => ({ r, horizontal: true })), ...v.map((r) => ({ r, horizontal: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      let touch: boolean;
      if (a.horizontal === b.horizontal) {
        touch = Math.abs(a.r.at - b.r.at) <= tol && a.r.from <= b.r.to + tol && b.r.from <= a.r.to + tol;
      } else {
        const [hr, vr] = a.horizontal ? [a.r, b.r] : [b.r, a.r];
        touch = vr.at >= hr.from - tol && vr.at <= hr.to + tol && hr.at >= vr.from - tol && hr.at <= vr.to + tol;
      }
      if (touch) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  all.forEach((item, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    (item.horizontal ? g.h : g.v).push(item.r);
    groups.set(root, g);
  });
  return [...groups.values()];
}

/** Clusters coordinates closer than `tol`, returning the cluster means in order. */
function clusterCoords(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: { sum: number; n: number; last: number }[] = [];
  for (const v of sorted) {
    const cur = out.at(-1);
    if (cur !== undefined && v - cur.last <= tol) {
      cur.sum += v;
      cur.n++;
      cur.last = v;
    } else out.push({ sum: v, n: 1, last: v });
  }
  return out.map((c) => c.sum / c.n);
}

/** Share of [from, to] covered by the rules lying at `at`. */
function coverage(rules: readonly Rule[], at: number, from: number, to: number, tol: number): number {
  const spans = rules
    .filter((r) => Math.abs(r.at - at) <= tol)
    .map((r) => [Math.max(from, r.from), Math.min(to, r.to)] as const)
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = from;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return covered / Math.max(1e-6, to - from);
}

/**
 * The stretch of a cell's side a rule must cover: the side less `tol` at each end (where the
 * crossing rules' ends blur), but never less than its middle half — a column narrower than two
 * tolerances (an empty merged label column squeezed thin, as when table 3 goes on in a second
 * table) would otherwise have nothing left to measure and every rule across it count as missing.
 */
function inside(from: number, to: number, tol: number): [number, number] {
  const trim = Math.min(tol, (to - from) / 4);
  return [from + trim, to - trim];
}

function buildGrid(h: Rule[], v: Rule[], tol: number): RuledTable | undefined {
  if (h.length < 2 || v.length < 2) return undefined;
  const left = Math.min(...h.map((r) => r.from), ...v.map((r) => r.at));
  const right = Math.max(...h.map((r) => r.to), ...v.map((r) => r.at));
  const top = Math.min(...v.map((r) => r.from), ...h.map((r) => r.at));
  const bottom = Math.max(...v.map((r) => r.to), ...h.map((r) => r.at));
  // Outer edges count as boundaries even where a border is not drawn.
  const ys = clusterCoords([...h.map((r) => r.at), top, bottom], tol);
  const xs = clusterCoords([...v.map((r) => r.at), left, right], tol);
  if (ys.length < 2 || xs.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Neighbouring cells with no rule between them are one merged cell.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(v, xs[c + 1]!, ...inside(ys[r]!, ys[r + 1]!, tol), tol) < 0.5)
        parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && coverage(h, ys[r + 1]!, ...inside(xs[c]!, xs[c + 1]!, tol), tol) < 0.5)
        parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const byRoot = new Map<number, GridRegion>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const g = byRoot.get(root);
      if (g === undefined) byRoot.set(root, { r0: r, r1: r, c0: c, c1: c, box: [0, 0, 0, 0], words: [], text: '' });
      else {
        g.r0 = Math.min(g.r0, r);
        g.r1 = Math.max(g.r1, r);
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c);
      }
    }
  }
  const regions = [...byRoot.values()];
  for (const g of regions) g.box = [xs[g.c0]!, ys[g.r0]!, xs[g.c1 + 1]!, ys[g.r1 + 1]!];
  return { box: [left, top, right, bottom], xs, ys, regions };
}
