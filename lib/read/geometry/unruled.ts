import type { LayoutCell, LayoutLine } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import { cy, type GeoWord, height, median, overlap, union } from './geo-word.ts';
import { type Columns, headerColumns } from './header-columns.ts';
import { isNumberText, isValueText, startsWithEnumeration } from './numeric.ts';
import { joinText, textLines, textOf } from './text-join.ts';
import { collectVerticalLabels } from './vertical-labels.ts';

/** What a table carries over a page break: its columns, and a header printed at the foot of the page. */
export interface TableCarry {
  columns?: Columns;
  /** text height of the table's rows */
  height?: number;
  header?: TextRow[];
}

/** A run of output lines and where it starts on the page, for ordering with ruled tables. */
export interface Block {
  top: number;
  lines: LayoutLine[];
}

export type { Columns } from './header-columns.ts';

interface Chunk {
  words: GeoWord[];
  box: Box;
  text: string;
  numeric: boolean;
}

export interface TextRow {
  chunks: Chunk[];
  box: Box;
  h: number;
  anchor: boolean;
  /** label fragments and vertical labels attached to an anchor row */
  extra: Chunk[];
  vertical: Chunk[];
}

export type CellMaker = (words: readonly GeoWord[], text: string, box: Box) => LayoutCell;

/** Splits a text line where the gap between words is wide enough to separate cells. */
function chunksOf(line: GeoWord[]): Chunk[] {
  const h = median(
    line.map((w) => height(w.box)),
    1,
  );
  const groups: GeoWord[][] = [];
  for (const w of line) {
    const cur = groups.at(-1);
    const prev = cur?.at(-1);
    if (
      cur !== undefined &&
      prev !== undefined &&
      w.box[0] - prev.box[2] <= 1.2 * h &&
      !(isNumberText(w.text) && isNumberText(prev.text) && w.box[0] - prev.box[2] > 0.5 * h)
    )
      cur.push(w);
    else groups.push([w]);
  }
  return groups.map((words) => {
    const text = textOf(words);
    return { words, box: union(words.map((w) => w.box)), text, numeric: isNumberText(text) };
  });
}

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
  const separators = attachFragments(rows, anchors, zoneLeft, previous.columns ? previous.height : undefined);
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
  const carry: TableCarry = lastColumns ? { columns: lastColumns, ...(lastHeight === undefined ? {} : { height: lastHeight }) } : {};
  // lines after the last table row that may be the header of a table going on over the page
  const last = paragraph.at(-1);
  if (last !== undefined) carry.header = [last, ...tableHeader(paragraph.slice(0, -1), last)];
  flushParagraph();
  return { blocks, carry };
}

/** Most label cells a fragment line may cross (table 3 has three label columns). */
const FRAGMENT_CHUNKS = 3;

/**
 * Attaches label fragments (a label wrapped over lines) to the nearest table row: a fragment lies
 * left of the row's numbers, has the row's text size, sits within about a line of the row (or of
 * a fragment already attached) and not far right of the row's own label. A fragment that opens
 * with a number (“3.危及…”, “（二）部分公开”) is never a second label in a column where the row
 * has one already, and a later line of a label never goes to a row whose numbered label starts
 * below it: when no row can take a numbered line, it is a row whose figures were all printed
 * blank, and it joins `anchors` as a row of its own. Returns the other lines.
 */
function attachFragments(
  rows: readonly TextRow[],
  anchors: TextRow[],
  zoneLeft: (row: TextRow) => number,
  carriedHeight: number | undefined,
): TextRow[] {
  const extent = new Map(anchors.map((a) => [a, [...a.box] as Box]));
  const labelChunks = (a: TextRow) => [...a.chunks.filter((c) => !c.numeric), ...a.extra];
  // words that open with a number, wherever they sit in a chunk (chunks may run over two columns)
  const numbered = (chunks: readonly Chunk[]) => chunks.flatMap((c) => c.words.filter((w) => startsWithEnumeration(w.text)));
  const figured = anchors.filter((a) => a.chunks.some((c) => c.numeric));
  const isFragment = (r: TextRow) => !r.anchor && r.chunks.every((c) => !c.numeric) && r.chunks.length <= FRAGMENT_CHUNKS;
  let pending = rows.filter(isFragment);
  for (let changed = true; changed; ) {
    changed = false;
    const left: TextRow[] = [];
    const blank: TextRow[] = [];
    for (const row of pending) {
      const own = numbered(row.chunks);
      const words = row.chunks.flatMap((c) => c.words);
      const owner = anchors
        .filter((a) => {
          const box = extent.get(a)!;
          const gap = Math.max(box[1] - row.box[3], row.box[1] - box[3]);
          const spans = labelChunks(a).map((c) => [c.box[0], c.box[2]] as const);
          // Text well right of the row's own label (a centred caption such as “第二十条第（八）项”) is not part of it.
          // (A numbered line is a row label wherever it sits.)
          const beyondLabel = own.length === 0 && spans.length > 0 && row.box[0] > Math.max(...spans.map(([, x1]) => x1)) + 4 * a.h;
          const theirs = numbered(labelChunks(a));
          const sameColumn = (w: GeoWord) => theirs.filter((d) => overlap(w.box[0], w.box[2], d.box[0], d.box[2]) > 0);
          const secondNumbered = own.some((w) => sameColumn(w).length > 0);
          const beforeItsStart =
            own.length === 0 &&
            words.some((w) => {
              const starts = sameColumn(w);
              return starts.length > 0 && starts.every((d) => cy(d.box) > cy(w.box));
            });
          return row.box[2] < zoneLeft(a) && gap <= 1.2 * a.h && sameSize(row, a) && !beyondLabel && !secondNumbered && !beforeItsStart;
        })
        .sort((a, b) => rank(row, a, own.length > 0) - rank(row, b, own.length > 0))[0];
      if (owner !== undefined) {
        owner.extra.push(...row.chunks);
        const box = extent.get(owner)!;
        extent.set(owner, [
          Math.min(box[0], row.box[0]),
          Math.min(box[1], row.box[1]),
          Math.max(box[2], row.box[2]),
          Math.max(box[3], row.box[3]),
        ]);
        changed = true;
      } else {
        if (own.length > 0 && isBlankRow(row, rows, figured, zoneLeft, carriedHeight)) blank.push(row);
        left.push(row);
      }
    }
    // a blank row only once no row can take the line (a label's other lines may bring one closer)
    if (!changed && blank.length > 0) {
      for (const row of blank) {
        row.anchor = true;
        anchors.push(row);
        extent.set(row, [...row.box] as Box);
      }
      changed = true;
    }
    pending = left.filter((row) => !row.anchor);
  }
  const attached = new Set(pending);
  return rows.filter((r) => !r.anchor && (attached.has(r) || !isFragment(r)));
}

/**
 * Nearer rows first; a numbered line is a label's first line, so rows level with it or below it
 * (where a label's figures sit when it is centred or set at the top) come before rows above it.
 */
function rank(fragment: TextRow, anchor: TextRow, numbered: boolean): number {
  const distance = Math.abs(cy(fragment.box) - cy(anchor.box));
  const above = cy(anchor.box) < cy(fragment.box) - 0.3 * anchor.h;
  return numbered && above ? distance + BELOW_FIRST : distance;
}

/** Puts every row above a numbered label line after every row level with it or below it. */
const BELOW_FIRST = 1e6;

/** Text of about the same size: a table's own lines, not a heading or body text beside it. */
function sameSize(row: TextRow, anchor: TextRow): boolean {
  return Math.abs(row.h - anchor.h) <= 0.3 * anchor.h;
}

/**
 * A numbered label line is a row of a table printed blank when it lies in the label column of the
 * table's rows: between two of them, or above the first or below the last with nothing but lines
 * of text (its own wrapped label) and no wider gap than a row's between it and the table, or
 * first on a page that goes on with the previous page's table.
 */
function isBlankRow(
  row: TextRow,
  rows: readonly TextRow[],
  figured: readonly TextRow[],
  zoneLeft: (row: TextRow) => number,
  carriedHeight: number | undefined,
): boolean {
  const table = figured.filter((a) => sameSize(row, a) && row.box[2] < zoneLeft(a));
  const above = table.filter((a) => a.box[3] <= cy(row.box));
  const below = table.filter((a) => a.box[1] >= cy(row.box));
  if (above.length > 0 && below.length > 0) return true;
  // the first line of a page that goes on with the previous page's table, in its text size
  const first = !rows.some((r) => r !== row && r.box[1] < row.box[1]);
  if (first && carriedHeight !== undefined && Math.abs(row.h - carriedHeight) <= 0.3 * carriedHeight) return true;
  const down = below.length > 0;
  let at = row;
  for (;;) {
    const next = rows
      .filter((r) => r !== at && (down ? r.box[1] > at.box[1] : r.box[1] < at.box[1]))
      .sort((a, b) => (down ? a.box[1] - b.box[1] : b.box[1] - a.box[1]))[0];
    if (next === undefined || (down ? next.box[1] - at.box[3] : at.box[1] - next.box[3]) > BLANK_ROW_GAP * row.h) return false;
    if (table.includes(next)) return true;
    at = next;
  }
}

/** Widest gap (in text heights) between a blank row at a table's top or foot and the table. */
const BLANK_ROW_GAP = 2;

/** The lines right above a table's first row that are its header: same text size, no gap wider than two lines. */
function tableHeader(above: readonly TextRow[], first: TextRow): TextRow[] {
  const out: TextRow[] = [];
  let top = first.box[1];
  for (const row of [...above].sort((a, b) => b.box[1] - a.box[1])) {
    // (header words stacked one or two characters a line — 社会 / 公益 / 组织 — come as one tall word)
    const stacked = row.box[3] - row.box[1] > 1.5 * (row.box[2] - row.box[0]);
    if ((!sameSize(row, first) && !stacked) || top - row.box[3] > HEADER_GAP * first.h) break;
    out.push(row);
    top = Math.min(top, row.box[1]);
  }
  return out;
}

/** Largest gap (in text heights) between the lines of a table's header. */
const HEADER_GAP = 2;

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
