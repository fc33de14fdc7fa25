import type { AnyNode, Element } from 'domhandler';
import type { LayoutLine } from '../../model/layout.ts';
import { BLOCKS, isElement, isHidden, isText } from './html-elements.ts';
import { cleanSpaces, joinCellLines } from './join-text.ts';
import { expandSpans, type SpanCell } from './span-grid.ts';

/** The rows of this table, not of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const row of child.children) if (isElement(row) && row.name === 'tr') rows.push(row);
    }
  }
  return rows;
}

function ownCells(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
}

function containsTable(node: Element): boolean {
  return node.children.some((c) => isElement(c) && (c.name === 'table' || containsTable(c)));
}

/** A cell's text as lines, broken at `<br>` and block children. */
function cellLines(node: Element): string[] {
  const lines: string[] = [''];
  const visit = (n: AnyNode): void => {
    if (isText(n)) {
      lines[lines.length - 1] += n.data;
      return;
    }
    if (!isElement(n) || isHidden(n)) return;
    if (n.name === 'br') {
      lines.push('');
      return;
    }
    const block = BLOCKS.has(n.name);
    if (block) lines.push('');
    for (const child of n.children) visit(child);
    if (block) lines.push('');
  };
  for (const child of node.children) visit(child);
  return lines;
}

function spanAttr(el: Element, name: string): number {
  const raw = el.attribs[name];
  if (raw === undefined) return 1;
  const value = Number.parseInt(raw, 10);
  return Number.isNaN(value) ? 1 : value;
}

/**
 * Walks an HTML document in order: every block of text becomes a one-cell line, every row of a
 * data table one line of its expanded grid. A table whose cells hold tables is page layout: its
 * cells are walked as ordinary content so the inner tables' rows come out as rows.
 */
export function layoutLines(root: AnyNode): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let pending = '';
  let tables = 0;

  const flush = (): void => {
    const text = cleanSpaces(pending);
    pending = '';
    if (text !== '') lines.push({ cells: [{ text }] });
  };

  const emitTable = (table: Element): void => {
    const rows = ownRows(table);
    const spanRows: SpanCell[][] = rows.map((row) =>
      ownCells(row).map((cell) => ({
        text: joinCellLines(cellLines(cell)),
        rowSpan: spanAttr(cell, 'rowspan'),
        colSpan: spanAttr(cell, 'colspan'),
      })),
    );
    const grid = expandSpans(spanRows);
    if (grid.every((row) => row.length === 0)) return;
    const index = tables;
    tables += 1;
    for (const row of grid) {
      if (row.length > 0) lines.push({ cells: row.map((text) => ({ text })), table: index });
    }
  };

  const visit = (node: AnyNode): void => {
    if (isText(node)) {
      pending += node.data;
      return;
    }
    if (!isElement(node)) {
      // the document root: walk it
      if ('children' in node) for (const child of node.children) visit(child);
      return;
    }
    if (isHidden(node)) return;
    if (node.name === 'br') {
      flush();
      return;
    }
    if (node.name === 'table') {
      flush();
      // a caption often carries the table's title (表三 …): keep it as a text line before the rows
      for (const caption of node.children) {
        if (isElement(caption) && caption.name === 'caption') {
          for (const child of caption.children) visit(child);
          flush();
        }
      }
      const cells = ownRows(node).flatMap(ownCells);
      if (cells.some(containsTable)) {
        for (const cell of cells) {
          for (const child of cell.children) visit(child);
          flush();
        }
      } else {
        emitTable(node);
      }
      return;
    }
    const block = BLOCKS.has(node.name);
    if (block) flush();
    for (const child of node.children) visit(child);
    if (block) flush();
  };

  visit(root);
  flush();
  return lines;
}
