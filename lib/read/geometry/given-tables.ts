import type { LayoutCell, LayoutLine, PositionedPage } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import type { LevelPage } from './deskew.ts';
import type { GeoWord } from './geo-word.ts';
import type { Block } from './unruled.ts';

/** Tables an engine found itself (Textract TABLE/CELL): their rows as blocks, and what they cover. */
export interface GivenTables {
  /** one block per table, `top` in the page's level frame so it sorts with the paragraphs */
  blocks: Block[];
  /** true for a word whose centre lies in one of the tables' cells: it is not paragraph text */
  covers(word: GeoWord): boolean;
}

const NONE: GivenTables = { blocks: [], covers: () => false };

/**
 * The page's engine tables as they come: one line per row, cells as the engine gave them (merged
 * cells already expanded, empty cells kept as ''), each line tagged with its table's index in the
 * document (`firstIndex` onwards).
 */
export function givenTables(page: PositionedPage, level: LevelPage, firstIndex: number): GivenTables {
  const tables = (page.tables ?? []).filter((t) => t.rows.some((row) => row.length > 0));
  if (tables.length === 0) return NONE;
  const boxes = tables.flatMap((t) => t.rows.flatMap((row) => row.flatMap((cell) => (cell.bbox ? [cell.bbox] : []))));
  const toLevelY = levelYOf(page, level);
  const blocks = tables.map((table, i): Block => {
    const cellBoxes = table.rows.flatMap((row) => row.flatMap((cell) => (cell.bbox ? [cell.bbox] : [])));
    const top = cellBoxes.length === 0 ? 0 : Math.min(...cellBoxes.map(toLevelY));
    const lines: LayoutLine[] = table.rows.map((row) => ({
      cells: row.map((cell): LayoutCell => ({ ...cell, page: cell.page ?? page.page })),
      table: firstIndex + i,
    }));
    return { top, lines };
  });
  return {
    blocks,
    covers: (word) => {
      const x = (word.source[0] + word.source[2]) / 2;
      const y = (word.source[1] + word.source[3]) / 2;
      return boxes.some((b) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]);
    },
  };
}

/**
 * Top of a cell box in the level frame the paragraphs are laid out in. The level frame is the
 * page turned about its centre; the angle is read back from `toSource` of a point.
 */
function levelYOf(page: PositionedPage, level: LevelPage): (box: Box) => number {
  const ox = page.width / 2;
  const oy = page.height / 2;
  const probe = level.toSource([ox + 1000, oy, ox + 1000, oy]);
  const angle = Math.atan2(probe[1] - oy, probe[0] - ox);
  if (angle === 0) return (box) => box[1];
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  // As levelPage moves a word: the centre turns, the size stays.
  return (box) => {
    const x = (box[0] + box[2]) / 2 - ox;
    const y = (box[1] + box[3]) / 2 - oy;
    return oy + x * sin + y * cos - (box[3] - box[1]) / 2;
  };
}
