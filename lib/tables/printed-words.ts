import type { LayoutLine } from '../model/layout.ts';
import { normalizeText } from './normalize.ts';
import { parseCell } from './parse-number.ts';
import { lineText } from './value-row.ts';

// What makes a region a table printed with every cell blank (a publisher who leaves zeros blank,
// in a year with no case or no application): its header words are there and not one figure.

/** A header word broken over more lines than this is not taken for the word. */
const MAX_PIECES = 3;

/**
 * The region (normalised lines) prints the word: on one line, run over lines, or broken over lines
 * as a narrow header column breaks it (结果 above 维持, 社会 / 公益 / 组织; an unruled table gives
 * one line per line of its header, the columns' words side by side in it).
 */
export function printedIn(region: readonly string[], word: string): boolean {
  return region.join('').includes(word) || brokenOver(region, word, 1);
}

function brokenOver(region: readonly string[], word: string, pieces: number): boolean {
  if (region.some((line) => line.includes(word))) return true;
  if (pieces >= MAX_PIECES) return false;
  for (let cut = 1; cut < word.length; cut++) {
    const head = word.slice(0, cut);
    for (let i = 0; i < region.length; i++) {
      if (region[i]!.includes(head) && brokenOver(region.slice(i + 1), word.slice(cut), pieces + 1)) return true;
    }
  }
  return false;
}

/** The lines' text, normalised, one entry a line. */
export function regionText(lines: readonly LayoutLine[], start: number, end: number): string[] {
  return lines.slice(start, end).map((line) => normalizeText(lineText(line)));
}

/** Every word of a table's header is printed in the region, and not one figure is. */
export function headedWithoutFigures(lines: readonly LayoutLine[], start: number, end: number, words: readonly string[]): boolean {
  const region = regionText(lines, start, end);
  if (!words.every((word) => printedIn(region, word))) return false;
  // (a label's own numbering, 1.属于国家秘密, is no figure)
  const cells = lines.slice(start, end).flatMap((line) => line.cells);
  return !cells.some((cell) => parseCell(cell.text, cell.confidence !== undefined).kind === 'number');
}

/** The page a blank table's cells are on: that of the region's last line (its header's foot). */
export function lastPage(lines: readonly LayoutLine[], start: number, end: number): number | undefined {
  return lines
    .slice(start, end)
    .map((line) => line.page)
    .findLast((page) => page !== undefined);
}
