import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boxesFromMap } from '../../lib/adapters/ocr/paddle/detect-text.ts';
import type { Box } from '../../lib/model/result.ts';
import { Random } from '../support/random.ts';

/** The definition, pixel by pixel: 4-connected flood fill over probabilities above 0.3, scored by their mean (≥ 0.6), unclipped by 1.5. */
function floodFillBoxes(map: Float32Array, width: number, height: number): Box[] {
  const seen = new Uint8Array(width * height);
  const boxes: Box[] = [];
  for (let start = 0; start < map.length; start++) {
    if (seen[start] || map[start]! <= 0.3) continue;
    let [x0, y0, x1, y1, sum, count] = [width, height, -1, -1, 0, 0];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % width;
      const y = Math.floor(at / width);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      sum += map[at]!;
      count++;
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ] as const) {
        const next = ny * width + nx;
        if (nx >= 0 && ny >= 0 && nx < width && ny < height && !seen[next] && map[next]! > 0.3) {
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3 || sum / count < 0.6) continue;
    const d = (w * h * 1.5) / (2 * (w + h));
    boxes.push([x0 - d, y0 - d, x1 + 1 + d, y1 + 1 + d]);
  }
  return boxes;
}

/** A probability map of blobs, lines, rings and diagonal chains (which 4-connectivity keeps apart) over low noise. */
function randomMap(random: Random): { map: Float32Array; width: number; height: number } {
  const width = random.int(8, 120);
  const height = random.int(8, 120);
  const map = new Float32Array(width * height).map(() => (random.next() < 0.97 ? random.float(0, 0.3) : random.float(0, 1)));
  const on = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) map[y * width + x] = random.next() < 0.1 ? 0.3 : random.float(0.3, 1);
  };
  for (let shape = random.int(0, 15); shape > 0; shape--) {
    const x = random.int(-3, width);
    const y = random.int(-3, height);
    const w = random.int(1, 40);
    const h = random.int(1, 12);
    switch (random.int(0, 2)) {
      case 0:
        for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) on(x + dx, y + dy);
        break;
      case 1:
        for (let k = 0; k < w; k++) on(x + k, y + k);
        break;
      default:
        for (let k = 0; k < w; k++) {
          on(x + k, y);
          on(x + k, y + h);
          on(x, y + (k % (h + 1)));
          on(x + w, y + (k % (h + 1)));
        }
    }
  }
  return { map, width, height };
}

describe('boxesFromMap', () => {
  it('finds the same text boxes, scores and order as a pixel flood fill (random probability maps)', () => {
    let boxes = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { map, width, height } = randomMap(new Random(seed));
      const expected = floodFillBoxes(map, width, height);
      assert.deepEqual(boxesFromMap(map, width, height), expected, `seed ${seed}`);
      boxes += expected.length;
    }
    assert.ok(boxes > 300, `${boxes} boxes compared`);
  });
});
