import type { Segment } from '../../model/layout.ts';
import { boundsOf, type PointMapper } from './page-words.ts';

/** The pdf.js operator codes this module reads (pdf.js `OPS` and `DrawOPS`). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

/** What a page draws besides text: its table rules, and how much of it images cover. */
export interface PageGraphics {
  rulings: Segment[];
  /** largest image's area on the page, in square points */
  largestImageArea: number;
}

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF `cm` concatenation: CTM' = n × CTM).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function asMatrix(value: unknown): Matrix | undefined {
  if (value === null || typeof value !== 'object' || !('length' in value)) return undefined;
  const list = Array.from(value as ArrayLike<unknown>);
  if (list.length !== 6 || !list.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  return list as Matrix;
}

/** Thicker than this (points) a filled shape is a box, not a drawn line. */
const MAX_RULE_THICKNESS = 3;
/** Shorter than this (points) a segment is a tick or a glyph part, not a table line. */
const MIN_RULE_LENGTH = 4;
/** Bound on the work for one page: a hostile page may draw millions of paths. */
const MAX_SEGMENTS = 20_000;

/**
 * Finds the straight horizontal and vertical lines a page draws (stroked paths, and filled
 * rectangles thin enough to be lines), in page space: points, origin top-left, y down; and the
 * largest image's area (an image is drawn into the unit square of the current transform).
 */
export function graphicsFromOperators(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: PathOps,
  toPage: PointMapper,
): PageGraphics {
  const segments: Segment[] = [];
  let largestImageArea = 0;
  const images = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject]);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);

  const map = (x: number, y: number): [number, number] => toPage(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);

  for (let i = 0; i < fnArray.length && segments.length < MAX_SEGMENTS; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = Array.isArray(args) ? asMatrix(args[0]) : undefined;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn !== undefined && images.has(fn)) {
      largestImageArea = Math.max(largestImageArea, Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
    } else if (fn === ops.constructPath && Array.isArray(args)) {
      const paint = args[0];
      const data = Array.isArray(args[1]) ? (args[1][0] as unknown) : undefined;
      if (typeof paint !== 'number' || !(data instanceof Float32Array)) continue;
      if (strokes.has(paint)) strokedSegments(data, map, segments);
      else if (fills.has(paint)) filledRules(data, map, segments);
    }
  }
  return { rulings: segments, largestImageArea };
}

/** Walks a pdf.js path buffer, calling `onSubpath` with the mapped points of each subpath. */
function walkPath(
  data: Float32Array,
  map: (x: number, y: number) => [number, number],
  onSubpath: (points: [number, number][], closed: boolean) => void,
): void {
  let points: [number, number][] = [];
  const flush = (closed: boolean) => {
    if (points.length > 1) onSubpath(points, closed);
    points = closed && points.length > 0 ? [points[0]!] : [];
  };
  for (let k = 0; k < data.length; ) {
    const op = data[k++];
    if (op === DRAW_MOVE) {
      flush(false);
      points = [map(data[k]!, data[k + 1]!)];
      k += 2;
    } else if (op === DRAW_LINE) {
      points.push(map(data[k]!, data[k + 1]!));
      k += 2;
    } else if (op === DRAW_CURVE) {
      // A curve ends the straight run; keep its end point as the next start.
      flush(false);
      points = [map(data[k + 4]!, data[k + 5]!)];
      k += 6;
    } else if (op === DRAW_QUAD) {
      flush(false);
      points = [map(data[k + 2]!, data[k + 3]!)];
      k += 4;
    } else if (op === DRAW_CLOSE) {
      if (points.length > 0) points.push(points[0]!);
      flush(true);
    } else break;
  }
  flush(false);
}

function strokedSegments(data: Float32Array, map: (x: number, y: number) => [number, number], out: Segment[]): void {
  walkPath(data, map, (points) => {
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1]!;
      const [x1, y1] = points[i]!;
      addAxisSegment(x0, y0, x1, y1, out);
    }
  });
}

function filledRules(data: Float32Array, map: (x: number, y: number) => [number, number], out: Segment[]): void {
  walkPath(data, map, (points) => {
    const [x0, y0, x1, y1] = boundsOf(points);
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) out.push([x0, (y0 + y1) / 2, x1, (y0 + y1) / 2]);
    else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) out.push([(x0 + x1) / 2, y0, (x0 + x1) / 2, y1]);
  });
}

function addAxisSegment(x0: number, y0: number, x1: number, y1: number, out: Segment[]): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (Math.max(dx, dy) < MIN_RULE_LENGTH) return;
  // Only (nearly) axis-aligned lines can be table rules.
  if (dy <= dx * 0.02) out.push([Math.min(x0, x1), (y0 + y1) / 2, Math.max(x0, x1), (y0 + y1) / 2]);
  else if (dx <= dy * 0.02) out.push([(x0 + x1) / 2, Math.min(y0, y1), (x0 + x1) / 2, Math.max(y0, y1)]);
}
