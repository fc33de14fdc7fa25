import * as ort from 'onnxruntime-node';
import type { Box } from '../../../model/result.ts';
import type { GrayImage } from '../../../read/image/gray-image.ts';
import { GREY_LEVELS } from '../../../read/image/threshold.ts';
import { BEST_CLASS, BEST_PROBABILITY } from './graph/best-class-outputs.ts';

export interface RecognizedChar {
  char: string;
  /** centre of the character along the line, page pixels */
  x: number;
  confidence: number;
}

export interface RecognizedText {
  box: Box;
  text: string;
  /** mean of the characters' confidences, 0..1 */
  confidence: number;
  chars: RecognizedChar[];
}

export interface RecognizeOptions {
  /**
   * Pads each line with grey to at least this width/height ratio (PaddleOCR's own 320 × 48 is
   * 6.7): the recogniser was trained on short words padded that way, and reads a lone character
   * cropped tight less surely. Costs time in proportion; 0 (the default) pads nothing.
   */
  minRatio?: number;
}

const LINE_HEIGHT = 48;
// on CPU a batch saves nothing per column and its padding costs: one line per run
const BATCH = 1;
/** Grey levels as the recogniser takes them, -1..1. */
const NORMALISED = Float32Array.from({ length: GREY_LEVELS }, (_, v) => v / 127.5 - 1);
// the recogniser downsamples the width by 8: one CTC step per 8 input columns
const STEP = 8;

/**
 * Reads the text in each box (CRNN/SVTR recogniser, greedy CTC decoding). Boxes are batched by
 * aspect ratio so that padding stays small. `session` is the recogniser as loadPaddleModels
 * gives it, outputting each step's best class and its probability (graph/best-class-outputs.ts).
 */
export async function recognizeText(
  session: ort.InferenceSession,
  characters: string[],
  page: GrayImage,
  boxes: Box[],
  options: RecognizeOptions = {},
): Promise<RecognizedText[]> {
  const minWidth = Math.ceil((LINE_HEIGHT * (options.minRatio ?? 0)) / STEP) * STEP;
  const order = boxes
    .map((box, index) => ({ box, index, ratio: (box[2] - box[0]) / Math.max(1, box[3] - box[1]) }))
    .sort((a, b) => a.ratio - b.ratio);
  const results: RecognizedText[] = new Array(boxes.length);
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const widths = batch.map((b) => Math.max(STEP, Math.round(LINE_HEIGHT * b.ratio)));
    const width = Math.max(minWidth, Math.ceil(Math.max(...widths) / STEP) * STEP);
    const plane = LINE_HEIGHT * width;
    const input = new Float32Array(batch.length * 3 * plane); // 0 is the padding value after normalisation
    batch.forEach((item, n) => {
      const lineWidth = widths[n]!;
      const line = cropResize(page, item.box, lineWidth, LINE_HEIGHT);
      // the grey line in each of the three colour planes
      for (let y = 0; y < LINE_HEIGHT; y++) {
        const at = n * 3 * plane + y * width;
        const row = input.subarray(at, at + lineWidth);
        for (let x = 0; x < lineWidth; x++) row[x] = NORMALISED[line[y * lineWidth + x]!]!;
        input.copyWithin(at + plane, at, at + lineWidth);
        input.copyWithin(at + 2 * plane, at, at + lineWidth);
      }
    });
    const feeds = { [session.inputNames[0]!]: new ort.Tensor('float32', input, [batch.length, 3, LINE_HEIGHT, width]) };
    const output = await session.run(feeds);
    const best = output[BEST_CLASS]!;
    const steps = best.dims[1]!;
    const classes = best.data as BigInt64Array;
    const probabilities = output[BEST_PROBABILITY]!.data as Float32Array;
    batch.forEach((item, n) => {
      const scale = (item.box[2] - item.box[0]) / widths[n]!;
      const chars = decode(classes, probabilities, n, steps, characters).map((c) => ({
        char: c.char,
        x: item.box[0] + (c.step + 0.5) * STEP * scale,
        confidence: c.confidence,
      }));
      const confidence = chars.length === 0 ? 0 : chars.reduce((s, c) => s + c.confidence, 0) / chars.length;
      results[item.index] = { box: item.box, text: chars.map((c) => c.char).join(''), confidence, chars };
    });
  }
  return results;
}

/** Greedy CTC over each step's best class: repeats collapsed, blanks dropped. */
function decode(
  classes: BigInt64Array,
  probabilities: Float32Array,
  item: number,
  steps: number,
  characters: string[],
): { char: string; step: number; confidence: number }[] {
  const out: { char: string; step: number; confidence: number }[] = [];
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    const at = item * steps + t;
    const best = Number(classes[at]!);
    if (best !== 0 && best !== previous) out.push({ char: characters[best] ?? '', step: t, confidence: probabilities[at]! });
    previous = best;
  }
  return out;
}

/** Bilinear crop of `box` scaled to width × height. */
function cropResize(page: GrayImage, box: Box, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const [x0, y0, x1, y1] = box;
  const sx = (x1 - x0) / width;
  const sy = (y1 - y0) / height;
  // the columns sampled and their weights are the same on every row: worked out once
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  const weight = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(page.width - 1, Math.max(0, x0 + (x + 0.5) * sx - 0.5));
    left[x] = Math.floor(fx);
    right[x] = Math.min(page.width - 1, left[x]! + 1);
    weight[x] = fx - left[x]!;
  }
  const data = page.data;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(page.height - 1, Math.max(0, y0 + (y + 0.5) * sy - 0.5));
    const iy = Math.floor(fy);
    const upper = iy * page.width;
    const lower = Math.min(page.height - 1, iy + 1) * page.width;
    const wy = fy - iy;
    for (let x = 0; x < width; x++) {
      const wx = weight[x]!;
      const top = data[upper + left[x]!]! * (1 - wx) + data[upper + right[x]!]! * wx;
      const bottom = data[lower + left[x]!]! * (1 - wx) + data[lower + right[x]!]! * wx;
      out[y * width + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return out;
}
