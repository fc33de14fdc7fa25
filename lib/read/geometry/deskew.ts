import type { PositionedPage, Segment } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import { cx, cy, type GeoWord, height, median } from './geo-word.ts';

/** A page in a frame where its text runs level: scans come skewed by a degree or two. */
export interface LevelPage {
  words: GeoWord[];
  rulings: Segment[];
  /** maps a box in the level frame back to the page's own coordinates */
  toSource(box: Box): Box;
}

/** Skew below this (radians) is left alone: born-digital pages are level. */
const MIN_SKEW = 0.0015;
const MAX_SKEW = 0.1;

/** Estimates the page's skew from its long near-horizontal rulings, else from words that share a line. */
export function estimateSkew(page: PositionedPage): number {
  const fromRules: number[] = [];
  for (const [x0, y0, x1, y1] of page.rulings ?? []) {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const length = Math.hypot(dx, dy);
    if (length < page.width * 0.2) continue;
    if (Math.abs(dy) < Math.abs(dx)) {
      const angle = Math.atan2(dy, dx);
      const folded = angle > Math.PI / 2 ? angle - Math.PI : angle < -Math.PI / 2 ? angle + Math.PI : angle;
      if (Math.abs(folded) < MAX_SKEW) fromRules.push(folded);
    }
  }
  if (fromRules.length >= 2) return median(fromRules, 0);
  // Neighbouring words on one line: the slope between their centres.
  const slopes: number[] = [];
  const words = page.words;
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    const h = height(a.bbox);
    for (let j = 0; j < words.length; j++) {
      const b = words[j]!;
      const dx = cx(b.bbox) - cx(a.bbox);
      if (dx < h * 4 || dx > page.width * 0.6) continue;
      const dy = cy(b.bbox) - cy(a.bbox);
      if (Math.abs(dy) > h * 0.6 || Math.abs(height(b.bbox) - h) > h * 0.3) continue;
      slopes.push(Math.atan2(dy, dx));
    }
    if (slopes.length > 4000) break;
  }
  return slopes.length >= 5 ? median(slopes, 0) : 0;
}

/** Rotates the page's words and rulings by its skew about the page centre. */
export function levelPage(page: PositionedPage): LevelPage {
  const skew = estimateSkew(page);
  const words = (b: (box: Box) => Box): GeoWord[] =>
    page.words
      .filter((w) => w.text.trim() !== '')
      .map((w) => ({
        text: w.text.trim(),
        box: b(w.bbox),
        source: w.bbox,
        ...(w.confidence === undefined ? {} : { confidence: w.confidence }),
      }));
  if (Math.abs(skew) < MIN_SKEW) {
    return { words: words((b) => b), rulings: [...(page.rulings ?? [])], toSource: (b) => b };
  }
  const ox = page.width / 2;
  const oy = page.height / 2;
  const rotate = (x: number, y: number, angle: number): [number, number] => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return [ox + (x - ox) * c - (y - oy) * s, oy + (x - ox) * s + (y - oy) * c];
  };
  // A word keeps its size; only its centre moves.
  const moveBox = (b: Box, angle: number): Box => {
    const [x, y] = rotate(cx(b), cy(b), angle);
    const hw = (b[2] - b[0]) / 2;
    const hh = (b[3] - b[1]) / 2;
    return [x - hw, y - hh, x + hw, y + hh];
  };
  const rulings = (page.rulings ?? []).map(([x0, y0, x1, y1]): Segment => {
    const [a, b] = rotate(x0, y0, -skew);
    const [c, d] = rotate(x1, y1, -skew);
    return [a, b, c, d];
  });
  return {
    words: words((b) => moveBox(b, -skew)),
    rulings,
    toSource: (b) => {
      const corners = [rotate(b[0], b[1], skew), rotate(b[2], b[1], skew), rotate(b[0], b[3], skew), rotate(b[2], b[3], skew)];
      return [
        Math.min(...corners.map((p) => p[0])),
        Math.min(...corners.map((p) => p[1])),
        Math.max(...corners.map((p) => p[0])),
        Math.max(...corners.map((p) => p[1])),
      ];
    },
  };
}
