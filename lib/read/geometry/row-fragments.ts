import type { Box } from '../../model/result.ts';
import { isBlankRow } from './blank-rows.ts';
import { cy, type GeoWord, height, median, overlap } from './geo-word.ts';
import { startsWithEnumeration } from './numeric.ts';
import { type Chunk, pitch, sameSize, type TextRow } from './text-rows.ts';

/** What a page that goes on with a table knows of it: its rows' text height and its header's text. */
export interface Carried {
  height: number;
  headerText?: string;
}

/** A numbered line whose characters are this much wider than the table's labels' is a heading set larger, not a row. */
const HEADING_PITCH = 1.25;

/** Largest gap (in text heights) between two lines of one label. */
const CONTINUATION_GAP = 1.2;

/** Most label cells a fragment line may cross (table 3 has three label columns). */
const FRAGMENT_CHUNKS = 3;

/**
 * Attaches label fragments (a label wrapped over lines) to the nearest table row: a fragment lies
 * left of the row's numbers, has the row's text size, sits within about a line of the row (or of
 * a fragment already attached) and not far right of the row's own label. A fragment that opens
 * with a number (“3.危及…”, “（二）部分公开”) is never a second label in a column where the row
 * has one already, a later line of a label never goes to a row whose numbered label starts below
 * it, and a numbered label never goes to a row whose figures lie wholly below its lines: when no
 * row can take a numbered line, it is a row whose figures were all printed blank, and it joins
 * `anchors` as a row of its own. A numbered line set larger than the table's labels is a heading,
 * never part of the table. Returns the other lines.
 */
export function attachFragments(
  rows: readonly TextRow[],
  anchors: TextRow[],
  zoneLeft: (row: TextRow) => number,
  carried: Carried | undefined,
): TextRow[] {
  const extent = new Map(anchors.map((a) => [a, [...a.box] as Box]));
  const labelChunks = (a: TextRow) => [...a.chunks.filter((c) => !c.numeric), ...a.extra];
  // words that open with a number, wherever they sit in a chunk (chunks may run over two columns)
  const numbered = (chunks: readonly Chunk[]) => chunks.flatMap((c) => c.words.filter((w) => startsWithEnumeration(w.text)));
  const figured = anchors.filter((a) => a.chunks.some((c) => c.numeric));
  const isFragment = (r: TextRow) => !r.anchor && r.chunks.every((c) => !c.numeric) && r.chunks.length <= FRAGMENT_CHUNKS;
  const labelPitch = median(
    figured.flatMap((a) => a.chunks.filter((c) => !c.numeric).flatMap((c) => pitch(c) ?? [])),
    Number.NaN,
  );
  const heading = (row: TextRow) => (pitch(row.chunks[0]!) ?? 0) > HEADING_PITCH * labelPitch;
  // OCR boxes a line of label text taller than a lone figure (the detector pads a box by its
  // size): label lines are matched by a row's own label words, or its table's labels' height
  const labelHeights = (a: TextRow) => a.chunks.filter((c) => !c.numeric).flatMap((c) => c.words.map((w) => height(w.box)));
  const tableLabels = median(figured.flatMap(labelHeights), Number.NaN);
  const textOf = (a: TextRow): TextRow => {
    const h = median(labelHeights(a), tableLabels);
    return Number.isNaN(h) ? a : { ...a, h };
  };
  // `first` is the numbered line right above `later` in its column, both still unplaced
  const opens = (first: TextRow, later: TextRow) =>
    first !== later &&
    !first.anchor &&
    numbered(first.chunks).length > 0 &&
    first.box[1] < later.box[1] &&
    later.box[1] - first.box[3] <= CONTINUATION_GAP * later.h &&
    overlap(first.box[0], first.box[2], later.box[0], later.box[2]) > 0;
  let pending = rows.filter(isFragment);
  for (let changed = true; changed; ) {
    changed = false;
    const left: TextRow[] = [];
    const blank: TextRow[] = [];
    for (const row of pending) {
      const own = numbered(row.chunks);
      if (own.length > 0 && heading(row)) {
        left.push(row);
        continue;
      }
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
          // the first line of a label next to the figures: its figures are level with some line of its label
          const innermost = own.length > 0 && spans.every(([, x1]) => x1 <= row.box[0] + 0.5 * a.h);
          const figuresBelow = innermost && !labelReachesFigures(row, a, rows);
          // and a numbered line opens its label, so the label's figures never lie wholly above it
          const figuresAbove =
            own.length > 0 && a.chunks.some((c) => c.numeric) && a.chunks.every((c) => !c.numeric || c.box[3] <= row.box[1]);
          return (
            row.box[2] < zoneLeft(a) &&
            gap <= 1.2 * a.h &&
            sameSize(row, textOf(a)) &&
            !beyondLabel &&
            !secondNumbered &&
            !beforeItsStart &&
            !figuresBelow &&
            !figuresAbove
          );
        })
        .sort((a, b) => rank(row, a, own.length > 0) - rank(row, b, own.length > 0))[0];
      // A later line of a label whose numbered first line no row has taken yet does not go ahead
      // of it to a row below that has no label in its column (the row's own label is a group's,
      // further left): it goes where its first line goes — to a row, or with it as a row printed blank.
      const ahead =
        owner !== undefined &&
        own.length === 0 &&
        cy(owner.box) > cy(row.box) &&
        !labelChunks(owner).some((c) => overlap(c.box[0], c.box[2], row.box[0], row.box[2]) > 0) &&
        pending.some((first) => opens(first, row));
      if (owner !== undefined && !ahead) {
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
        if (own.length > 0 && isBlankRow(row, rows, figured, zoneLeft, carried)) blank.push(row);
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
 * Whether the label that opens with the numbered line `first` (its later lines below it in its
 * column, up to the next numbered line) reaches down to the anchor's figures: however a label is
 * aligned, its figures are level with one of its lines, so a one-line label wholly above a row's
 * figures is a row of its own printed blank, not a piece of that row.
 */
function labelReachesFigures(first: TextRow, anchor: TextRow, rows: readonly TextRow[]): boolean {
  const figures = anchor.chunks.filter((c) => c.numeric);
  if (figures.length === 0) return true;
  const top = Math.min(...figures.map((c) => c.box[1]));
  const inColumn = (c: Chunk) => !c.numeric && overlap(c.box[0], c.box[2], first.box[0], first.box[2]) > 0;
  let bottom = first.box[3];
  const below = rows.filter((r) => r.box[1] > first.box[1] && r.chunks.some(inColumn)).sort((a, b) => a.box[1] - b.box[1]);
  for (const next of below) {
    if (bottom > top || next.box[1] - bottom > 1.2 * first.h) break;
    if (next.chunks.filter(inColumn).some((c) => startsWithEnumeration(c.text))) break;
    bottom = Math.max(bottom, next.box[3]);
  }
  return bottom > top;
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
