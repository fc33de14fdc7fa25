import type { GrayImage } from './gray-image.ts';
import { otsuThreshold } from './threshold.ts';

export interface SkewOptions {
  /** largest skew searched either way, degrees */
  maxDegrees?: number;
  /** search step, degrees */
  stepDegrees?: number;
}

/**
 * Estimates how far a page's text lines and rulings are tilted, in degrees (positive: the
 * content runs down to the right, i.e. it is rotated clockwise). Projection-profile method: the
 * angle whose row histogram of ink pixels is sharpest. Pass a downscaled page (about 1000 px
 * wide): the estimate needs no more and the search is linear in ink pixels.
 */
export function estimateSkewDegrees(image: GrayImage, options: SkewOptions = {}): number {
  const maxDegrees = options.maxDegrees ?? 2.5;
  const step = options.stepDegrees ?? 0.05;
  const threshold = otsuThreshold(image);
  const { data, width, height } = image;
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i]! <= threshold) count++;
  if (count < 100) return 0;
  // typed arrays: the search below reads every ink pixel once per angle tried
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  let n = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x]! <= threshold) {
        xs[n] = x;
        ys[n++] = y;
      }
    }
  }
  const margin = Math.ceil(width * Math.tan((maxDegrees * Math.PI) / 180)) + 1;
  const bins = new Int32Array(height + 2 * margin);
  // per column, how far its pixels move once the page is turned back by the angle tried
  const shift = new Int32Array(width);
  let bestAngle = 0;
  let bestScore = -1;
  const steps = Math.round(maxDegrees / step);
  for (let i = -steps; i <= steps; i++) {
    const angle = i * step;
    const slope = Math.tan((angle * Math.PI) / 180);
    for (let x = 0; x < width; x++) shift[x] = Math.round(margin - x * slope);
    bins.fill(0);
    for (let k = 0; k < xs.length; k++) bins[ys[k]! + shift[xs[k]!]!]!++;
    let score = 0;
    for (let b = 0; b < bins.length; b++) score += bins[b]! * bins[b]!;
    if (score > bestScore) {
      bestScore = score;
      bestAngle = angle;
    }
  }
  return bestAngle;
}
