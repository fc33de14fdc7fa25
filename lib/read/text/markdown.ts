import type { LayoutLine } from '../../model/layout.ts';
import { layoutLines } from '../html/html-layout.ts';
import { loadHtml } from '../html/parse-html.ts';
import { isPageNumber } from './page-number.ts';

/**
 * Markdown from PDF converters and OCR tools: pipe tables (`| 规章 | 0 | 0 | 0 |`, often one
 * table per row when the converter lost the grid), separator rows, HTML tables embedded in the
 * text, `#` headings, `**` bold, page numbers between rows. Table rows keep their cells; every
 * other line is handed to `plainLine` (the style the rest of the document is in).
 */
export function markdownLines(lines: string[], plainLine: (line: string) => LayoutLine[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/<table[\s>]/i.test(line)) {
      // an HTML table embedded in the Markdown runs to its closing tag
      let html = line;
      while (!/<\/table>/i.test(html) && i + 1 < lines.length) html += `\n${lines[++i]!}`;
      out.push(...htmlTableLines(html));
      continue;
    }
    if (isSeparatorRow(line)) continue;
    if (isPipeRow(line)) {
      out.push({ cells: pipeCells(line).map(tableCell) });
      continue;
    }
    const text = inlineText(stripBlockMarks(line));
    if (text.trim() === '' || isPageNumber(text)) continue;
    out.push(...plainLine(text));
  }
  return out;
}

/** The lines outside the Markdown's tables (their style is the style of the rest of the file). */
export function textLines(lines: string[]): string[] {
  let inHtml = false;
  return lines.filter((line) => {
    if (/<table[\s>]/i.test(line)) inHtml = true;
    const table = inHtml || isSeparatorRow(line) || isPipeRow(line);
    if (/<\/table>/i.test(line)) inHtml = false;
    return !table;
  });
}

/** At least two pipe-table rows, or an HTML table in a text file: the file is converter Markdown. */
export function looksLikeMarkdown(lines: string[]): boolean {
  let rows = 0;
  for (const line of lines) {
    if (isSeparatorRow(line) || /<table[\s>]/i.test(line)) return true;
    if (isPipeRow(line)) rows++;
  }
  return rows >= 2;
}

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$/;

function isSeparatorRow(line: string): boolean {
  return SEPARATOR.test(line);
}

function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') && t.length > 1 && (t.match(/(?<!\\)\|/g)?.length ?? 0) >= 2;
}

/** The cells between the pipes; a leading and a trailing pipe open and close the row. */
function pipeCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

function tableCell(raw: string) {
  const text = inlineText(raw).trim();
  // a converter writes an empty cell both for a blank and for a figure it lost
  return text === '' ? { text, mayBeLost: true } : { text };
}

/** An HTML table's rows, merged cells expanded (their empty cells are the merge, not lost figures). */
function htmlTableLines(html: string): LayoutLine[] {
  const root = loadHtml(html).root()[0];
  return root ? layoutLines(root) : [];
}

/** `# 标题`, `> 引文`, `- 列表` → the text alone. */
function stripBlockMarks(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*[-*+]\s+/, '');
}

/** Bold, italics, code spans, images, links, line breaks and entities → plain text. */
function inlineText(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, '')
    .replace(/<\/?(?:b|strong|i|em|span|sup|sub|u|font)[^>]*>/gi, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}
