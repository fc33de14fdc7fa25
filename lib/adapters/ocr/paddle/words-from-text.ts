import type { PositionedWord } from '../../../model/layout.ts';
import { normalizeNumericWord } from '../../../read/image/normalize-digits.ts';
import type { RecognizedChar, RecognizedText } from './recognize-text.ts';

/** Characters this far apart (in the box's height) with a space read between them are two words. */
const SPACED_WORDS = 1.2;

/**
 * Turns a recognised text box into words: split where characters stand far apart (a table
 * without rulings), spaces dropped at the split, numbers normalised.
 */
export function wordsFromText(line: RecognizedText): PositionedWord[] {
  const [x0, y0, x1, y1] = line.box;
  const height = y1 - y0;
  const groups: RecognizedChar[][] = [];
  let current: RecognizedChar[] = [];
  line.chars.forEach((char, index) => {
    const last = current.at(-1);
    // a space the recogniser saw between characters well apart parts two words too (header words
    // of neighbouring columns in one box: “结果 结果 其他”), not the space in “2024 年”
    const spaced = last !== undefined && char.char === ' ' && (line.chars[index + 1]?.x ?? char.x) - last.x > SPACED_WORDS * height;
    if (last && (char.x - last.x > 2.2 * height || spaced)) {
      groups.push(current);
      current = [];
    }
    if (!spaced) current.push(char);
  });
  if (current.length > 0) groups.push(current);
  const words: PositionedWord[] = [];
  groups.forEach((group, index) => {
    const text = normalizeNumericWord(
      group
        .map((c) => c.char)
        .join('')
        .trim(),
    );
    if (text === '') return;
    const previous = groups[index - 1]?.at(-1);
    const next = groups[index + 1]?.[0];
    const left = previous ? (previous.x + group[0]!.x) / 2 : x0;
    const right = next ? (group.at(-1)!.x + next.x) / 2 : x1;
    const confidence = group.reduce((s, c) => s + c.confidence, 0) / group.length;
    words.push({ text, bbox: [round(left), round(y0), round(right), round(y1)], confidence: round(confidence, 1000) });
  });
  return words;
}

function round(value: number, factor = 10): number {
  return Math.round(value * factor) / factor;
}

/** What a reader shows for ink in a cell that recognition could not read. */
export const UNREADABLE = '?';

/**
 * Words of a box around ink the detector missed: as read, or when recognition reads nothing
 * there, one word `?` with confidence 0 — the cell holds something, and a reviewer must look.
 */
export function missedWords(line: RecognizedText): PositionedWord[] {
  const words = wordsFromText(line);
  if (words.length > 0) return words;
  const [x0, y0, x1, y1] = line.box;
  return [{ text: UNREADABLE, bbox: [round(x0), round(y0), round(x1), round(y1)], confidence: 0 }];
}
