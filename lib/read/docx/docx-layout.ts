import type { LayoutLine } from '../../model/layout.ts';
import { cleanSpaces, joinCellLines } from '../html/join-text.ts';
import { attr, child, childrenOf, decodeEntities, intVal, parseOrdered, tagOf, textOf, type XNode } from './docx-xml.ts';

/** Wrappers whose content is part of the flow (content controls, custom XML, tracked insertions). */
const WRAPPERS = new Set([
  'sdt',
  'sdtContent',
  'customXml',
  'smartTag',
  'ins',
  'hyperlink',
  'fldSimple',
  'moveTo',
  'AlternateContent',
  'Choice',
]);
/** Never visible: deleted text, field codes, properties, the duplicate fallback of a drawing. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'instrText',
  'delText',
  'pPr',
  'rPr',
  'tblPr',
  'trPr',
  'tcPr',
  'sectPr',
  'Fallback',
  'drawing',
  'pict',
  'object',
]);

/** The text of a paragraph as lines: `<w:br/>` and `<w:cr/>` break a line, `<w:tab/>` is a space. */
function paragraphLines(p: XNode): string[] {
  const lines: string[] = [''];
  const visit = (node: XNode): void => {
    const tag = tagOf(node);
    if (tag === undefined || SKIPPED.has(tag)) return;
    if (tag === '#text') return;
    if (tag === 't') {
      for (const c of childrenOf(node)) {
        const text = textOf(c);
        if (text !== undefined) lines[lines.length - 1] += decodeEntities(text);
      }
      return;
    }
    if (tag === 'br' || tag === 'cr') {
      lines.push('');
      return;
    }
    if (tag === 'tab' || tag === 'ptab') {
      lines[lines.length - 1] += ' ';
      return;
    }
    if (tag === 'noBreakHyphen') {
      lines[lines.length - 1] += '-';
      return;
    }
    for (const c of childrenOf(node)) visit(c);
  };
  for (const c of childrenOf(p)) visit(c);
  return lines;
}

/** Direct rows of a table, looking through content-control and custom-XML wrappers. */
function rowsOf(tbl: XNode): XNode[] {
  const out: XNode[] = [];
  const visit = (node: XNode): void => {
    for (const c of childrenOf(node)) {
      const tag = tagOf(c);
      if (tag === 'tr') out.push(c);
      else if (tag !== undefined && WRAPPERS.has(tag)) visit(c);
    }
  };
  visit(tbl);
  return out;
}

function cellsOf(tr: XNode): XNode[] {
  const out: XNode[] = [];
  const visit = (node: XNode): void => {
    for (const c of childrenOf(node)) {
      const tag = tagOf(c);
      if (tag === 'tc') out.push(c);
      else if (tag !== undefined && WRAPPERS.has(tag)) visit(c);
    }
  };
  visit(tr);
  return out;
}

function containsTable(node: XNode): boolean {
  return childrenOf(node).some((c) => tagOf(c) === 'tbl' || containsTable(c));
}

/** All paragraph lines of a cell, in order. */
function cellLines(tc: XNode): string[] {
  const lines: string[] = [];
  const visit = (node: XNode): void => {
    for (const c of childrenOf(node)) {
      const tag = tagOf(c);
      if (tag === 'p') lines.push(...paragraphLines(c));
      else if (tag !== undefined && !SKIPPED.has(tag)) visit(c);
    }
  };
  visit(tc);
  return lines;
}

/**
 * A table's rows as a rectangular grid: `gridSpan` puts the text in the first column it covers
 * and '' in the others, a `vMerge` continuation cell is '' (the text stays in the restart row),
 * `gridBefore`/`gridAfter` add blank leading/trailing columns.
 */
function tableGrid(tbl: XNode): string[][] {
  const gridCols = childrenOf(child(tbl, 'tblGrid')).filter((c) => tagOf(c) === 'gridCol').length;
  const rows = rowsOf(tbl).map((tr) => {
    const trPr = child(tr, 'trPr');
    const cells: string[] = [];
    const pad = (n: number): void => {
      for (let i = 0; i < n; i += 1) cells.push('');
    };
    pad(intVal(trPr && child(trPr, 'gridBefore'), 0));
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, intVal(tcPr && child(tcPr, 'gridSpan'), 1));
      const vMerge = tcPr && child(tcPr, 'vMerge');
      const hMerge = tcPr && child(tcPr, 'hMerge');
      const continued =
        (vMerge !== undefined && attr(vMerge, 'val') !== 'restart') || (hMerge !== undefined && attr(hMerge, 'val') !== 'restart');
      cells.push(continued ? '' : joinCellLines(cellLines(tc)));
      pad(span - 1);
    }
    pad(intVal(trPr && child(trPr, 'gridAfter'), 0));
    return cells;
  });
  const width = Math.max(gridCols, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/**
 * Walks `word/document.xml` (already checked to hold no DOCTYPE) in body order: each paragraph
 * line becomes a one-cell line, each row of a data table a line of its expanded grid. A table
 * whose cells hold tables is page layout: its cells are walked as body content.
 */
export function docxLines(xml: string): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let tables = 0;
  const visit = (node: XNode): void => {
    const tag = tagOf(node);
    if (tag === undefined || SKIPPED.has(tag) || tag === '#text') return;
    if (tag === 'p') {
      for (const line of paragraphLines(node)) {
        const text = cleanSpaces(line);
        if (text !== '') lines.push({ cells: [{ text }] });
      }
      return;
    }
    if (tag === 'tbl') {
      const cells = rowsOf(node).flatMap(cellsOf);
      if (cells.some(containsTable)) {
        for (const tc of cells) for (const c of childrenOf(tc)) visit(c);
        return;
      }
      const grid = tableGrid(node);
      if (grid.length === 0) return;
      const index = tables;
      tables += 1;
      for (const row of grid) lines.push({ cells: row.map((text) => ({ text })), table: index });
      return;
    }
    for (const c of childrenOf(node)) visit(c);
  };
  for (const node of parseOrdered(xml)) visit(node);
  return lines;
}
