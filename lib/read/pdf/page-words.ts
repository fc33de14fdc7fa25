import type { PositionedWord } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';

/** The part of a pdf.js text item this reader uses. */
export interface TextRun {
  str: string;
  transform: number[];
  width: number;
}

/** Maps a point in PDF user space to the page's top-left, y-down space (the viewport transform). */
export type PointMapper = (x: number, y: number) => [number, number];

/**
 * Turns pdf.js text runs into positioned words in points, origin top-left. Whitespace-only runs
 * are dropped: WPS writes them with absurd widths that would swallow whole rows.
 */
export function wordsFromRuns(runs: readonly TextRun[], toPage: PointMapper): PositionedWord[] {
  const words: PositionedWord[] = [];
  for (const run of runs) {
    const text = run.str.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = run.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    // Direction of the baseline and of "up" in text space, unit length.
    const ux = a / (Math.hypot(a, b) || 1);
    const uy = b / (Math.hypot(a, b) || 1);
    const vx = -uy;
    const vy = ux;
    const width = run.width > 0 ? run.width : size * [...text].length * 0.5;
    // Glyph box: from the descender (0.15 em below the baseline) to the ascender (0.85 em above).
    const corners: [number, number][] = [];
    for (const along of [0, width]) {
      for (const up of [-0.15 * size, 0.85 * size]) {
        corners.push(toPage(e + ux * along + vx * up, f + uy * along + vy * up));
      }
    }
    words.push({ text, bbox: boundsOf(corners) });
  }
  return words;
}

export function boundsOf(points: readonly [number, number][]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}
