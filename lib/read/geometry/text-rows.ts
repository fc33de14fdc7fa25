import type { Box } from '../../model/result.ts';
import { type GeoWord, height, median, union } from './geo-word.ts';
import { isNumberText } from './numeric.ts';
import { textOf } from './text-join.ts';

/** A piece of a text line set apart from its neighbours by a gap: a cell's text, or a figure. */
export interface Chunk {
  words: GeoWord[];
  box: Box;
  text: string;
  numeric: boolean;
}

/** A text line of the page cut into chunks; an anchor is a table row (figures, or a row printed blank). */
export interface TextRow {
  chunks: Chunk[];
  box: Box;
  h: number;
  anchor: boolean;
  /** label fragments and vertical labels attached to an anchor row */
  extra: Chunk[];
  vertical: Chunk[];
}

/** Words further apart than this (in text heights) are in different cells. */
const CELL_GAP = 1.2;
/** Number words further apart than this are two figures, not the pieces of one. */
const FIGURE_GAP = 0.25;
/** A number further than this from the text beside it is a figure of its own (a sentence puts a space at most). */
const FIGURE_FROM_TEXT_GAP = 0.6;

/** Splits a text line where the gap between words is wide enough to separate cells. */
export function chunksOf(line: GeoWord[]): Chunk[] {
  const h = median(
    line.map((w) => height(w.box)),
    1,
  );
  const groups: GeoWord[][] = [];
  for (const w of line) {
    const cur = groups.at(-1);
    const prev = cur?.at(-1);
    const gap = prev === undefined ? Infinity : w.box[0] - prev.box[2];
    const figures = [w, prev].filter((v) => v !== undefined && isNumberText(v.text)).length;
    const widest = figures === 2 ? FIGURE_GAP : figures === 1 ? FIGURE_FROM_TEXT_GAP : CELL_GAP;
    if (cur !== undefined && gap <= widest * h) cur.push(w);
    else groups.push([w]);
  }
  return groups.map((words) => {
    const text = textOf(words);
    return { words, box: union(words.map((w) => w.box)), text, numeric: isNumberText(text) };
  });
}

/** Fewer characters than this give too rough a pitch to judge a chunk's text size by. */
const PITCH_CHARS = 4;

/**
 * Width per character of a chunk: its text size where box heights say little (OCR boxes of a
 * heading and of a table row come out about as tall; their characters do not come out as wide).
 * A half-width character (digits, “(”, “.”) counts as half a character.
 */
export function pitch(chunk: Chunk): number | undefined {
  let chars = 0;
  for (const ch of chunk.text.replace(/\s/gu, '')) chars += ch.codePointAt(0)! < FULL_WIDTH_FROM ? 0.5 : 1;
  return chars >= PITCH_CHARS ? (chunk.box[2] - chunk.box[0]) / chars : undefined;
}

/** Characters from here on (CJK punctuation, ideographs, full-width forms) are set a full em wide. */
const FULL_WIDTH_FROM = 0x2e80;

/** Text of about the same size: a table's own lines, not a heading or body text beside it. */
export function sameSize(row: TextRow, anchor: TextRow): boolean {
  return Math.abs(row.h - anchor.h) <= 0.3 * anchor.h;
}

/** The lines right above a table's first row that are its header: same text size, no gap wider than two lines. */
export function tableHeader(above: readonly TextRow[], first: TextRow, gap = HEADER_GAP): TextRow[] {
  const out: TextRow[] = [];
  let top = first.box[1];
  // from the lowest bottom up: a header word stacked over lines reaches lower than the line it starts on
  for (const row of [...above].sort((a, b) => b.box[3] - a.box[3] || b.box[1] - a.box[1])) {
    // (header words stacked one or two characters a line — 社会 / 公益 / 组织 — come as one tall word)
    const stacked = row.box[3] - row.box[1] > 1.5 * (row.box[2] - row.box[0]);
    if ((!sameSize(row, first) && !stacked) || top - row.box[3] > gap * first.h) break;
    out.push(row);
    top = Math.min(top, row.box[1]);
  }
  return out;
}

/** Largest gap (in text heights) between the lines of a table's header. */
const HEADER_GAP = 2;
