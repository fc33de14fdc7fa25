import type { Segment } from '../../model/layout.ts';
import type { GrayImage } from './gray-image.ts';

interface Band {
  /** along the line */
  from: number;
  to: number;
  /** across the line: first and last pixel row (or column) */
  first: number;
  last: number;
}

/**
 * Finds the ruling lines of tables in a straightened page, in its pixels: long thin ink runs,
 * horizontal `[x0, y, x1, y]` and vertical `[x, y0, x, y1]`. Long horizontals seed the grid; a
 * vertical is kept only when it ends on a kept horizontal and crosses another, a short horizontal only when it runs
 * between two kept verticals, which drops the strokes of characters (they never touch a border).
 */
export function findRulings(image: GrayImage): Segment[] {
  // rulings are often hair lines, much lighter than text: anything clearly darker than paper
  const threshold = paperLevel(image) - 25;
  const { width, height, data } = image;
  const ink = new Uint8Array(width * height);
  // the same ink column by column, so vertical runs are read along memory like horizontal ones
  const inkByColumn = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const isInk = data[i]! <= threshold ? 1 : 0;
      ink[i] = isInk;
      inkByColumn[x * height + y] = isInk;
    }
  }
  // a character is at most about 1/40 of a page wide; a table cell rarely narrower
  const minLength = Math.max(20, Math.round(width / 45));
  const maxThickness = Math.max(4, Math.round(width / 300));
  const tolerance = Math.max(4, Math.round(width / 150));

  const horizontals = findBands(ink, height, width, minLength, maxThickness);
  const verticals = findBands(inkByColumn, width, height, minLength, maxThickness);

  const meets = (h: Band, x: number, y: number) => Math.abs(mid(h) - y) <= tolerance && x >= h.from - tolerance && x <= h.to + tolerance;
  const crosses = (v: Band, h: Band) => {
    const x = mid(v);
    const y = mid(h);
    return x >= h.from - tolerance && x <= h.to + tolerance && y >= v.from - tolerance && y <= v.to + tolerance;
  };
  // grow the grid from long lines: a vertical must end on a kept horizontal and cross another, a short
  // horizontal needs two kept verticals apart (a cell border); strokes of a bold character can
  // form a tiny box of their own but never reach a long line
  const keptHorizontals = horizontals.filter((h) => h.to - h.from >= image.width / 6);
  let keptVerticals: Band[] = [];
  for (let round = 0; round < 3; round++) {
    keptVerticals = verticals.filter((v) => {
      const x = mid(v);
      const ends = keptHorizontals.some((h) => meets(h, x, v.from)) || keptHorizontals.some((h) => meets(h, x, v.to));
      // two crossings, not two ends: a table cut by the page edge has no bottom border
      return ends && keptHorizontals.filter((h) => crosses(v, h)).length >= 2;
    });
    const added = horizontals.filter((h) => {
      if (keptHorizontals.includes(h)) return false;
      const xs = keptVerticals.filter((v) => crosses(v, h)).map(mid);
      return xs.length >= 2 && Math.max(...xs) - Math.min(...xs) >= minLength;
    });
    if (added.length === 0) break;
    keptHorizontals.push(...added);
  }
  return [
    ...keptHorizontals.map((h): Segment => [h.from, mid(h), h.to, mid(h)]),
    ...keptVerticals.map((v): Segment => [mid(v), v.from, mid(v), v.to]),
  ];
}

function mid(band: Band): number {
  return (band.first + band.last) / 2;
}

/** How far a straightened page's rule may still lean (rise over run, about 0.35°). */
const RESIDUAL_LEAN = 0.006;

/**
 * Runs of ink at least `minLength` long (gaps of 2 px bridged) in each of `lines` lines of `length`
 * pixels (`ink` line by line: rows for horizontals, columns for verticals), chained across
 * neighbouring lines into bands no thicker than `maxThickness`.
 */
function findBands(ink: Uint8Array, lines: number, length: number, minLength: number, maxThickness: number): Band[] {
  const done: Band[] = [];
  let open: Band[] = [];
  for (let line = 0; line < lines; line++) {
    const runs: [number, number][] = [];
    const base = line * length;
    let start = -1;
    let lastInk = -10;
    for (let i = 0; i < length; i++) {
      if (ink[base + i] === 1) {
        if (start < 0 || i - lastInk > 3) {
          if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);
          start = i;
        }
        lastInk = i;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);

    const next: Band[] = [];
    for (const [from, to] of runs) {
      const band = open.find((b) => b.last >= line - 1 && overlap(b, from, to) > 0.5 * Math.min(b.to - b.from, to - from));
      if (band) {
        band.from = Math.min(band.from, from);
        band.to = Math.max(band.to, to);
        band.last = line;
        if (!next.includes(band)) next.push(band);
      } else {
        next.push({ from, to, first: line, last: line });
      }
    }
    for (const band of open) if (!next.includes(band)) done.push(band);
    open = next;
  }
  done.push(...open);
  // a long rule of a straightened page still leans a little (the skew is estimated): thicker by its drift
  return done.filter((b) => b.last - b.first + 1 <= maxThickness + RESIDUAL_LEAN * (b.to - b.from) && b.to - b.from + 1 >= minLength);
}

function overlap(band: Band, from: number, to: number): number {
  return Math.min(band.to, to) - Math.max(band.from, from);
}

/** The most common grey level in the page's lighter half: the paper. */
function paperLevel(image: GrayImage): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < image.data.length; i += 7) histogram[image.data[i]!]!++;
  let best = 255;
  for (let v = 128; v < 256; v++) if (histogram[v]! > histogram[best]!) best = v;
  return best;
}
