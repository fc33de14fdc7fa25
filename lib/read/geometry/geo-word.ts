import type { Box } from '../../model/result.ts';

/** A word as the geometry works on it: `box` in the deskewed frame, `source` as the page gave it. */
export interface GeoWord {
  text: string;
  box: Box;
  source: Box;
  confidence?: number;
}

/**
 * How far a line may lean off its axis (rise over run) and still be a table rule: about 2°. Drawn
 * rules lie exactly level; a page turned as a whole (a scan placed in a PDF, a page printed and
 * scanned back) leans them by a degree or two, and they must pass both where a PDF's paths become
 * rulings and where the levelled page's rulings become a grid, or the page loses its table's
 * rules before it is levelled by them. One value for both places, so the two never disagree.
 */
export const MAX_RULE_LEAN = 0.035;

export const cx = (b: Box): number => (b[0] + b[2]) / 2;
export const cy = (b: Box): number => (b[1] + b[3]) / 2;
export const height = (b: Box): number => b[3] - b[1];

export function union(boxes: readonly Box[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}

export function median(values: readonly number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? fallback;
}

/** Overlap of two intervals, as a length (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Lowest confidence of the words, or undefined when none carries one (text-layer words). */
export function minConfidence(words: readonly GeoWord[]): number | undefined {
  let min: number | undefined;
  for (const w of words) if (w.confidence !== undefined) min = min === undefined ? w.confidence : Math.min(min, w.confidence);
  return min;
}
