import * as ort from 'onnxruntime-node';
import type { Box } from '../../../model/result.ts';
import type { GrayImage } from '../../../read/image/gray-image.ts';
import { resizeGray } from '../../../read/image/read-image-file.ts';
import { RunComponents } from '../../../read/image/run-components.ts';
import { GREY_LEVELS } from '../../../read/image/threshold.ts';

export interface DetectOptions {
  /** longest side the page is scaled to for detection (multiple of 32) */
  maxSide: number;
}

// PaddleOCR DB post-processing defaults (det_db_thresh, det_db_box_thresh, det_db_unclip_ratio)
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;
/** Each grey level as the detector takes it, per colour plane: worked out once, looked up per pixel. */
const NORMALISED = MEAN.map((mean, c) => Float32Array.from({ length: GREY_LEVELS }, (_, v) => (v / 255 - mean) / STD[c]!));

/**
 * Finds text boxes with the DB detector: axis-aligned boxes in the page's pixels (the page is
 * already straight, so rotated boxes buy nothing).
 */
export async function detectText(session: ort.InferenceSession, page: GrayImage, options: DetectOptions): Promise<Box[]> {
  const scale = Math.min(1, options.maxSide / Math.max(page.width, page.height));
  const width = Math.max(32, Math.round((page.width * scale) / 32) * 32);
  const height = Math.max(32, Math.round((page.height * scale) / 32) * 32);
  const small = await resizeGray(page, width, height);
  const plane = width * height;
  const input = new Float32Array(3 * plane);
  NORMALISED.forEach((level, c) => {
    const channel = input.subarray(c * plane, (c + 1) * plane);
    for (let i = 0; i < plane; i++) channel[i] = level[small.data[i]!]!;
  });
  const feeds = { [session.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, height, width]) };
  const output = await session.run(feeds);
  const map = output[session.outputNames[0]!]!.data as Float32Array;
  const sx = page.width / width;
  const sy = page.height / height;
  return boxesFromMap(map, width, height).map(
    ([x0, y0, x1, y1]): Box => [Math.max(0, x0 * sx), Math.max(0, y0 * sy), Math.min(page.width, x1 * sx), Math.min(page.height, y1 * sy)],
  );
}

/**
 * 4-connected regions of the probability map above the threshold, in the raster order of their
 * first pixel, scored by their mean probability and grown back (unclip). Labelled by runs; a
 * region's sum is exact in any order (float32 values above the threshold, fewer than 2^21 of
 * them, add up without rounding in a double), so the scores are those of a pixel flood fill.
 */
export function boxesFromMap(map: Float32Array, width: number, height: number): Box[] {
  const runs = new RunComponents(false);
  const runSums: number[] = [];
  for (let y = 0; y < height; y++) {
    runs.nextRow();
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (map[row + x]! <= PIXEL_THRESHOLD) {
        x++;
        continue;
      }
      const start = x;
      let sum = 0;
      for (; x < width && map[row + x]! > PIXEL_THRESHOLD; x++) sum += map[row + x]!;
      runSums[runs.add(start, x - 1, y)] = sum;
    }
  }
  const { count, of, left, top, right, bottom } = runs.components();
  const sums = new Float64Array(count);
  const counts = new Int32Array(count);
  for (let at = 0; at < runs.length; at++) {
    sums[of[at]!]! += runSums[at]!;
    counts[of[at]!]! += runs.end[at]! - runs.start[at]! + 1;
  }
  const boxes: Box[] = [];
  for (let c = 0; c < count; c++) {
    const w = right[c]! - left[c]! + 1;
    const h = bottom[c]! - top[c]! + 1;
    if (Math.min(w, h) < 3 || sums[c]! / counts[c]! < BOX_THRESHOLD) continue;
    // DB shrinks text regions when training; grow them back by area * ratio / perimeter
    const d = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push([left[c]! - d, top[c]! - d, right[c]! + 1 + d, bottom[c]! + 1 + d]);
  }
  return boxes;
}
