import type { Box } from '../../model/result.ts';
import type { GrayImage } from './gray-image.ts';
import { RunComponents } from './run-components.ts';
import { GREY_LEVELS, otsuFromHistogram } from './threshold.ts';

/** Boxes of the 8-connected components of ink inside `area`, in the raster order of each component's first pixel. */
export function inkComponents(image: GrayImage, area: Box): Box[] {
  const [ax0, ay0, ax1, ay1] = area;
  const width = ax1 - ax0;
  const height = ay1 - ay0;
  if (width <= 0 || height <= 0) return [];
  const threshold = areaThreshold(image, area);
  // labelled by runs: on full scanned pages 72 → 27 ms a page against a pixel flood fill (CPU profile)
  const runs = new RunComponents(true);
  const data = image.data;
  for (let y = 0; y < height; y++) {
    runs.nextRow();
    const row = (ay0 + y) * image.width + ax0;
    let x = 0;
    while (x < width) {
      if (data[row + x]! > threshold) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && data[row + x]! <= threshold) x++;
      runs.add(start, x - 1, y);
    }
  }
  const { count, left, top, right, bottom } = runs.components();
  return Array.from({ length: count }, (_, c): Box => [ax0 + left[c]!, ay0 + top[c]!, ax0 + right[c]! + 1, ay0 + bottom[c]! + 1]);
}

/** Otsu on every 4th pixel of the area: the tables' own paper and ink, at a quarter of the cost. */
function areaThreshold(image: GrayImage, [ax0, ay0, ax1, ay1]: Box): number {
  const histogram = new Float64Array(GREY_LEVELS);
  for (let y = ay0; y < ay1; y++) {
    const row = y * image.width;
    for (let x = ax0; x < ax1; x += 4) histogram[image.data[row + x]!]!++;
  }
  return otsuFromHistogram(histogram);
}
