import type { Segment } from '../../../model/layout.ts';
import type { Box } from '../../../model/result.ts';

/**
 * Cuts a text box wherever a vertical table ruling runs through it, so each piece lies in one
 * cell (the detector joins short numbers in narrow neighbouring cells). Pieces too narrow to
 * hold a character are dropped.
 */
export function splitAtRulings(box: Box, rulings: Segment[]): Box[] {
  const [x0, y0, x1, y1] = box;
  const height = y1 - y0;
  const middle = (y0 + y1) / 2;
  const margin = Math.max(2, height * 0.1);
  const cuts = rulings
    .filter(([ax, ay, bx, by]) => ax === bx && ay <= middle && by >= middle && ax > x0 + margin && ax < x1 - margin)
    .map(([x]) => x)
    .sort((a, b) => a - b);
  if (cuts.length === 0) return [box];
  const gap = Math.max(2, height * 0.08);
  const pieces: Box[] = [];
  let from = x0;
  for (const cut of [...cuts, x1 + gap]) {
    const to = cut - gap;
    if (to - from >= height * 0.35) pieces.push([from, y0, to, y1]);
    from = cut + gap;
  }
  return pieces;
}

/** Paints the ruling lines in the paper's colour, so they are neither detected nor read as "1". */
export function eraseRulings(
  page: { data: Uint8Array; width: number; height: number },
  rulings: Segment[],
  halfThickness: number,
): Uint8Array {
  const data = new Uint8Array(page.data);
  const paper = 255;
  for (const [ax, ay, bx, by] of rulings) {
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - halfThickness));
    const x1 = Math.min(page.width - 1, Math.ceil(Math.max(ax, bx) + halfThickness));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - halfThickness));
    const y1 = Math.min(page.height - 1, Math.ceil(Math.max(ay, by) + halfThickness));
    for (let y = y0; y <= y1; y++) data.fill(paper, y * page.width + x0, y * page.width + x1 + 1);
  }
  return data;
}
