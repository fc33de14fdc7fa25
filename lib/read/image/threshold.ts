import type { GrayImage } from './gray-image.ts';

export const GREY_LEVELS = 256;

/** Otsu's threshold: pixels at or below it are ink, above it paper. */
export function otsuThreshold(image: GrayImage): number {
  const histogram = new Float64Array(GREY_LEVELS);
  const { data } = image;
  for (let i = 0; i < data.length; i++) histogram[data[i]!]!++;
  return otsuFromHistogram(histogram);
}

/** Otsu's threshold of a histogram of grey levels (counts by level). */
export function otsuFromHistogram(histogram: Float64Array): number {
  let total = 0;
  for (let v = 0; v < GREY_LEVELS; v++) total += histogram[v]!;
  let sumAll = 0;
  for (let v = 0; v < GREY_LEVELS; v++) sumAll += v * histogram[v]!;
  let sumBelow = 0;
  let countBelow = 0;
  let best = 127;
  let bestVariance = -1;
  for (let v = 0; v < GREY_LEVELS; v++) {
    countBelow += histogram[v]!;
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += v * histogram[v]!;
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const variance = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = v;
    }
  }
  return best;
}
