import type { Box } from '../../../model/result.ts';
import type { GrayImage } from '../../../read/image/gray-image.ts';

/** A text box lower than this (in the page's text height) may hold only part of its character. */
const LOW_BOX = 1.1;
/** Ink reaching this far (in text heights) past a box's top or bottom is its character's rest. */
const SPILL = 0.15;
/** Ink bigger than this (in text heights) is no character (a ruling's rest, a stamp, a picture). */
const MAX_CHARACTER = 2;
/** Blank put around the grown box, as the detector pads a lone character (in text heights). */
const PAD = 0.35;

/**
 * The box grown to the whole of the character it holds part of, or undefined when it holds all
 * of its ink: the detector boxes only the middle of a lone figure now and then (a “3” cut to its
 * waist reads as nothing or as something else, and a box that low sits apart from its row). Only
 * low boxes are looked at; `glyph` is the page's text height, `ink` its ink threshold.
 */
export function grownToCharacter(box: Box, page: GrayImage, ink: number, glyph: number): Box | undefined {
  if (box[3] - box[1] >= LOW_BOX * glyph) return undefined;
  const rx0 = Math.max(0, Math.floor(box[0] - glyph));
  const ry0 = Math.max(0, Math.floor(box[1] - glyph));
  const rx1 = Math.min(page.width, Math.ceil(box[2] + glyph));
  const ry1 = Math.min(page.height, Math.ceil(box[3] + glyph));
  const width = rx1 - rx0;
  const seen = new Uint8Array(width * (ry1 - ry0));
  const stack: number[] = [];
  const isInk = (x: number, y: number) => page.data[y * page.width + x]! <= ink;
  for (let y = Math.max(ry0, Math.ceil(box[1])); y < Math.min(ry1, Math.floor(box[3])); y++) {
    for (let x = Math.max(rx0, Math.ceil(box[0])); x < Math.min(rx1, Math.floor(box[2])); x++) {
      if (!isInk(x, y)) continue;
      seen[(y - ry0) * width + (x - rx0)] = 1;
      stack.push(x, y);
    }
  }
  if (stack.length === 0) return undefined;
  let [x0, y0, x1, y1] = [rx1, ry1, rx0, ry0];
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + 1);
    y1 = Math.max(y1, y + 1);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < rx0 || nx >= rx1 || ny < ry0 || ny >= ry1) continue;
        const at = (ny - ry0) * width + (nx - rx0);
        if (seen[at] === 1 || !isInk(nx, ny)) continue;
        seen[at] = 1;
        stack.push(nx, ny);
      }
    }
  }
  const spill = SPILL * glyph;
  if (y0 >= box[1] - spill && y1 <= box[3] + spill) return undefined;
  if (y1 - y0 > MAX_CHARACTER * glyph || x1 - x0 > box[2] - box[0] + MAX_CHARACTER * glyph) return undefined;
  const pad = PAD * glyph;
  return [
    Math.max(0, Math.min(box[0], x0 - pad)),
    Math.max(0, y0 - pad),
    Math.min(page.width, Math.max(box[2], x1 + pad)),
    Math.min(page.height, y1 + pad),
  ];
}
