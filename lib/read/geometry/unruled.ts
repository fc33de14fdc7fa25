import type { LayoutCell, LayoutLine } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import { type GeoWord, height, median, overlap, union } from './geo-word.ts';
import { type Columns, headerColumns } from './header-columns.ts';
import { isValueText, startsWithEnumeration } from './numeric.ts';
import { attachFragments } from './row-fragments.ts';
import { joinText, textLines } from './text-join.ts';
import { type Chunk, chunksOf, type TextRow, tableHeader } from './text-rows.ts';
import { collectVerticalLabels } from './vertical-labels.ts';

/** What a table carries over a page break: its columns, and a header printed at the foot of the page. */
export interface TableCarry {
  columns?: Columns;
  /** text height of the table's rows */
  height?: number;
  header?: TextRow[];
  /** text of the table's last header, to know it when a page repeats it */
  headerText?: string;
}

/** A run of output lines and where it starts on the page, for ordering with ruled tables. */
export interface Block {
  top: number;
  lines: LayoutLine[];
}

export type { Columns } from './header-columns.ts';

export type CellMaker = (words: readonly GeoWord[], text: string, box: Box) => LayoutCell;

/**
 * Lays out words that no ruling encloses: table rows anchored on their numbers (wrapped labels
 * and vertical labels joined to them, numeric columns from x-alignment), everything else as
 * paragraphs. `previous` carries a table's columns (and a header left at the foot of the previous
 * page) over a page break or repeated header.
 */
export function unruledBlocks(
  words: readonly GeoWord[],
  makeCell: CellMaker,
  previous: TableCarry = {},
): { blocks: Block[]; carry: TableCarry } {
  const { labels, rest } = collectVerticalLabels(words);
  const rows: TextRow[] = textLines(rest).map((line) => {
    const chunks = chunksOf(line);
    const numeric = chunks.filter((c) => c.numeric).length;
    const anchor = numeric >= 2 || (numeric === 1 && chunks.length >= 2 && !chunks[0]!.numeric);
    const box = union(line.map((w) => w.box));
    return {
      chunks,
      box,
      h: median(
        line.map((w) => height(w.box)),
        1,
      ),
      anchor,
      extra: [],
      vertical: [],
    };
  });
  const anchors = rows.filter((r) => r.anchor);
  const zoneLeft = (row: TextRow) => Math.min(...row.chunks.filter((c) => c.numeric).map((c) => c.box[0]));

  // Lines beside a table's label column, close to a row, are wrapped parts of that row's labels;
  // a numbered label that no row can take is a row printed blank.
  const carried =
    previous.columns && previous.height !== undefined
      ? { height: previous.height, ...(previous.headerText === undefined ? {} : { headerText: previous.headerText }) }
      : undefined;
  const separators = attachFragments(rows, anchors, zoneLeft, carried);
  for (const label of labels) {
    const chunk: Chunk = { words: [label], box: label.box, text: label.text, numeric: false };
    const owner = anchors.find((a) => overlap(a.box[1], a.box[3], label.box[1], label.box[3]) > 0 && label.box[2] < zoneLeft(a));
    if (owner) owner.vertical.push(chunk);
    else separators.push({ chunks: [chunk], box: label.box, h: height(label.box), anchor: false, extra: [], vertical: [] });
  }

  // Tables: runs of anchor rows with no separator line between them.
  const ordered = [...anchors, ...separators].sort((a, b) => a.box[1] - b.box[1]);
  const blocks: Block[] = [];
  let lastColumns = previous.columns;
  let lastHeight = previous.height;
  let lastHeaderText = previous.headerText;
  let run: TextRow[] = [];
  let paragraph: TextRow[] = [];
  // the lines just above a run: its header, when it has one
  let header: TextRow[] = [];
  const flushRun = () => {
    if (run.length === 0) return;
    const perRow = Math.max(...run.map((r) => r.chunks.filter((c) => c.numeric).length));
    const own = numericColumns(run);
    const labels = run.flatMap((r) =>
      [...r.chunks.filter((c) => !c.numeric), ...r.extra].map((c): [number, number] => [c.box[0], c.box[2]]),
    );
    const headed = headerColumns(
      header.flatMap((r) => r.chunks.flatMap((c) => c.words)),
      own,
      labels,
    );
    // Only a wide table (3, 4) borrows columns: a narrow one (table 2) has its own layout.
    // (a run of blank rows keeps the columns of the table it belongs to)
    const borrowed = own.length === 0 && lastColumns ? lastColumns : own;
    const columns = headed ?? (perRow >= 2 && (lastColumns?.length ?? 0) >= 5 ? adoptColumns(own, lastColumns) : borrowed);
    lastColumns = columns;
    if (header.length > 0) lastHeaderText = header.map((r) => r.chunks.map((c) => c.text).join('')).join('');
    lastHeight = median(
      run.map((r) => r.h),
      lastHeight ?? 1,
    );
    blocks.push({ top: Math.min(...run.map((r) => r.box[1])), lines: run.map((r) => tableLine(r, columns, makeCell)) });
    run = [];
  };
  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    blocks.push(...paragraphBlocks(paragraph, makeCell));
    paragraph = [];
  };
  for (const row of ordered) {
    if (row.anchor) {
      if (run.length === 0) {
        header = tableHeader(paragraph, row);
        // a table whose header ended the previous page goes on here without it
        if (header.length === 0 && blocks.length === 0 && paragraph.length === 0) header = previous.header ?? [];
      }
      flushParagraph();
      run.push(row);
    } else {
      flushRun();
      paragraph.push(row);
    }
  }
  flushRun();
  const carry: TableCarry = lastColumns
    ? {
        columns: lastColumns,
        ...(lastHeight === undefined ? {} : { height: lastHeight }),
        ...(lastHeaderText === undefined ? {} : { headerText: lastHeaderText }),
      }
    : {};
  // lines after the last table row that may be the header of a table going on over the page
  const last = paragraph.at(-1);
  if (last !== undefined) carry.header = [last, ...tableHeader(paragraph.slice(0, -1), last)];
  flushParagraph();
  return { blocks, carry };
}

/** Clusters the numeric chunks of a table's rows into columns by horizontal overlap. */
function numericColumns(rows: readonly TextRow[]): Columns {
  const spans = rows.flatMap((r) => r.chunks.filter((c) => c.numeric).map((c) => [c.box[0], c.box[2]] as [number, number]));
  spans.sort((a, b) => a[0] - b[0]);
  const columns: Columns = [];
  for (const [a, b] of spans) {
    const last = columns.at(-1);
    if (last !== undefined && a < last[1]) last[1] = Math.max(last[1], b);
    else columns.push([a, b]);
  }
  return columns;
}

/** Keeps the previous table's columns when this run shows only some of them (blank columns, a page break). */
function adoptColumns(columns: Columns, previous: Columns | undefined): Columns {
  if (previous === undefined || columns.length >= previous.length) return columns;
  const used = new Set<number>();
  for (const [a, b] of columns) {
    const match = previous.findIndex(([p, q], i) => !used.has(i) && overlap(a, b, p, q) > 0);
    if (match < 0) return columns;
    used.add(match);
  }
  return previous.map(([p, q], i) => {
    const own = columns.find(([a, b]) => overlap(a, b, p, q) > 0);
    return own && used.has(i) ? [Math.min(p, own[0]), Math.max(q, own[1])] : [p, q];
  });
}

function tableLine(row: TextRow, columns: Columns, makeCell: CellMaker): LayoutLine {
  const left = columns[0]?.[0] ?? Infinity;
  const values: Chunk[][] = columns.map(() => []);
  const labels: Chunk[] = [...row.extra];
  for (const chunk of row.chunks) {
    if (chunk.box[2] <= left + 1e-6 || (!isValueText(chunk.text) && chunk.box[0] < left)) {
      labels.push(chunk);
      continue;
    }
    let best = -1;
    let bestScore = -Infinity;
    columns.forEach(([a, b], i) => {
      const score = overlap(chunk.box[0], chunk.box[2], a, b) - Math.abs((a + b) / 2 - (chunk.box[0] + chunk.box[2]) / 2) * 1e-3;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best >= 0) values[best]!.push(chunk);
    else labels.push(chunk);
  }
  // Label pieces that overlap horizontally are one cell wrapped over lines.
  labels.sort((a, b) => a.box[0] - b.box[0]);
  const labelCells: Chunk[][] = [];
  for (const chunk of labels) {
    const cell = labelCells.find((cell) => cell.some((c) => overlap(c.box[0], c.box[2], chunk.box[0], chunk.box[2]) > 0));
    if (cell) cell.push(chunk);
    else labelCells.push([chunk]);
  }
  const cells: LayoutCell[] = [];
  const add = (chunks: Chunk[], fallback: Box) => {
    const sorted = [...chunks].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    let text = '';
    for (const c of sorted) text = joinText(text, c.text);
    const words = sorted.flatMap((c) => c.words);
    cells.push(makeCell(words, text, words.length > 0 ? union(words.map((w) => w.box)) : fallback));
  };
  for (const v of row.vertical) add([v], v.box);
  for (const cell of labelCells) add(cell, cell[0]!.box);
  columns.forEach(([a, b], i) => {
    add(values[i]!, [a, row.box[1], b, row.box[3]]);
  });
  return { cells };
}

/** Joins wrapped lines into paragraphs; a line with several separated pieces stays a multi-cell line. */
function paragraphBlocks(rows: readonly TextRow[], makeCell: CellMaker): Block[] {
  const right = Math.max(...rows.map((r) => r.box[2]));
  const left = Math.min(...rows.map((r) => r.box[0]));
  const blocks: Block[] = [];
  let current: TextRow[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const words = current.flatMap((r) => r.chunks.flatMap((c) => c.words));
    let text = '';
    for (const r of current) text = joinText(text, r.chunks.map((c) => c.text).join(''));
    blocks.push({ top: current[0]!.box[1], lines: [{ cells: [makeCell(words, text, union(words.map((w) => w.box)))] }] });
    current = [];
  };
  for (const row of rows) {
    if (row.chunks.length > 1) {
      flush();
      blocks.push({ top: row.box[1], lines: [{ cells: row.chunks.map((c) => makeCell(c.words, c.text, c.box)) }] });
      continue;
    }
    const prev = current.at(-1);
    const continues =
      prev !== undefined &&
      prev.box[2] >= right - 2 * prev.h &&
      row.box[0] <= left + 0.5 * row.h &&
      row.box[1] - prev.box[3] <= 0.9 * Math.max(prev.h, row.h) &&
      Math.abs(row.h - prev.h) <= 0.25 * prev.h &&
      !startsWithEnumeration(row.chunks[0]?.text ?? '');
    if (!continues) flush();
    current.push(row);
  }
  flush();
  return blocks;
}
