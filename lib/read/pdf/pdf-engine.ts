import type { Box } from '../../model/result.ts';

// What the PDF reader needs from a PDF engine, in the engine's own terms of PDF user space (points,
// origin bottom-left, y up); pdfium.ts provides it. Everything else in lib/read/pdf works on these.

export type PdfOpenFailure = 'encrypted' | 'corrupt';

/** One character of a page's text layer, as the content stream draws it. */
export interface PdfChar {
  /** one code point (a space drawn by the file included), U+FFFD when the font maps to none */
  text: string;
  /** the pen position on the baseline where the glyph starts */
  origin: [number, number];
  /** the glyph's advance box, from the font's descent to its ascent: [x0, y0, x1, y1] */
  loose: Box;
  /** direction of the baseline, radians counter-clockwise */
  angle: number;
  /** font size as drawn, points */
  size: number;
  /** which font drew it (characters of one font share the number) */
  font: number;
}

/** A path object: its straight subpaths, and how it is painted. */
export interface PdfPath {
  subpaths: { points: [number, number][]; closed: boolean }[];
  stroke: boolean;
  fill: boolean;
}

/** What a page draws besides text. */
export interface PdfGraphics {
  paths: PdfPath[];
  /** the largest image's area, square points */
  largestImageArea: number;
  images: number;
  /** text objects (0 on a page that is one scanned image) */
  texts: number;
}

export interface PdfPage {
  /** size in points as displayed (after /Rotate) */
  width: number;
  height: number;
  /** user space → the displayed page: points, origin top-left, y down */
  toPage(x: number, y: number): [number, number];
  chars(): PdfChar[];
  graphics(): PdfGraphics;
  /** the page drawn on white, `scale` pixels per point, 8-bit gray */
  renderGray(scale: number): { data: Uint8Array; width: number; height: number };
}

export interface PdfDocument {
  pageCount: number;
  /** the Info dictionary's Title, when it has one */
  title(): string | undefined;
  /** Runs `read` on page `number` (1-based); the page is released afterwards. */
  page<T>(number: number, read: (page: PdfPage) => T): T;
}
