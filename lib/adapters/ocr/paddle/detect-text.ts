import * as ort from 'onnxruntime-node';
import type { Box } from '../../../model/result.ts';
import type { GrayImage } from '../../../read/image/gray-image.ts';
import { resizeGray } from '../../../read/image/read-image-file.ts';

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
  for (let c = 0; c < 3; c++) {
    // the 256 grey levels normalised once, then looked up per pixel
    const mean = MEAN[c]!;
    const std = STD[c]!;
    const level = Float32Array.from({ length: 256 }, (_, v) => (v / 255 - mean) / std);
    const channel = input.subarray(c * plane, (c + 1) * plane);
    for (let i = 0; i < plane; i++) channel[i] = level[small.data[i]!]!;
  }
  const feeds = { [session.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, height, width]) };
  const output = await session.run(feeds);
  const map = output[session.outputNames[0]!]!.data as Float32Array;
  const sx = page.width / width;
  const sy = page.height / height;
  return boxesFromMap(map, width, height).map(
    ([x0, y0, x1, y1]): Box => [Math.max(0, x0 * sx), Math.max(0, y0 * sy), Math.min(page.width, x1 * sx), Math.min(page.height, y1 * sy)],
  );
}

/** Connected regions of the probability map above the threshold, scored and grown back (unclip). */
export function boxesFromMap(map: Float32Array, width: number, height: number): Box[] {
  const labels = new Int32Array(width * height).fill(-1);
  const stack: number[] = [];
  const boxes: Box[] = [];
  for (let start = 0; start < map.length; start++) {
    if (labels[start] !== -1 || map[start]! <= PIXEL_THRESHOLD) continue;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let sum = 0;
    let count = 0;
    labels[start] = boxes.length;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % width;
      const y = (at - x) / width;
      sum += map[at]!;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0) visit(at - 1);
      if (x < width - 1) visit(at + 1);
      if (y > 0) visit(at - width);
      if (y < height - 1) visit(at + width);
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3 || sum / count < BOX_THRESHOLD) continue;
    // DB shrinks text regions when training; grow them back by area * ratio / perimeter
    const d = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push([x0 - d, y0 - d, x1 + 1 + d, y1 + 1 + d]);
  }
  return boxes;

  function visit(at: number): void {
    if (labels[at] === -1 && map[at]! > PIXEL_THRESHOLD) {
      labels[at] = boxes.length;
      stack.push(at);
    }
  }
}
