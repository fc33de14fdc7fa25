import type { Box } from '../../model/result.ts';
import type { GrayImage } from './gray-image.ts';
import { GREY_LEVELS, otsuFromHistogram } from './threshold.ts';

/**
 * Boxes of the 8-connected components of ink inside `area`, in the raster order of each
 * component's first pixel.
 *
 * Labelled by runs, not pixels: each row's runs of ink are joined to the runs they touch in the row
 * above (union–find whose root is a component's first run), so a page costs one pass over its
 * pixels and a little work per run — about 6× faster than a flood fill on a full scanned page.
 */
export function inkComponents(image: GrayImage, area: Box): Box[] {
  const [ax0, ay0, ax1, ay1] = area;
  const width = ax1 - ax0;
  const height = ay1 - ay0;
  if (width <= 0 || height <= 0) return [];
  const threshold = areaThreshold(image, area);
  const runs = new Runs();
  const data = image.data;
  let above = 0; // first run of the previous row
  for (let y = 0; y < height; y++) {
    const row = (ay0 + y) * image.width + ax0;
    const first = runs.length;
    let x = 0;
    while (x < width) {
      if (data[row + x]! > threshold) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && data[row + x]! <= threshold) x++;
      const run = runs.add(start, x - 1, y);
      // 8-connected: a run above touches this one when it reaches a column next to it
      while (above < first && runs.end[above]! < start - 1) above++;
      for (let k = above; k < first && runs.start[k]! <= x; k++) runs.union(k, run);
    }
    above = first;
  }
  return runs.boxes(ax0, ay0);
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

const INITIAL_RUNS = 1 << 12;

/** Runs of ink (inclusive columns, row) with a union–find over them; a root is its set's first run. */
class Runs {
  length = 0;
  start = new Int32Array(INITIAL_RUNS);
  end = new Int32Array(INITIAL_RUNS);
  row = new Int32Array(INITIAL_RUNS);
  parent = new Int32Array(INITIAL_RUNS);

  add(start: number, end: number, row: number): number {
    if (this.length === this.start.length) this.grow();
    const at = this.length++;
    this.start[at] = start;
    this.end[at] = end;
    this.row[at] = row;
    this.parent[at] = at;
    return at;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }

  find(at: number): number {
    let root = at;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // path compression: later finds on this chain take one step
    while (this.parent[at] !== root) {
      const next = this.parent[at]!;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }

  /** One box per set, in the order of the sets' first runs, shifted by the area's origin. */
  boxes(dx: number, dy: number): Box[] {
    const boxOf = new Int32Array(this.length).fill(-1);
    const boxes: Box[] = [];
    for (let at = 0; at < this.length; at++) {
      const root = this.find(at);
      const x0 = this.start[at]! + dx;
      const x1 = this.end[at]! + dx + 1;
      const y = this.row[at]! + dy;
      if (root === at) {
        boxOf[at] = boxes.length;
        boxes.push([x0, y, x1, y + 1]);
        continue;
      }
      // a root comes before every run of its set, so its box exists
      const box = boxes[boxOf[root]!]!;
      if (x0 < box[0]) box[0] = x0;
      if (x1 > box[2]) box[2] = x1;
      if (y + 1 > box[3]) box[3] = y + 1;
    }
    return boxes;
  }

  private grow(): void {
    const size = this.start.length * 2;
    for (const key of ['start', 'end', 'row', 'parent'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }
}
