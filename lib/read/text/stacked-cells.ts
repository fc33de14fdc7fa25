import type { LayoutLine } from '../../model/layout.ts';
import { isNumberish } from '../../tables/parse-number.ts';
import { FORM_FEED, isPageNumber } from './page-number.ts';

/**
 * Text where every table cell is a line of its own, with no tab or row break to group them: what
 * Word or LibreOffice write when a report is saved as plain text, a blank cell an empty line. A
 * row is its label line and the figure lines under it.
 *
 * Not `pdftotext` without `-layout`, though it looks alike (every cell a paragraph): it writes
 * cells in the order of the page's text blocks, often a group's labels first and their figures
 * after, so a label and the figures below it need not be one row. It ends every page with a form
 * feed and often puts an empty line after every cell; a Word file saved as text does neither.
 */

/**
 * lines holding nothing but a number before a text counts as stacked (a year with no application
 * prints table 3 all blank: then only tables 2 and 4 have figures, about a dozen)
 */
const MIN_LONE_NUMBERS = 8;
/** lone numbers must outnumber lines printing a label and figures side by side this many times */
const LONE_PER_ROW_LINE = 4;
/** share of cells followed by exactly one empty line when empty lines separate every cell */
const SEPARATED_SHARE = 0.8;

export function looksStacked(lines: string[]): boolean {
  if (lines.some((line) => line.includes(FORM_FEED))) return false;
  let lone = 0;
  let rowLines = 0;
  for (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    if (isNumberish(text)) lone++;
    else {
      const parts = text.split(/\s{2,}|\t/);
      if (parts.length > 1 && isNumberish(parts.at(-1)!)) rowLines++;
    }
  }
  return lone >= MIN_LONE_NUMBERS && lone >= LONE_PER_ROW_LINE * rowLines && !separatedByEmptyLines(lines);
}

/**
 * Lines of cells from stacked text: a text line opens a row, the number lines and empty lines
 * (blank cells) that follow are its cells. A text line with no figure under it stays a line of
 * its own (a heading, a group label, a wrapped label).
 */
export function stackedLines(lines: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let row: string[] | null = null;
  const flush = () => {
    if (row) out.push({ cells: row.map((text) => ({ text })) });
    row = null;
  };
  for (const line of lines) {
    const text = line.trim();
    if (text === '') {
      if (row) row.push('');
      continue;
    }
    // a page's number between two cells of a row belongs to neither
    if (isPageNumber(text)) continue;
    if (isNumberish(text)) {
      row ??= [];
      row.push(text);
      continue;
    }
    flush();
    row = [text];
  }
  flush();
  return out;
}

/** `pdftotext`'s paragraphs: almost every line is followed by exactly one empty line. */
function separatedByEmptyLines(lines: string[]): boolean {
  let cells = 0;
  let separated = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    cells++;
    if (lines[i + 1]?.trim() === '' && lines[i + 2] !== undefined && lines[i + 2]!.trim() !== '') separated++;
  }
  return cells > 0 && separated / cells >= SEPARATED_SHARE;
}
