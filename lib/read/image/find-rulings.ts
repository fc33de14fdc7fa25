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
  const { width } = image;
  // a character is at most about 1/40 of a page wide; a table cell rarely narrower
  const minLength = Math.max(20, Math.round(width / 45));
  const maxThickness = Math.max(4, Math.round(width / 300));
  const tolerance = Math.max(4, Math.round(width / 150));

  const { rows, columns } = inkRuns(image, threshold, minLength);
  const horizontals = findBands(rows, minLength, maxThickness);
  const verticals = findBands(columns, minLength, maxThickness);

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

/** Runs of ink at least `minLength` long, gaps of up to 2 px bridged: `[from, to]`, inclusive. */
export type Run = [number, number];

/** Largest gap inside a run, plus one: a stroke broken by a pixel or two of paper is still one rule. */
const RUN_GAP = 3;

/**
 * The runs of every row and of every column, in one pass over the page in memory order: each
 * column's open run is carried from row to row, so no transposed copy of the page is needed.
 */
export function inkRuns(image: GrayImage, threshold: number, minLength: number): { rows: Run[][]; columns: Run[][] } {
  const { width, height, data } = image;
  const rows: Run[][] = [];
  const columns: Run[][] = Array.from({ length: width }, () => []);
  const columnStart = new Int32Array(width).fill(-1);
  const columnLastInk = new Int32Array(width).fill(-10);
  for (let y = 0; y < height; y++) {
    const runs: Run[] = [];
    let start = -1;
    let lastInk = -10;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (data[i]! > threshold) continue;
      if (start < 0 || x - lastInk > RUN_GAP) {
        if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);
        start = x;
      }
      lastInk = x;
      const from = columnStart[x]!;
      const last = columnLastInk[x]!;
      if (from < 0 || y - last > RUN_GAP) {
        if (from >= 0 && last - from + 1 >= minLength) columns[x]!.push([from, last]);
        columnStart[x] = y;
      }
      columnLastInk[x] = y;
    }
    if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);
    rows.push(runs);
  }
  for (let x = 0; x < width; x++) {
    const from = columnStart[x]!;
    const last = columnLastInk[x]!;
    if (from >= 0 && last - from + 1 >= minLength) columns[x]!.push([from, last]);
  }
  return { rows, columns };
}

/**
 * The runs of each line (rows for horizontals, columns for verticals) chained across neighbouring
 * lines into bands no thicker than `maxThickness`.
 */
function findBands(runsByLine: readonly Run[][], minLength: number, maxThickness: number): Band[] {
  const done: Band[] = [];
  let open: Band[] = [];
  for (let line = 0; line < runsByLine.length; line++) {
    const runs = runsByLine[line]!;
    if (runs.length === 0 && open.length === 0) continue;
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
