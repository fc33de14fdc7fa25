/**
 * A report as `pdftotext -layout` prints a born-digital PDF: text laid out in a grid of
 * characters, a cell's text where it stood on the page. In table 3 that means
 * - a row's label wrapped over one to three lines, its figures on the first line (cells set to
 *   the top) or the middle one (centred) — with a label of two lines, on a line of their own
 *   between them;
 * - a merged group label (三、本年度办理结果, （四）无法提供) broken into pieces set on the lines
 *   of its items, level with their middle or at their top;
 * - zeros printed blank: a figure's column is then only where it stands, and a row of zeros is
 *   its label alone;
 * - a page break (form feed) that shifts every column.
 * The first rows with figures on each page print all seven, so the page's columns can be learned.
 */
import { rows, type SyntheticReport } from './synthetic-report.ts';
import type { Pick } from './synthetic-text.ts';

/** Where each label column of table 3 starts, and how wide it is (三、…, （三）…, 1.…). */
const LABEL_COLUMNS = [
  { start: 0, width: 10 },
  { start: 11, width: 9 },
  { start: 22, width: 27 },
] as const;
/** where table 3's figures start on page 1, each figure's column width, and how far a page break moves them */
const FIRST_FIGURE_COLUMN = 52;
const FIGURE_PITCH = 7;
const PAGE_SHIFT = 4;
/** table 4's fifteen figures are narrower */
const REVIEW_PITCH = 6;
/** rows with figures on a page that print every figure (a page's grid is learned from complete rows) */
const COMPLETE_ROWS_PER_PAGE = 2;
/** a label wraps over at most this many lines, a group label breaks into at most this many pieces */
const MAX_LABEL_LINES = 3;
const MAX_GROUP_PIECES = 3;
const FIGURES = 7;
/** spaces that part two cells of a line */
const CELL_GAP = 2;
/** the narrowest item column labels are wrapped to */
const MIN_WRAP_WIDTH = 10;
/** where the label columns end: a row's own label may use all the room up to there */
const LABELS_END = LABEL_COLUMNS[2].start + LABEL_COLUMNS[2].width;

interface DataRow {
  /** the three label cells of the form's grid (三、… group, （三）… group or own label, item) */
  labels: string[];
  figures: string[];
}

interface Piece {
  /** label column: 0 三、…, 1 （三）…, 2 the item; −1 a header's words */
  column: number;
  text: string;
  /** a row's own label set across the label columns right of its own (一、… across all three) */
  wide?: boolean;
  /** how the cell sets its lines: centred, or from its left edge plus this inset */
  align: Align;
}

/** The lines of one cell share their alignment. */
type Align = { centred: true } | { centred: false; inset: number };
/** the widest inset of a cell's text from its left edge */
const MAX_INSET = 2;

function alignArb(pick: Pick): Align {
  return pick(2) === 0 ? { centred: true } : { centred: false, inset: pick(MAX_INSET + 1) };
}

interface Line {
  pieces: Piece[];
  figures?: string[];
  page: number;
}

const chars = (text: string) => [...text];

/** The text broken into `n` pieces of about equal length. */
function breakInto(text: string, n: number): string[] {
  const c = chars(text);
  const size = Math.ceil(c.length / n);
  const out: string[] = [];
  for (let k = 0; k < c.length; k += size) out.push(c.slice(k, k + size).join(''));
  return out;
}

/** Table 3 as `pdftotext -layout` lays it out. */
function table3Lines(report: SyntheticReport, pick: Pick): string[] {
  const q = report.quirks ?? {};
  // every figure, to print the complete rows whole; zeros are blanked here
  const { t3 } = rows({ ...report, quirks: { ...q, blankZeros: false } });
  const out: string[] = [];
  const isData = (row: string[]) => row.length === 3 + FIGURES && row.slice(-FIGURES).every((c) => /^\d*$/.test(c));
  const blocks: (DataRow | { header: string[] })[] = t3.map((row) =>
    isData(row) ? { labels: row.slice(0, 3), figures: row.slice(3) } : { header: row.filter((c) => c !== '') },
  );
  const dataCount = blocks.filter((b) => 'labels' in b).length;
  // a page break at the repeated header, or else now and then before a row with enough rows after it
  const headerBreak = blocks.findIndex((b, i) => i > 0 && 'header' in b && b.header.some((c) => c.includes('本列数据')));
  let breakAt = headerBreak;
  if (breakAt < 0 && pick(2) === 0) {
    const data = blocks.map((b, i) => ('labels' in b ? i : -1)).filter((i) => i >= 0);
    breakAt = data[3 + pick(dataCount - 3 - 2 * COMPLETE_ROWS_PER_PAGE)]!;
  }
  const centredGroups = pick(2) === 0;
  // how wide the item column is for wrapping: longer labels wrap, in at most three lines
  const itemWidth = MIN_WRAP_WIDTH + pick(LABEL_COLUMNS[2].width - MIN_WRAP_WIDTH + 1);
  const lines: Line[] = [];
  let page = 0;
  let completeLeft = COMPLETE_ROWS_PER_PAGE;
  /** open group spans: label column → [first line, group label] */
  const spans: { column: number; label: string; from: number; to: number }[] = [];
  const open = new Map<number, { label: string; from: number }>();
  const closeSpan = (column: number) => {
    const span = open.get(column);
    if (span) spans.push({ column, label: span.label, from: span.from, to: lines.length });
    open.delete(column);
  };
  blocks.forEach((block, i) => {
    if (i === breakAt) {
      page++;
      completeLeft = COMPLETE_ROWS_PER_PAGE;
    }
    if ('header' in block) {
      for (const column of [...open.keys()]) closeSpan(column);
      // a header row: its words on one line (the first with the 申请人情况 heading beside)
      lines.push({ pieces: [{ column: -1, text: block.header.join('  '), align: { centred: false, inset: 0 } }], page });
      return;
    }
    const [group, subgroup, item] = block.labels as [string, string, string];
    // the row's own label is in the rightmost label cell it fills; a group label beside it opens
    // a span over its items, which a row with its own label in that column or left of it closes
    const ownColumn = item !== '' ? 2 : subgroup !== '' ? 1 : 0;
    for (const column of [...open.keys()]) if (column >= ownColumn) closeSpan(column);
    if (ownColumn === 2 && subgroup !== '') {
      closeSpan(1);
      open.set(1, { label: subgroup, from: lines.length });
    }
    if (ownColumn === 1 && group !== '') {
      closeSpan(0);
      open.set(0, { label: group, from: lines.length });
    }
    const own = block.labels[ownColumn]!;
    const zero = block.figures.every((c) => c === '0');
    const complete = completeLeft > 0;
    if (complete) completeLeft--;
    const wholeBlank = !complete && zero && (q.blankZeros || pick(3) === 0);
    const figures = block.figures.map((c) => (!complete && c === '0' && (q.blankZeros || pick(4) === 0) ? '' : c));
    const width = ownColumn === 2 ? itemWidth : LABELS_END - LABEL_COLUMNS[ownColumn]!.start - (LABEL_COLUMNS[2].width - itemWidth);
    const length = chars(own).length;
    const parts = breakInto(own, Math.min(MAX_LABEL_LINES, Math.ceil(length / width)));
    const align = alignArb(pick);
    const labelLines: Line[] = parts.map((text) => ({ pieces: [{ column: ownColumn, text, wide: ownColumn < 2, align }], page }));
    if (wholeBlank) {
      lines.push(...labelLines);
      return;
    }
    // complete rows keep a label on their figures' line, as a grid's rows do
    const centred = pick(2) === 0;
    if (labelLines.length === 2 && centred && !complete) {
      lines.push(labelLines[0]!, { pieces: [], figures, page }, labelLines[1]!);
      return;
    }
    const at = centred ? Math.floor((labelLines.length - 1) / 2) : 0;
    labelLines[at]!.figures = figures;
    lines.push(...labelLines);
  });
  for (const column of [...open.keys()]) closeSpan(column);
  placeGroupLabels(lines, spans, centredGroups, pick);
  for (const [k, line] of lines.entries()) {
    const pageStart = k > 0 && line.page !== lines[k - 1]!.page;
    out.push((pageStart ? '\f' : '') + renderLine(line));
  }
  return out;
}

/** Sets each group label's pieces on the lines of its span that carry no figures alone. */
function placeGroupLabels(
  lines: Line[],
  spans: { column: number; label: string; from: number; to: number }[],
  centred: boolean,
  pick: Pick,
): void {
  for (const span of spans) {
    const free: number[] = [];
    for (let k = span.from; k < span.to; k++) {
      const line = lines[k]!;
      const figuresAlone = line.figures !== undefined && line.pieces.length === 0;
      // one page holds a merged cell's text
      if (!figuresAlone && line.page === lines[span.from]!.page) free.push(k);
    }
    // (every group label fits its column on one line: it breaks for want of height, not width)
    const count = Math.min(free.length, 1 + pick(MAX_GROUP_PIECES));
    if (count === 0) continue;
    const pieces = breakInto(span.label, count);
    const first = centred ? Math.floor((free.length - pieces.length) / 2) : 0;
    const align = alignArb(pick);
    pieces.forEach((text, k) => {
      const line = lines[free[first + k]!]!;
      line.pieces.push({ column: span.column, text, align });
      line.pieces.sort((a, b) => a.column - b.column);
    });
  }
}

/** A line of the grid: label pieces centred (or not) in their columns, figures in theirs. */
function renderLine(line: Line): string {
  let text = '';
  // cells stand at least two spaces apart, as pdftotext keeps a gap between columns
  const put = (at: number, piece: string) => {
    text = text.length + CELL_GAP <= at || text === '' ? text + ' '.repeat(at - text.length) : `${text}${' '.repeat(CELL_GAP)}`;
    text += piece;
  };
  for (const piece of line.pieces) {
    if (piece.column < 0) {
      put(2, piece.text);
      continue;
    }
    const { start } = LABEL_COLUMNS[piece.column]!;
    const width = piece.wide ? LABELS_END - start : LABEL_COLUMNS[piece.column]!.width;
    const spare = Math.max(0, width - chars(piece.text).length);
    put(start + (piece.align.centred ? Math.floor(spare / 2) : Math.min(spare, piece.align.inset)), piece.text);
  }
  if (line.figures) {
    const first = FIRST_FIGURE_COLUMN + line.page * PAGE_SHIFT;
    line.figures.forEach((figure, k) => {
      if (figure !== '') put(first + k * FIGURE_PITCH, figure);
    });
  }
  return text.trimEnd();
}

/** Table 4: its figures each in its column, in one line. */
function table4Lines(report: SyntheticReport): string[] {
  const { t4 } = rows({ ...report, quirks: { ...report.quirks, blankZeros: false } });
  const [groups, heads, figures] = t4 as [string[], string[], string[]];
  const place = (cells: string[], pitch: number) => {
    let text = '';
    cells.forEach((c, k) => {
      if (c === '') return;
      const at = k * pitch;
      text = text.length < at ? text + ' '.repeat(at - text.length) : `${text}  `;
      text += c;
    });
    return text;
  };
  return [place(groups, REVIEW_PITCH * 2), place(heads, REVIEW_PITCH), place(figures, REVIEW_PITCH)];
}

/** The whole report as `pdftotext -layout` prints it. */
export function layoutText(report: SyntheticReport, pick: Pick): string {
  const { title, t2 } = rows(report);
  const received = report.values['applications.newlyReceived.total'] ?? 0;
  const out = [
    ...title,
    '',
    '一、总体情况',
    `本年度，我单位共收到政府信息公开申请${received}件，均已按时答复。`,
    '',
    '二、主动公开政府信息情况',
  ];
  for (const row of t2) out.push(row.filter((c) => c !== '').join('    '));
  out.push('三、收到和处理政府信息公开申请情况', ...table3Lines(report, pick));
  out.push('四、政府信息公开行政复议、行政诉讼情况', ...table4Lines(report));
  out.push('五、存在的主要问题及改进情况', '信息公开工作仍有不足。', '六、其他需要报告的事项', '无。');
  return out.join('\n');
}
