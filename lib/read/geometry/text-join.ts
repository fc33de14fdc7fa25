import { cy, type GeoWord, height, overlap } from './geo-word.ts';

// Han, CJK punctuation and full-width forms: text that joins without spaces.
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2018-\u201F\u2026\u2014]/u;

/** Groups words into visual text lines (top to bottom), each sorted left to right. */
export function textLines(words: readonly GeoWord[]): GeoWord[][] {
  const sorted = [...words].sort((a, b) => cy(a.box) - cy(b.box));
  const lines: { words: GeoWord[]; y0: number; y1: number }[] = [];
  for (const word of sorted) {
    const h = height(word.box);
    let best: (typeof lines)[number] | undefined;
    let bestShare = 0;
    for (const line of lines) {
      const share = overlap(word.box[1], word.box[3], line.y0, line.y1) / Math.max(1e-6, Math.min(h, line.y1 - line.y0));
      if (share > bestShare) {
        best = line;
        bestShare = share;
      }
    }
    if (best !== undefined && bestShare >= 0.5) {
      best.words.push(word);
      best.y0 = Math.min(best.y0, word.box[1]);
      best.y1 = Math.max(best.y1, word.box[3]);
    } else lines.push({ words: [word], y0: word.box[1], y1: word.box[3] });
  }
  return lines.sort((a, b) => a.y0 - b.y0).map((line) => line.words.sort((a, b) => a.box[0] - b.box[0]));
}

/** Joins two pieces of text: no space where either side is Chinese, one space between Latin/digits. */
export function joinText(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  const a = left.at(-1) ?? '';
  const b = right[0] ?? '';
  return CJK.test(a) || CJK.test(b) ? left + right : `${left} ${right}`;
}

/** Drops the spaces letter-spaced Chinese carries (“商 业 企” → “商业企”), keeps those between Latin words. */
export function tidySpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(new RegExp(`(?<=${CJK.source}) (?=${CJK.source})`, 'gu'), '');
}

/** The text of words that belong to one cell or paragraph, in reading order. */
export function textOf(words: readonly GeoWord[]): string {
  let text = '';
  for (const line of textLines(words)) {
    let lineText = '';
    for (const w of line) lineText = joinText(lineText, w.text);
    text = joinText(text, lineText);
  }
  return tidySpaces(text);
}
