import type { Segment } from '../../model/layout.ts';
import { MAX_RULE_LEAN } from '../geometry/geo-word.ts';
import { boundsOf, type PointMapper } from './page-words.ts';
import type { PdfPath } from './pdf-engine.ts';

/** Thicker than this (points) a filled shape is a box, not a drawn line. */
const MAX_RULE_THICKNESS = 3;
/** Shorter than this (points) a segment is a tick or a glyph part, not a table line. */
const MIN_RULE_LENGTH = 4;
/** Bound on the work for one page: a hostile page may draw millions of paths. */
const MAX_SEGMENTS = 20_000;

/**
 * Finds the straight horizontal and vertical lines a page draws — stroked paths, and filled
 * rectangles thin enough to be lines — in page space: points, origin top-left, y down.
 */
export function rulingsFromPaths(paths: readonly PdfPath[], toPage: PointMapper): Segment[] {
  const segments: Segment[] = [];
  for (const path of paths) {
    if (segments.length >= MAX_SEGMENTS) break;
    for (const subpath of path.subpaths) {
      const points = subpath.points.map(([x, y]) => toPage(x, y));
      // A path both filled and stroked is drawn by its outline.
      if (path.stroke) strokedSegments(points, segments);
      else filledRule(points, segments);
    }
  }
  return segments.slice(0, MAX_SEGMENTS);
}

function strokedSegments(points: readonly [number, number][], out: Segment[]): void {
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    addAxisSegment(x0, y0, x1, y1, out);
  }
}

function filledRule(points: readonly [number, number][], out: Segment[]): void {
  const [x0, y0, x1, y1] = boundsOf(points);
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) out.push([x0, (y0 + y1) / 2, x1, (y0 + y1) / 2]);
  else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) out.push([(x0 + x1) / 2, y0, (x0 + x1) / 2, y1]);
}

function addAxisSegment(x0: number, y0: number, x1: number, y1: number, out: Segment[]): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (Math.max(dx, dy) < MIN_RULE_LENGTH) return;
  // Only (nearly) axis-aligned lines can be table rules.
  if (dy <= dx * MAX_RULE_LEAN) out.push([Math.min(x0, x1), (y0 + y1) / 2, Math.max(x0, x1), (y0 + y1) / 2]);
  else if (dx <= dy * MAX_RULE_LEAN) out.push([(x0 + x1) / 2, Math.min(y0, y1), (x0 + x1) / 2, Math.max(y0, y1)]);
}
