import type { Box } from './result.ts';

/**
 * The one layout model every reader produces and the table locator consumes: the document as an
 * ordered list of lines, each a list of cells. A table row is a line with several cells; a paragraph
 * is a line with one cell. Where the source has real cells (HTML, DOCX, Textract) merged cells are
 * already expanded; where it has positioned text (PDF, OCR) cells come from geometry and carry a bbox.
 */
export interface LayoutCell {
  text: string;
  /** 1-based page */
  page?: number;
  /** [x0, y0, x1, y1], origin top-left, in PDF points or image pixels */
  bbox?: Box;
  /** OCR confidence 0..1; absent when the text came from a text layer or markup */
  confidence?: number;
  /**
   * the digits of one or more adjacent cells printed with nothing between them (web text that
   * lost its cell boundaries): how many cells they fill is for the form's sums to tell
   */
  joined?: boolean;
  /** an empty cell of a converter's table (Markdown from a PDF): a blank, or a figure it lost */
  mayBeLost?: boolean;
  /**
   * where the cell stands in text laid out in a character grid (`pdftotext -layout` output): its
   * page (form feeds start pages) and its characters [from, to) on the line; blank cells leave
   * no other trace of which column a figure is in
   */
  columns?: TextColumns;
}

export interface TextColumns {
  page: number;
  from: number;
  to: number;
}

export interface LayoutLine {
  cells: LayoutCell[];
  page?: number;
  /** index of the source table (HTML/DOCX/Textract) this row belongs to */
  table?: number;
}

export interface Layout {
  lines: LayoutLine[];
}

/** A word or text run with its position, from a PDF text layer or an OCR engine. */
export interface PositionedWord {
  text: string;
  /** [x0, y0, x1, y1], origin top-left, y grows downwards */
  bbox: Box;
  confidence?: number;
}

/** A straight ruling line of a table, [x0, y0, x1, y1] in the page's units. */
export type Segment = Box;

export interface PositionedPage {
  /** 1-based */
  page: number;
  width: number;
  height: number;
  unit: 'pt' | 'px';
  words: PositionedWord[];
  /** table ruling lines when the source has them (PDF vector paths, lines found in an image) */
  rulings?: Segment[];
  /** real cells when the engine found them (Textract TABLE/CELL blocks) */
  tables?: { rows: LayoutCell[][] }[];
}
