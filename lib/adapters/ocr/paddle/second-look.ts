import type { Box } from '../../../model/result.ts';
import type { GrayImage } from '../../../read/image/gray-image.ts';
import { grownToCharacter } from './fragment-boxes.ts';
import type { RecognizedText } from './recognize-text.ts';
import { boxInk, trimmedToInk } from './split-at-gaps.ts';

/**
 * Boxes the recogniser read badly get a second look, padded as PaddleOCR pads short words: a box
 * that read as nothing cut down to its ink (a lone “0” boxed with the blank around it reads as
 * “。” or nothing), a box that holds part of its character grown to the whole, and a box of one
 * or two Latin letters — no word of these reports — read again as it is (a “2” cropped tight
 * reads as “N”), taken only if it is a figure then; and a figure read with fewer digits than the
 * marks its box holds (“80” read as “8”) read again with a little more room, taken only with a
 * digit for every mark.
 */
export interface SecondLook {
  index: number;
  box: Box;
  /** what the second reading must be to replace the first: a figure, or one of so many digits */
  wants: 'anything' | 'figure' | number;
  /** read padded as a short word (the default), or as a box of its own width */
  padded: boolean;
}

/** A mark narrower than this (in the page's text height) is no digit to count (a speck, a “1”'s foot). */
const DIGIT_WIDTH = 0.25;
/** Room added around a figure read short, in its box's height: each tried in turn. */
const ROOMS = [0.15, 0.25, 0.35];

/** A second reading less sure than this is a guess at a mark, not a reading: the first one stands. */
const SECOND_READING_TRUST = 0.5;

/** Text with no letter, digit or ideograph: nothing read, or a mark such as “。” where a figure stood. */
export const readsNothing = (text: string): boolean => !/[\p{L}\p{N}]/u.test(text);
const strayLetters = (text: string): boolean => /^[A-Za-z]{1,2}$/.test(text.trim());
const isFigure = (text: string): boolean => /^\d[\d.,]*$/.test(text.trim());

/** What to read again, and how. `ink`: the page's ink threshold; `glyph`: its text height. */
export function secondLooks(
  lines: readonly RecognizedText[],
  boxes: readonly Box[],
  page: GrayImage,
  ink: number,
  glyph: number,
): SecondLook[] {
  return lines.flatMap((line, index): SecondLook[] => {
    const box = boxes[index]!;
    if (readsNothing(line.text)) {
      const tight = trimmedToInk(box, page, ink, glyph);
      return tight ? [{ index, box: tight, wants: 'anything', padded: true }] : [];
    }
    const grown = grownToCharacter(box, page, ink, glyph);
    if (strayLetters(line.text)) return [{ index, box: grown ?? box, wants: 'figure', padded: true }];
    if (grown) return [{ index, box: grown, wants: 'anything', padded: true }];
    if (!isFigure(line.text)) return [];
    const marks = boxInk(box, page, ink).columns.filter(([a, b]) => b - a >= DIGIT_WIDTH * glyph).length;
    const digits = line.text.replace(/\D/g, '').length;
    if (marks <= digits) return [];
    // the recogniser's reading of such a box turns on a pixel or two of crop: a few are tried
    return ROOMS.map((share): SecondLook => {
      const room = share * (box[3] - box[1]);
      const wider: Box = [
        Math.max(0, box[0] - room),
        Math.max(0, box[1] - room / 2),
        Math.min(page.width, box[2] + room),
        box[3] + room / 2,
      ];
      return { index, box: wider, wants: marks, padded: false };
    });
  });
}

/** A reading of a mark no box held, taken only as a figure read surely enough. */
export const isSureFigure = (text: RecognizedText): boolean => isFigure(text.text) && text.confidence >= SECOND_READING_TRUST;

/** Reads the looks again (`read` pads as for short words when asked); a second reading taken replaces line and box. */
export async function reread(
  lines: RecognizedText[],
  boxes: Box[],
  looks: readonly SecondLook[],
  read: (boxes: Box[], padded: boolean) => Promise<RecognizedText[]>,
): Promise<void> {
  for (const padded of [true, false]) {
    const some = looks.filter((look) => look.padded === padded);
    if (some.length === 0) continue;
    const again = await read(
      some.map((look) => look.box),
      padded,
    );
    const taken = new Set<number>();
    some.forEach(({ index, box, wants }, k) => {
      const text = again[k]!;
      if (taken.has(index)) return;
      if (readsNothing(text.text) || text.confidence < SECOND_READING_TRUST) return;
      if (wants !== 'anything' && !isFigure(text.text)) return;
      if (typeof wants === 'number' && text.text.replace(/\D/g, '').length !== wants) return;
      lines[index] = text;
      boxes[index] = box;
      taken.add(index);
    });
  }
}
