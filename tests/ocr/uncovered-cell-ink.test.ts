import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Segment } from '../../lib/model/layout.ts';
import type { Box } from '../../lib/model/result.ts';
import type { GrayImage } from '../../lib/read/image/gray-image.ts';
import { centredIn, uncoveredCellInk } from '../../lib/read/image/uncovered-cell-ink.ts';

// A 1200 × 900 page with a 3 × 3 table of 300 × 200 cells from (150, 150); rulings already erased.
const W = 1200;
const H = 900;
const cell = (c: number, r: number): Box => [150 + 300 * c, 150 + 200 * r, 150 + 300 * (c + 1), 150 + 200 * (r + 1)];
const rulings: Segment[] = [
  ...[0, 1, 2, 3].map((r): Segment => [150, 150 + 200 * r, 1050, 150 + 200 * r]),
  ...[0, 1, 2, 3].map((c): Segment => [150 + 300 * c, 150, 150 + 300 * c, 750]),
];

function page(paint: (rect: (x0: number, y0: number, x1: number, y1: number) => void) => void): GrayImage {
  const data = new Uint8Array(W * H).fill(245);
  paint((x0, y0, x1, y1) => {
    for (let y = y0; y < y1; y++) data.fill(30, y * W + x0, y * W + x1);
  });
  return { data, width: W, height: H };
}

/** A bare "1" (a stroke 6 × 40 with a small flag) centred at (x, y). */
const one = (rect: (x0: number, y0: number, x1: number, y1: number) => void, x: number, y: number) => {
  rect(x - 3, y - 20, x + 3, y + 20);
  rect(x - 9, y - 17, x - 3, y - 13);
};

describe('uncoveredCellInk', () => {
  it('boxes the ink of a cell without a text box, and only that', () => {
    const [cx0, cy0, cx1, cy1] = cell(1, 1);
    const image = page((rect) => {
      one(rect, 600, 450); // cell (1, 1): missed by the detector
      one(rect, 300, 250); // cell (0, 0): has its text box
      rect(1200 - 60, 40, 1200 - 20, 80); // outside the table
      rect(cx0 + 5, cy0 + 40, cx0 + 8, cy0 + 160); // a ruling's residue in the same cell, by its border
      rect(750 + 140, 650, 750 + 143, 653); // a speck in cell (2, 2)
    });
    const { boxes, fragments } = uncoveredCellInk(image, rulings, [[280, 220, 320, 280]]);
    assert.deepEqual(fragments, []);
    assert.equal(boxes.length, 1);
    const [x0, y0, x1, y1] = boxes[0]!;
    // holds the whole "1", with room around it, and stays inside its cell
    assert.ok(x0 < 591 && x1 > 603 && y0 < 430 && y1 > 470, `box ${boxes[0]}`);
    assert.ok(x0 > cx0 && x1 < cx1 && y0 > cy0 && y1 < cy1, `box ${boxes[0]} leaves the cell`);
    // no wider than a character: the residue by the border is not part of it
    assert.ok(x0 > cx0 + 20, `box ${boxes[0]} reaches the residue`);
  });

  it('reads a cell whole when its only box holds part of a character', () => {
    const image = page((rect) => {
      // a "0" drawn as a ring 30 × 44 in cell (2, 0); the detector boxed its middle only
      rect(885, 228, 915, 234);
      rect(885, 266, 915, 272);
      rect(885, 228, 891, 272);
      rect(909, 228, 915, 272);
    });
    const fragment: Box = [893, 240, 907, 260];
    const { boxes, fragments } = uncoveredCellInk(image, rulings, [fragment]);
    assert.deepEqual(fragments, [0]);
    assert.equal(boxes.length, 1);
    const [x0, y0, x1, y1] = boxes[0]!;
    assert.ok(x0 < 885 && y0 < 228 && x1 > 915 && y1 > 272, `box ${boxes[0]}`);
    assert.ok(centredIn(fragment, boxes[0]!));
  });

  it('leaves a cell with a proper text box alone', () => {
    const image = page((rect) => one(rect, 600, 450));
    const { boxes, fragments } = uncoveredCellInk(image, rulings, [[585, 420, 615, 480]]);
    assert.deepEqual(boxes, []);
    assert.deepEqual(fragments, []);
  });

  it('finds nothing without a ruled grid', () => {
    const image = page((rect) => one(rect, 600, 450));
    assert.deepEqual(uncoveredCellInk(image, [], []), { boxes: [], fragments: [] });
  });
});
