import type { LayoutLine } from '../../model/layout.ts';
import { cleanSpaces, joinCellLines } from '../html/join-text.ts';
import type { ParagraphPropertyReader, ParagraphProps, TableRowDef } from './word-properties.ts';
import { pieceAt, type WordText } from './word-text.ts';

/**
 * Turns the main text of a Word 97–2003 file and its paragraph properties into the layout model,
 * as the DOCX reader does for `word/document.xml`: a paragraph line is a one-cell line, a table
 * row is a line of its cells on the table's column grid (a cell spanning grid columns keeps its
 * text in the first, '' in the others; a cell continuing a merge is ''). A table whose cells hold
 * tables is page layout: its cells are read as body content.
 */

type Block = { lines: string[] } | { table: Table };
interface Row {
  cells: Block[][];
  def: TableRowDef | undefined;
}
interface Table {
  rows: Row[];
  row: Block[][];
  cell: Block[];
}

const CELL_MARK = '\u0007';
const PARAGRAPH_MARK = '\r';
const FIELD_BEGIN = '\u0013';
const FIELD_SEPARATOR = '\u0014';
const FIELD_END = '\u0015';
/** characters with no text of their own: picture and object anchors, note and comment marks, optional hyphens */
const INVISIBLE = new Set([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x08, 0x1f]);
/** vertical tab (a manual line break), page or section break, column break */
const LINE_BREAKS = new Set([0x0b, 0x0c, 0x0e]);
const TAB = 0x09;
const NON_BREAKING_HYPHEN = 0x1e;
/** cell edges closer than this (in twips, 1/20 pt) are one grid line: rounding, not a column */
const GRID_TOLERANCE_TWIPS = 4;

export function docLines(text: WordText, properties: ParagraphPropertyReader, deleted?: Uint8Array): LayoutLine[] {
  const body: Block[] = [];
  const open: Table[] = [];
  const closeTo = (depth: number): void => {
    while (open.length > depth) {
      const table = open.pop()!;
      if (table.row.length > 0 || table.cell.length > 0) table.rows.push({ cells: [...table.row, table.cell], def: undefined });
      const target = open.at(-1)?.cell ?? body;
      target.push({ table });
    }
  };
  const fields: ('code' | 'result')[] = [];
  let start = 0;
  const source = text.text;
  for (let cp = 0; cp < source.length; cp++) {
    const ch = source[cp]!;
    if (ch !== PARAGRAPH_MARK && ch !== CELL_MARK) continue;
    const piece = pieceAt(text.pieces, cp);
    const props: ParagraphProps = piece ? properties.at(piece, cp) : { depth: 0, rowEnd: false, innerCellEnd: false };
    const lines = paragraphLines(visible(source, start, cp, deleted), fields);
    start = cp + 1;
    // a cell mark outside any table property still ends a cell: read it as a table of depth 1
    const depth = ch === CELL_MARK ? Math.max(props.depth, 1) : props.depth;
    closeTo(depth);
    while (open.length < depth) open.push({ rows: [], row: [], cell: [] });
    const table = open.at(-1);
    if (!table) {
      body.push({ lines });
      continue;
    }
    if (props.rowEnd) {
      if (table.cell.length > 0) table.row.push(table.cell);
      table.rows.push({ cells: table.row, def: props.row });
      table.row = [];
      table.cell = [];
      continue;
    }
    table.cell.push({ lines });
    const cellEnd = depth === 1 ? ch === CELL_MARK : props.innerCellEnd;
    if (cellEnd) {
      table.row.push(table.cell);
      table.cell = [];
    }
  }
  closeTo(0);
  const out: LayoutLine[] = [];
  let tables = 0;
  const emit = (blocks: Block[]): void => {
    for (const block of blocks) {
      if ('lines' in block) {
        for (const line of block.lines) {
          const cleaned = cleanSpaces(line);
          if (cleaned !== '') out.push({ cells: [{ text: cleaned }] });
        }
        continue;
      }
      const { rows } = block.table;
      if (rows.some((row) => row.cells.some((cell) => cell.some((b) => 'table' in b)))) {
        for (const row of rows) for (const cell of row.cells) emit(cell);
        continue;
      }
      const grid = tableGrid(rows);
      if (grid.length === 0) continue;
      for (const cells of grid) out.push({ cells: cells.map((t) => ({ text: t })), table: tables });
      tables += 1;
    }
  };
  emit(body);
  return out;
}

/** The characters in [from, to) that are not deleted revisions. */
function visible(source: string, from: number, to: number, deleted: Uint8Array | undefined): string {
  if (!deleted) return source.slice(from, to);
  let out = '';
  for (let cp = from; cp < to; cp++) if (!deleted[cp]) out += source[cp];
  return out;
}

/** A paragraph's text as lines: vertical tab breaks a line, field codes are dropped (results kept). */
function paragraphLines(raw: string, fields: ('code' | 'result')[]): string[] {
  const lines = [''];
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (ch === FIELD_BEGIN) fields.push('code');
    else if (ch === FIELD_SEPARATOR) {
      if (fields.length > 0) fields[fields.length - 1] = 'result';
    } else if (ch === FIELD_END) fields.pop();
    else if (fields.includes('code')) continue;
    else if (LINE_BREAKS.has(code)) lines.push('');
    else if (code === TAB) lines[lines.length - 1] += ' ';
    else if (code === NON_BREAKING_HYPHEN) lines[lines.length - 1] += '-';
    else if (!INVISIBLE.has(code)) lines[lines.length - 1] += ch;
  }
  return lines;
}

function cellText(blocks: Block[]): string {
  return joinCellLines(blocks.flatMap((b) => ('lines' in b ? b.lines : [])));
}

/** The table's rows on one column grid: the union of every row's cell edges. */
function tableGrid(rows: Row[]): string[][] {
  const edges: number[] = [];
  for (const edge of rows.flatMap((r) => r.def?.edges ?? []).sort((a, b) => a - b)) {
    if (edges.length === 0 || edge - edges[edges.length - 1]! > GRID_TOLERANCE_TWIPS) edges.push(edge);
  }
  const column = (edge: number): number => {
    let best = 0;
    edges.forEach((e, i) => {
      if (Math.abs(e - edge) < Math.abs(edges[best]! - edge)) best = i;
    });
    return best;
  };
  const grid = rows.map((row) => {
    const out: string[] = [];
    row.cells.forEach((cell, i) => {
      const def = row.def?.cells[i];
      const left = row.def?.edges[i];
      const right = row.def?.edges[i + 1];
      const text = def?.mergedLeft || def?.mergedUp ? '' : cellText(cell);
      if (left === undefined || right === undefined) {
        out.push(text);
        return;
      }
      const first = column(left);
      while (out.length < first) out.push('');
      out.push(text);
      const span = Math.max(1, column(right) - first);
      for (let k = 1; k < span; k++) out.push('');
    });
    return out;
  });
  const width = Math.max(edges.length - 1, ...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...Array<string>(Math.max(0, width - r.length)).fill('')]);
}
