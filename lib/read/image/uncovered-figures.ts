import type { Box } from '../../model/result.ts';
import type { GrayImage } from './gray-image.ts';
import { inkComponents } from './ink-components.ts';
import { centredIn } from './uncovered-cell-ink.ts';

// Sizes in the page's text height (`glyph`, the usual height of a line's ink).
/** A figure's ink: no lower than this (dots, commas and specks are)… */
const MIN_HEIGHT = 0.55;
/** …no taller than this… */
const MAX_HEIGHT = 1.4;
/** …and no wider than this (a digit; several are several marks). */
const MAX_WIDTH = 1.2;
/** Marks closer than this side by side are the digits of one number. */
const DIGIT_GAP = 0.4;
/** A mark is on a line of text when it shares this much of its height with a text box. */
const LEVEL = 0.5;
/** Blank put around a mark to read it, as the detector pads a lone character. */
const PAD = 0.35;

/**
 * Boxes around figure-sized ink that no text box covers, level with a line of text: a lone figure
 * of an unruled table the detector missed (a bare “7” or “1” beside a wider number), which no
 * ruled cell brings to light. Marks side by side are boxed together as one number. `image`
 * should have its rulings erased; `textBoxes` are every box already read (text and cells).
 */
export function uncoveredFigures(image: GrayImage, textBoxes: readonly Box[], glyph: number): Box[] {
  if (!Number.isFinite(glyph) || glyph <= 0 || textBoxes.length === 0) return [];
  const marks = inkComponents(image, [0, 0, image.width, image.height])
    .filter(([x0, y0, x1, y1]) => y1 - y0 >= MIN_HEIGHT * glyph && y1 - y0 <= MAX_HEIGHT * glyph && x1 - x0 <= MAX_WIDTH * glyph)
    .filter((mark) => !textBoxes.some((box) => centredIn(mark, box)))
    .filter((mark) => textBoxes.some((box) => shared(mark, box) >= LEVEL * (mark[3] - mark[1])))
    .sort((a, b) => a[0] - b[0]);
  const numbers: Box[] = [];
  for (const mark of marks) {
    const number = numbers.find((n) => shared(mark, n) >= LEVEL * (mark[3] - mark[1]) && mark[0] - n[2] <= DIGIT_GAP * glyph);
    if (number) {
      number[0] = Math.min(number[0], mark[0]);
      number[1] = Math.min(number[1], mark[1]);
      number[2] = Math.max(number[2], mark[2]);
      number[3] = Math.max(number[3], mark[3]);
    } else numbers.push([...mark]);
  }
  const pad = PAD * glyph;
  return numbers.map(
    ([x0, y0, x1, y1]): Box => [
      Math.max(0, x0 - pad),
      Math.max(0, y0 - pad),
      Math.min(image.width, x1 + pad),
      Math.min(image.height, y1 + pad),
    ],
  );
}

/** How much of their height two boxes share. */
function shared(a: Box, b: Box): number {
  return Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
}
