import type { Segment } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import type { GrayImage } from './gray-image.ts';
import { inkComponents } from './ink-components.ts';

export interface UncoveredInkOptions {
  /** how far ink must stay from a cell's rulings, px: closer is a ruling's residue (default width / 250) */
  margin?: number;
  /** the smallest mark worth reading, longest side in px (default height / 300, about 1 mm) */
  minSize?: number;
}

export interface UncoveredInk {
  /** boxes to read: the ink of each ruled cell that no text box covers */
  boxes: Box[];
  /** indices of the given boxes that hold only part of their character's ink (ignored as cover) */
  fragments: number[];
}

/**
 * Boxes around the ink of table cells that hold no text box: what the text detector missed (it
 * sees no text in a lone narrow "1" in a tall cell) or boxed only in part (the middle of a "0",
 * which reads as nothing or as another character). Cells come from the rulings: the nearest
 * ruling on each side of a mark, so merged cells need no grid. Only ink well inside a closed cell
 * counts; `image` should have its rulings erased. One box per cell, around all its ink.
 */
export function uncoveredCellInk(image: GrayImage, rulings: Segment[], textBoxes: Box[], options: UncoveredInkOptions = {}): UncoveredInk {
  const horizontals = rulings.filter(([, ay, , by]) => ay === by);
  const verticals = rulings.filter(([ax, , bx]) => ax === bx);
  if (horizontals.length < 2 || verticals.length < 2) return { boxes: [], fragments: [] };
  const margin = options.margin ?? Math.max(6, image.width / 250);
  const minSize = options.minSize ?? Math.max(5, image.height / 300);
  const tolerance = Math.max(4, image.width / 150);

  // only the tables' area is searched: a ruled cell lies inside the rulings' extent
  const area: Box = [
    Math.max(0, Math.floor(Math.min(...verticals.map((v) => v[0])))),
    Math.max(0, Math.floor(Math.min(...horizontals.map((h) => h[1])))),
    Math.min(image.width, Math.ceil(Math.max(...verticals.map((v) => v[0]))) + 1),
    Math.min(image.height, Math.ceil(Math.max(...horizontals.map((h) => h[1]))) + 1),
  ];
  const components = inkComponents(image, area).filter(([x0, y0, x1, y1]) => Math.max(x1 - x0, y1 - y0) >= minSize);

  // a box is a fragment when the marks centred in it spread well beyond it (a proper box holds them)
  const fragments: number[] = [];
  textBoxes.forEach((box, index) => {
    const [bx0, by0, bx1, by1] = box;
    const slack = Math.max(3, (by1 - by0) * 0.2);
    const spreads = components.some(
      (c) => centredIn(c, box) && (c[0] < bx0 - slack || c[1] < by0 - slack || c[2] > bx1 + slack || c[3] > by1 + slack),
    );
    if (spreads) fragments.push(index);
  });
  const covering = textBoxes.filter((_, index) => !fragments.includes(index));

  const cells = new Map<string, { cell: Box; ink: Box }>();
  for (const box of components) {
    if (covering.some((b) => centredIn(box, b))) continue;
    const cell = enclosingCell(box, horizontals, verticals, tolerance);
    if (!cell) continue;
    const [x0, y0, x1, y1] = box;
    if (x0 - cell[0] < margin || cell[2] - x1 < margin || y0 - cell[1] < margin || cell[3] - y1 < margin) continue;
    const key = cell.join(',');
    const known = cells.get(key);
    if (known) known.ink = [Math.min(known.ink[0], x0), Math.min(known.ink[1], y0), Math.max(known.ink[2], x1), Math.max(known.ink[3], y1)];
    else cells.set(key, { cell, ink: box });
  }

  // the height of the page's text boxes (median), the size a missed character should be read at
  const heights = covering.map(([, y0, , y1]) => y1 - y0).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)] ?? minSize * 3;
  const boxes: Box[] = [];
  for (const { cell, ink } of cells.values()) {
    if (covering.some((b) => centredIn(b, cell))) continue;
    boxes.push(padded(ink, cell, margin / 2, lineHeight));
  }
  return { boxes, fragments };
}

/** Whether the centre of `inner` lies inside `outer`. */
export function centredIn(inner: Box, outer: Box): boolean {
  const x = (inner[0] + inner[2]) / 2;
  const y = (inner[1] + inner[3]) / 2;
  return x > outer[0] && x < outer[2] && y > outer[1] && y < outer[3];
}

/**
 * Grows the ink's box the way the detector's boxes come out (the recogniser was trained on
 * those): a quarter of its height around, and no narrower or flatter than a character of the
 * page's text would be (a lone "1", a dash), kept inside the cell.
 */
function padded(ink: Box, cell: Box, inset: number, lineHeight: number): Box {
  const [x0, y0, x1, y1] = ink;
  const width = x1 - x0;
  const height = y1 - y0;
  const padY = Math.max(height * 0.25, (lineHeight - height) / 2);
  const padX = Math.max(height * 0.25, (lineHeight * 0.7 - width) / 2);
  return [
    Math.max(cell[0] + inset, x0 - padX),
    Math.max(cell[1] + inset, y0 - padY),
    Math.min(cell[2] - inset, x1 + padX),
    Math.min(cell[3] - inset, y1 + padY),
  ];
}

/** The nearest ruling on each side of `box`; undefined unless all four exist. */
function enclosingCell(box: Box, horizontals: Segment[], verticals: Segment[], tolerance: number): Box | undefined {
  const [x0, y0, x1, y1] = box;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  let left = -Infinity;
  let right = Infinity;
  let top = -Infinity;
  let bottom = Infinity;
  for (const [x, a, , b] of verticals) {
    if (cy < Math.min(a, b) - tolerance || cy > Math.max(a, b) + tolerance) continue;
    if (x <= x0 && x > left) left = x;
    if (x >= x1 && x < right) right = x;
    // a ruling through the mark: it is part of the ruling, not a mark in a cell
    if (x > x0 && x < x1) return undefined;
  }
  for (const [a, y, b] of horizontals) {
    if (cx < Math.min(a, b) - tolerance || cx > Math.max(a, b) + tolerance) continue;
    if (y <= y0 && y > top) top = y;
    if (y >= y1 && y < bottom) bottom = y;
    if (y > y0 && y < y1) return undefined;
  }
  if (![left, right, top, bottom].every(Number.isFinite)) return undefined;
  return [left, top, right, bottom];
}
