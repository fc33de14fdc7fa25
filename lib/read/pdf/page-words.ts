import type { PositionedWord } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import type { PdfChar } from './pdf-engine.ts';

/** Maps a point in PDF user space to the page's top-left, y-down space. */
export type PointMapper = (x: number, y: number) => [number, number];

// Characters are joined into runs the way text extraction has always cut them (pdf.js's text
// items, which the geometry was built on): a run goes on along one baseline in one font; a gap
// over SPACE_MIN em reads as a space, one over SPACE_MAX em, a step back or a new line starts a
// new run.
const SPACE_MIN = 0.102;
const SPACE_MAX = 0.6;
const STEP_BACK = -0.2;
/** Off the baseline by more than this (em) is another line. */
const OFF_LINE = 0.5;
/** Glyph box of a run: from the descender (0.15 em below the baseline) to the ascender (0.85 em above). */
const DESCENT = 0.15;
const ASCENT = 0.85;

interface Run {
  chars: PdfChar[];
  text: string;
  /** how far the pen has moved along the baseline from the first origin */
  advance: number;
}

/**
 * Turns a page's characters into positioned words in points, origin top-left. Whitespace-only
 * runs are dropped: WPS writes spaces with absurd widths that would swallow whole rows.
 */
export function wordsFromChars(chars: readonly PdfChar[], toPage: PointMapper): PositionedWord[] {
  const words: PositionedWord[] = [];
  let run: Run | undefined;
  const flush = () => {
    if (run) {
      const word = wordOf(run, toPage);
      if (word) words.push(word);
    }
    run = undefined;
  };
  for (const char of chars) {
    if (char.text === '\r' || char.text === '\n') {
      flush();
      continue;
    }
    if (run) {
      const first = run.chars[0]!;
      const size = first.size || 1;
      const [ux, uy] = [Math.cos(first.angle), Math.sin(first.angle)];
      const dx = char.origin[0] - first.origin[0];
      const dy = char.origin[1] - first.origin[1];
      const along = dx * ux + dy * uy;
      const across = -dx * uy + dy * ux;
      const gap = (along - run.advance) / size;
      const sameRun =
        char.font === first.font && Math.abs(char.size - first.size) <= 0.01 * size && Math.abs(char.angle - first.angle) < 0.01;
      if (!sameRun || Math.abs(across) > OFF_LINE * size || gap < STEP_BACK || gap > SPACE_MAX) flush();
      else if (gap > SPACE_MIN && !run.text.endsWith(' ') && char.text !== ' ') run.text += ' ';
    }
    run ??= { chars: [], text: '', advance: 0 };
    run.chars.push(char);
    run.text += char.text;
    run.advance = Math.max(run.advance, reach(run.chars[0]!, char));
  }
  flush();
  return words;
}

/** How far along the first character's baseline `char`'s advance box reaches. */
function reach(first: PdfChar, char: PdfChar): number {
  const [ux, uy] = [Math.cos(first.angle), Math.sin(first.angle)];
  const [x0, y0, x1, y1] = char.loose;
  let far = -Infinity;
  for (const [x, y] of [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ] as const) {
    far = Math.max(far, (x - first.origin[0]) * ux + (y - first.origin[1]) * uy);
  }
  return far;
}

function wordOf(run: Run, toPage: PointMapper): PositionedWord | undefined {
  const text = run.text.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  const first = run.chars[0]!;
  const size = first.size || 1;
  const [ux, uy] = [Math.cos(first.angle), Math.sin(first.angle)];
  const [vx, vy] = [-uy, ux];
  const [ex, ey] = first.origin;
  const width = run.advance > 0 ? run.advance : size * [...text].length * 0.5;
  const corners: [number, number][] = [];
  for (const along of [0, width]) {
    for (const up of [-DESCENT * size, ASCENT * size]) corners.push(toPage(ex + ux * along + vx * up, ey + uy * along + vy * up));
  }
  return { text, bbox: boundsOf(corners) };
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
