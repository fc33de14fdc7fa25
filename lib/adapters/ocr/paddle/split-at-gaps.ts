import type { Box } from '../../../model/result.ts';
import type { GrayImage } from '../../../read/image/gray-image.ts';
import { otsuThreshold } from '../../../read/image/threshold.ts';

/**
 * Blank columns wider than this (in the height of the box's ink) part two pieces of a text box.
 * Characters of a word, a number and the space around a number in a sentence stand closer; the
 * figures of an unruled table's neighbouring columns stand further apart.
 */
const WIDE_GAP = 1;
/** Blank kept either side of a piece, in the box's height (about what the detector leaves). */
const PAD = 0.25;
/** A figure's ink is at least this high (in the page's text height); punctuation is lower. */
const FIGURE_HEIGHT = 0.5;
/** Ink this many times the page's usual text height is two lines of text (or more), not one set large. */
const TWO_LINES = 1.6;

/** A box's inked columns (page x, end exclusive) and the height of its ink. */
interface BoxInk {
  columns: [number, number][];
  height: number;
}

/** The inked columns of a box, as runs, and the height its ink spans. */
export function boxInk(box: Box, page: GrayImage, ink: number): BoxInk {
  const x0 = Math.max(0, Math.floor(box[0]));
  const x1 = Math.min(page.width, Math.ceil(box[2]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const y1 = Math.min(page.height, Math.ceil(box[3]));
  if (x1 - x0 < 2 || y1 - y0 < 2) return { columns: [], height: 0 };
  const inked = new Uint8Array(x1 - x0);
  let top = y1;
  let bottom = y0 - 1;
  for (let y = y0; y < y1; y++) {
    const row = y * page.width;
    for (let x = x0; x < x1; x++) {
      if (page.data[row + x]! > ink) continue;
      inked[x - x0] = 1;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  const columns: [number, number][] = [];
  for (let x = 0; x < inked.length; x++) {
    if (inked[x] === 0) continue;
    const run = columns.at(-1);
    if (run && run[1] === x0 + x) run[1]++;
    else columns.push([x0 + x, x0 + x + 1]);
  }
  return { columns, height: Math.max(0, bottom - top + 1) };
}

/** The runs of ink, gaps up to `widest` bridged. */
function bridged(columns: readonly [number, number][], widest: number): [number, number][] {
  const runs: [number, number][] = [];
  for (const [a, b] of columns) {
    const run = runs.at(-1);
    if (run && a - run[1] <= widest) run[1] = b;
    else runs.push([a, b]);
  }
  return runs;
}

/**
 * Cuts a text box where its ink leaves a wide blank gap: the detector joins the figures of an
 * unruled table's row into one box, and the recogniser reads the blank between them as
 * characters (“8個0０個3１”) — each piece read alone is just its figure. `ink`: the page's
 * threshold, pixels at or below it are ink.
 */
export function splitAtGaps(box: Box, ink: BoxInk, glyph: number): Box[] {
  // a box over two lines of a header (结果 / 维持) has ink as tall as both: the page's text size rules
  const size = ink.height > TWO_LINES * glyph ? glyph : ink.height;
  const runs = bridged(ink.columns, WIDE_GAP * size);
  if (runs.length <= 1) return [box];
  const pad = PAD * (box[3] - box[1]);
  // each piece padded as the detector pads a word, never past the gap's middle
  return runs.map(([a, b], i): Box => {
    const left = i === 0 ? box[0] : Math.max(a - pad, (runs[i - 1]![1] + a) / 2);
    const right = i === runs.length - 1 ? box[2] : Math.min(b + pad, (b + runs[i + 1]![0]) / 2);
    return [left, box[1], right, box[3]];
  });
}

/**
 * The box cut down to its ink and a narrow margin either side, or undefined when it holds no ink
 * or only a mark lower than a figure:
 * a lone “0” boxed with the blank around it reads as nothing or as “。”, read tight it is “0”.
 */
export function trimmedToInk(box: Box, page: GrayImage, ink: number, glyph: number): Box | undefined {
  const { columns, height } = boxInk(box, page, ink);
  // a mark lower than a figure is punctuation (、。，), read as nothing rightly
  if (columns.length === 0 || height < FIGURE_HEIGHT * glyph) return undefined;
  const pad = PAD * (box[3] - box[1]);
  return [Math.max(box[0], columns[0]![0] - pad), box[1], Math.min(box[2], columns.at(-1)![1] + pad), box[3]];
}

/** Pixels sampled for the page's ink threshold: every this many. */
const SAMPLE_STEP = 16;

/** The page's ink threshold (Otsu on a sample of its pixels): at or below it is ink. */
export function pageInk(page: GrayImage): number {
  const sample = new Uint8Array(Math.ceil(page.data.length / SAMPLE_STEP));
  for (let i = 0, n = 0; i < page.data.length; i += SAMPLE_STEP) sample[n++] = page.data[i]!;
  return otsuThreshold({ data: sample, width: sample.length, height: 1 });
}
