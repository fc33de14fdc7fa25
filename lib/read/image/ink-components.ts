import type { Box } from '../../model/result.ts';
import type { GrayImage } from './gray-image.ts';
import { otsuThreshold } from './threshold.ts';

/** Boxes of the 8-connected components of ink inside `area`. */
export function inkComponents(image: GrayImage, area: Box): Box[] {
  const [ax0, ay0, ax1, ay1] = area;
  const width = ax1 - ax0;
  const height = ay1 - ay0;
  if (width <= 0 || height <= 0) return [];
  // Otsu on every 4th pixel of the area: the tables' own paper and ink, at a quarter of the cost
  const sample = new Uint8Array(Math.ceil(width / 4) * height);
  let n = 0;
  for (let y = 0; y < height; y++) {
    const row = (ay0 + y) * image.width + ax0;
    for (let x = 0; x < width; x += 4) sample[n++] = image.data[row + x]!;
  }
  const threshold = otsuThreshold({ data: sample.subarray(0, n), width: n, height: 1 });
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = (ay0 + y) * image.width + ax0;
    for (let x = 0; x < width; x++) ink[y * width + x] = image.data[row + x]! <= threshold ? 1 : 0;
  }
  const components: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (ink[start] === 0) continue;
    ink[start] = 0;
    stack.push(start);
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % width;
      const y = (at - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (ink[next] === 1) {
            ink[next] = 0;
            stack.push(next);
          }
        }
      }
    }
    components.push([ax0 + x0, ay0 + y0, ax0 + x1 + 1, ay0 + y1 + 1]);
  }
  return components;
}
