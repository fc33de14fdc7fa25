import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Box } from '../../lib/model/result.ts';
import type { GrayImage } from '../../lib/read/image/gray-image.ts';
import { inkComponents } from '../../lib/read/image/ink-components.ts';
import { otsuThreshold } from '../../lib/read/image/threshold.ts';
import { Random } from '../support/random.ts';

/** The definition, pixel by pixel: flood fill of 8-connected ink from each unvisited ink pixel in raster order. */
function floodFillComponents(image: GrayImage, [ax0, ay0, ax1, ay1]: Box): Box[] {
  const width = ax1 - ax0;
  const height = ay1 - ay0;
  const sample: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x += 4) sample.push(image.data[(ay0 + y) * image.width + ax0 + x]!);
  const threshold = otsuThreshold({ data: Uint8Array.from(sample), width: sample.length, height: 1 });
  const seen = new Set<number>();
  const isInk = (x: number, y: number) => image.data[(ay0 + y) * image.width + ax0 + x]! <= threshold;
  const boxes: Box[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!isInk(x, y) || seen.has(y * width + x)) continue;
      const box: Box = [x, y, x + 1, y + 1];
      const stack = [[x, y] as const];
      seen.add(y * width + x);
      while (stack.length > 0) {
        const [px, py] = stack.pop()!;
        box[0] = Math.min(box[0], px);
        box[1] = Math.min(box[1], py);
        box[2] = Math.max(box[2], px + 1);
        box[3] = Math.max(box[3], py + 1);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            const ny = py + dy;
            if (nx < 0 || ny < 0 || nx >= width || ny >= height || seen.has(ny * width + nx) || !isInk(nx, ny)) continue;
            seen.add(ny * width + nx);
            stack.push([nx, ny]);
          }
        }
      }
      boxes.push([box[0] + ax0, box[1] + ay0, box[2] + ax0, box[3] + ay0]);
    }
  }
  return boxes;
}

/** A grey page of strokes, blobs, rings, diagonals and specks on noisy paper. */
function randomPage(random: Random): GrayImage {
  const width = random.int(20, 160);
  const height = random.int(20, 160);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = random.int(200, 255);
  const ink = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = random.int(0, 90);
  };
  for (let shape = random.int(0, 25); shape > 0; shape--) {
    const x = random.int(-5, width);
    const y = random.int(-5, height);
    const size = random.int(1, 30);
    switch (random.int(0, 4)) {
      case 0: // horizontal or vertical stroke
        for (let k = 0; k < size; k++) random.next() < 0.5 ? ink(x + k, y) : ink(x, y + k);
        break;
      case 1: // diagonal (touches only at corners)
        for (let k = 0; k < size; k++) ink(x + k, y + (random.next() < 0.5 ? k : -k));
        break;
      case 2: // ring, with a hole that is paper
        for (let k = 0; k < size; k++) {
          ink(x + k, y);
          ink(x + k, y + size);
          ink(x, y + k);
          ink(x + size, y + k);
        }
        break;
      case 3: // a U or a comb: runs that meet only further down
        for (let k = 0; k < size; k++) for (let t = 0; t < 4; t++) ink(x + t * 3, y + k);
        for (let t = 0; t < 10; t++) ink(x + t, y + size);
        break;
      default: // speck
        ink(x, y);
    }
  }
  return { data, width, height };
}

describe('inkComponents', () => {
  it('finds the same components, in the same order, as a pixel flood fill (random pages and areas)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = new Random(seed);
      const page = randomPage(random);
      const x0 = random.int(0, page.width - 1);
      const y0 = random.int(0, page.height - 1);
      const area: Box =
        random.next() < 0.4 ? [0, 0, page.width, page.height] : [x0, y0, random.int(x0 + 1, page.width), random.int(y0 + 1, page.height)];
      assert.deepEqual(inkComponents(page, area), floodFillComponents(page, area), `seed ${seed}, area ${area.join(',')}`);
    }
  });

  it('joins runs that touch only at a corner and keeps a ring one component', () => {
    const paper = 255;
    const rows = ['#...#', '.#.#.', '..#..', '.....', '###..', '#.#..', '###.#'];
    const data = Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 0 : paper));
    const page = { data, width: 5, height: rows.length };
    assert.deepEqual(inkComponents(page, [0, 0, 5, rows.length]), [
      [0, 0, 5, 3],
      [0, 4, 3, 7],
      [4, 6, 5, 7],
    ]);
  });

  it('returns nothing for an empty area', () => {
    const page = { data: new Uint8Array(16), width: 4, height: 4 };
    assert.deepEqual(inkComponents(page, [2, 2, 2, 4]), []);
  });
});
