import { APPLICANT_COLUMNS, SECTIONS } from '../model/form.ts';
import type { LayoutCell, LayoutLine } from '../model/layout.ts';
import type { Box } from '../model/result.ts';
import { normalizeText, ROW_NUMBERING } from './normalize.ts';
import { headedWithoutFigures } from './printed-words.ts';

/**
 * Table 3 printed with every cell blank (no application that year, zeros left blank): an unruled
 * table or text then leaves its rows' labels only, and no line looks like a row. With the
 * table's column headers printed and not one figure in the region, each numbered label line is a
 * row printed blank; a line of label pieces that goes on with the row above (a label wrapped in its
 * cell) joins that row's labels, cell by cell where the cells are placed. Never used where
 * a figure is printed: then the rows are the rows the figures show.
 */
const HEADER_WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构'];
const WIDTH = APPLICANT_COLUMNS.length;

/** The lines with the region's rows completed as rows printed blank; null when it is not table 3 printed blank. */
export function blankTableLines(lines: readonly LayoutLine[], start: number, end: number): LayoutLine[] | null {
  if (!headedWithoutFigures(lines, start, end, HEADER_WORDS)) return null;
  const out = [...lines];
  let row: { index: number; labels: LayoutCell[] } | undefined;
  const close = () => {
    if (row) out[row.index] = printedBlank(lines[row.index]!, row.labels);
    row = undefined;
  };
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (isHeading(line)) {
      close();
      continue;
    }
    const open = row && line.page === lines[row.index]!.page ? row : undefined;
    // (a blank cell here is a column some other table lent the line: no part of the labels)
    const labels = line.cells.filter((cell) => cell.text.trim() !== '');
    // pieces under a label of the open row are its wrapped end; the others are the line's own
    const rest = open ? labels.filter((cell) => !joinBelow(open.labels, cell)) : labels;
    // a group's label — （三）, not 1. — beside the open row's labels is no next row (set level with
    // its items' middle); an item's number always opens one
    const beside = (cell: LayoutCell) =>
      open !== undefined && cell.bbox !== undefined && cell.bbox[1] < bottom(open.labels) - BESIDE * height(cell.bbox);
    const opens = (cell: LayoutCell) => numbered(cell) && !vertical(cell) && (ITEM_NUMBER.test(cell.text) || !beside(cell));
    if (rest.some(opens)) {
      close();
      row = { index: i, labels: rest.map((c) => ({ ...c })) };
      continue;
    }
    if (rest.length < labels.length) out[i] = { ...line, cells: rest };
    else if (!rest.some(beside)) close();
  }
  close();
  return out;
}

/**
 * An item's numbering (1. 2、), as against a group's (（三） 三、) — at the start of the piece, or
 * after a group label OCR ran into it (“供(四)无法提2.没有现成信息…”).
 */
const ITEM_NUMBER = /(?:^\s*|[\p{Script=Han}）)])\d+\s*[.、．]\s*\p{Script=Han}/u;

/** The piece opens a label: with row numbering, or an item's number run into a group label. */
const numbered = (cell: LayoutCell): boolean => ROW_NUMBERING.test(cell.text) || ITEM_NUMBER.test(cell.text);

/** How far (in its line's height) a piece must reach above a row's foot to lie beside the row. */
const BESIDE = 0.2;

/** A section's heading (三、收到和处理…): numbered, but no row. */
function isHeading(line: LayoutLine): boolean {
  const text = normalizeText(line.cells.map((c) => c.text).join(''));
  return SECTIONS.some((section) => section.keys.some((key) => text.includes(normalizeText(key))));
}

const height = (box: Box): number => box[3] - box[1];

/** A piece this many times taller than wide is set down the side (one character is about square). */
const VERTICAL = 2;

/** A group label set one character a line (三、本年度办理结果 down the table's side): no row of its own. */
const vertical = (cell: LayoutCell): boolean => cell.bbox !== undefined && height(cell.bbox) > VERTICAL * (cell.bbox[2] - cell.bbox[0]);

/** The foot of a row's labels, a group label set down the side left out (−∞ when they have no place). */
function bottom(labels: readonly LayoutCell[]): number {
  return Math.max(-Infinity, ...labels.map((c) => (c.bbox === undefined || vertical(c) ? -Infinity : c.bbox[3])));
}

/** How far below a label (in its lines' height) its wrapped end may start. */
const WRAP_GAP = 0.6;

/** Appends the cell's text to the label it lies right under, when it lies right under one. */
function joinBelow(labels: LayoutCell[], cell: LayoutCell): boolean {
  const box = cell.bbox;
  // a numbered piece opens a label, it never goes on with one
  if (!box || cell.text.trim() === '' || vertical(cell) || numbered(cell)) return false;
  const over = labels.find((label) => label.bbox && under(label.bbox, box));
  if (!over) return false;
  over.text += cell.text;
  over.bbox = [
    Math.min(over.bbox![0], box[0]),
    Math.min(over.bbox![1], box[1]),
    Math.max(over.bbox![2], box[2]),
    Math.max(over.bbox![3], box[3]),
  ];
  return true;
}

/** `below` lies in the column of `above` and starts within a line of its foot. */
function under(above: Box, below: Box): boolean {
  const line = below[3] - below[1];
  return Math.min(above[2], below[2]) > Math.max(above[0], below[0]) && below[1] >= above[1] && below[1] - above[3] <= WRAP_GAP * line;
}

/** The row's labels, then its cells, all blank (on its page, so their provenance says where). */
function printedBlank(line: LayoutLine, labels: LayoutCell[]): LayoutLine {
  const blank = (): LayoutCell => (line.page === undefined ? { text: '' } : { text: '', page: line.page });
  return { ...line, cells: [...labels, ...Array.from({ length: WIDTH }, blank)] };
}
