import type { Layout, LayoutCell, LayoutLine } from '../../model/layout.ts';
import { isNumberish } from '../../tables/parse-number.ts';
import { looksLikeMarkdown, markdownLines, textLines } from './markdown.ts';
import { FORM_FEED } from './page-number.ts';
import { countGluedRuns, MIN_GLUED_RUNS, runTogetherLines } from './run-together.ts';
import { looksStacked, stackedLines } from './stacked-cells.ts';

/**
 * Plain text copied from a report comes in these styles, each turned into lines of cells:
 * - tabs: a Word/PDF page copied as text, one row per line, cells separated by tabs;
 * - cells: a web table copied as text, one cell per line after a tab, rows separated by blank
 *   lines, a cell's second line without the tab (“\t商业” / “企业”);
 * - spaces: `pdftotext -layout` output, cells separated by runs of spaces;
 * - run-together: a web page's text whose cells lost their boundaries (“…申请数量640020470二、…”);
 * - stacked: every cell a line of its own with nothing marking rows (a Word file saved as plain
 *   text; not `pdftotext` without -layout, whose cells come in text-block order);
 * - Markdown from a PDF converter or OCR tool: pipe tables and HTML tables among the text lines,
 *   which are read in whichever of the styles above the rest of the file is in.
 */
export function layoutFromText(text: string): Layout {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (looksLikeMarkdown(lines)) {
    // the text between the tables is in a style of its own
    const style = detectStyle(textLines(lines));
    return { lines: markdownLines(lines, style === 'run-together' ? runTogetherLines : (line) => optional(spacesLine(line))) };
  }
  const style = detectStyle(lines);
  if (style === 'cells') return { lines: cellsStyle(lines) };
  if (style === 'tabs') return { lines: lines.map(tabsLine).filter((l): l is LayoutLine => l !== null) };
  if (style === 'run-together') return { lines: lines.flatMap(runTogetherLines) };
  if (style === 'stacked') return { lines: stackedLines(lines) };
  return { lines: spacesLines(lines) };
}

/**
 * Lines of `pdftotext -layout` style text. Its pages (a form feed starts each) lay text out in a
 * character grid, so a cell's character column is kept: blank cells leave only that trace.
 */
function spacesLines(lines: string[]): LayoutLine[] {
  let page = 1;
  const out: LayoutLine[] = [];
  for (const raw of lines) {
    let line = raw;
    while (line.startsWith(FORM_FEED)) {
      page++;
      line = line.slice(1);
    }
    const read = spacesLine(line, page);
    if (read) out.push(read);
  }
  return out;
}

function optional(line: LayoutLine | null): LayoutLine[] {
  return line ? [line] : [];
}

type Style = 'tabs' | 'cells' | 'spaces' | 'run-together' | 'stacked';

function detectStyle(lines: string[]): Style {
  let oneLeadingTab = 0;
  let manyTabs = 0;
  for (const line of lines) {
    const tabs = line.split('\t').length - 1;
    if (tabs === 1 && line.startsWith('\t')) oneLeadingTab++;
    else if (tabs >= 2) manyTabs++;
  }
  if (oneLeadingTab + manyTabs < 5) {
    if (countGluedRuns(lines) >= MIN_GLUED_RUNS) return 'run-together';
    return looksStacked(lines) ? 'stacked' : 'spaces';
  }
  return oneLeadingTab > manyTabs ? 'cells' : 'tabs';
}

function cell(text: string) {
  return { text: text.trim() };
}

function tabsLine(line: string): LayoutLine | null {
  // a line of tabs alone is a row of blank cells (table 4 printed blank), not an empty line
  if (line.trim() === '' && !line.includes('\t')) return null;
  return { cells: line.split('\t').map(cell) };
}

function cellsStyle(lines: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let row: string[] | null = null;
  const flush = () => {
    if (row && row.length > 0) out.push({ cells: row.map(cell) });
    row = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' && !line.includes('\t')) {
      flush();
      continue;
    }
    if (line.startsWith('\t')) {
      row ??= [];
      row.push(line.slice(1).replace(/\t/g, ' '));
      continue;
    }
    // A line without the leading tab: the second line of the previous cell, or (at the start of
    // a row) a paragraph or the first cell of a row whose leading cells were lost in the copy.
    if (row && row.length > 0) {
      row[row.length - 1] += line;
      continue;
    }
    const next = lines[i + 1];
    if (next?.startsWith('\t')) {
      row = [line];
    } else {
      out.push({ cells: [cell(line)] });
    }
  }
  flush();
  return out;
}

function spacesLine(line: string, page?: number): LayoutLine | null {
  if (line.trim() === '') return null;
  const cells: LayoutCell[] = [];
  const at = (text: string, first: number): LayoutCell =>
    page === undefined ? cell(text) : { ...cell(text), columns: { page, from: first, to: first + text.length } };
  // cells are runs separated by two or more spaces or a tab (one space is inside a cell), each
  // with its place on the line
  for (const part of line.matchAll(/\S+(?:[^\S\t]\S+)*/g)) {
    const first = part.index;
    // "0 0 1" inside one run: numbers separated by single spaces are separate cells
    const words = [...part[0].matchAll(/[^ ]+/g)].map((w) => ({ text: w[0], first: first + w.index }));
    if (words.length > 1 && words.every((w) => isNumberish(w.text))) cells.push(...words.map((w) => at(w.text, w.first)));
    else if (words.length > 1 && isNumberish(words[words.length - 1]!.text) && !isNumberish(words[0]!.text)) {
      const tail: typeof words = [];
      while (words.length > 1 && isNumberish(words[words.length - 1]!.text)) tail.unshift(words.pop()!);
      cells.push(at(words.map((w) => w.text).join(' '), first), ...tail.map((w) => at(w.text, w.first)));
    } else cells.push(at(part[0], first));
  }
  return { cells };
}
