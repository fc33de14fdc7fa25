import type { GeoWord } from './geo-word.ts';
import { textLines, textOf } from './text-join.ts';

/** Page numbers as printed: “- 3 -”, “—3—”, “3”, “第3页”, “第 3 页 共 6 页”, “3/6”. */
const PAGE_NUMBER =
  /^([-—–－\s]*[0-9０-９]+[-—–－\s]*|第\s*[0-9０-９]+\s*页(\s*[,，]?\s*共\s*[0-9０-９]+\s*页)?|[0-9０-９]+\s*[/／]\s*[0-9０-９]+)$/u;

/** Letters or ideographs: what a running header or footer has besides its digits. */
const HAS_WORDS = /\p{L}/u;

/** How far into the page, from the top or the bottom, headers and footers sit. */
const MARGIN = 0.09;

/**
 * A repeated margin line this much larger than the smallest of its repeats is not furniture: the
 * report's title set large on the first page, repeated small as the running header of the others.
 */
const LARGER_THAN_RUNNING = 1.3;

interface PageWords {
  words: GeoWord[];
  height: number;
}

/**
 * Removes page numbers and running headers/footers: lines in the top or bottom margin that are a
 * page number, or whose text (digits aside) repeats in the margins of several pages in the size
 * of its smallest repeat.
 */
export function dropPageFurniture(pages: readonly PageWords[]): GeoWord[][] {
  const marginLines = pages.map((page) =>
    textLines(page.words)
      .filter((line) => {
        const y0 = Math.min(...line.map((w) => w.box[1]));
        const y1 = Math.max(...line.map((w) => w.box[3]));
        return y1 < page.height * MARGIN || y0 > page.height * (1 - MARGIN);
      })
      .map((line) => ({ line, key: textOf(line).replace(/[0-9０-９]+/gu, '#'), size: lineWidth(line) })),
  );
  const seen = new Map<string, number>();
  const smallest = new Map<string, number>();
  for (const lines of marginLines) {
    for (const key of new Set(lines.map((l) => l.key))) seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const { key, size } of lines) smallest.set(key, Math.min(size, smallest.get(key) ?? Infinity));
  }
  const repeatedAt = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, i) => {
    const drop = new Set<GeoWord>();
    for (const { line, key, size } of marginLines[i] ?? []) {
      // a running header has words; a line of figures alone is a table's row that begins two pages
      const running =
        pages.length >= 2 && HAS_WORDS.test(key) && (seen.get(key) ?? 0) >= repeatedAt && size <= LARGER_THAN_RUNNING * smallest.get(key)!;
      if (PAGE_NUMBER.test(textOf(line)) || running) for (const w of line) drop.add(w);
    }
    return page.words.filter((w) => !drop.has(w));
  });
}

/**
 * The size a margin line is set in, as its width: repeats of one text are as wide as their type is
 * large (an OCR box's height says less — the detector pads a long line by its length).
 */
function lineWidth(line: readonly GeoWord[]): number {
  return Math.max(...line.map((w) => w.box[2])) - Math.min(...line.map((w) => w.box[0]));
}
