import type { LayoutCell, LayoutLine, PositionedPage } from '../../model/layout.ts';
import type { Box } from '../../model/result.ts';
import { type LevelPage, levelPage } from './deskew.ts';
import { type GeoWord, height, median, minConfidence } from './geo-word.ts';
import { givenTables } from './given-tables.ts';
import { isValueText, startsWithEnumeration } from './numeric.ts';
import { dropPageFurniture } from './page-furniture.ts';
import { type RuledTable, ruledTables } from './ruled-tables.ts';
import { joinText } from './text-join.ts';
import { type Block, type CellMaker, type TableCarry, unruledBlocks } from './unruled.ts';

/**
 * Rebuilds a document's lines in reading order from positioned words (PDF text layer or OCR):
 * each printed table row becomes one line whose cells follow the table's columns (empty cells
 * kept as ''), and each paragraph one line with one cell. Page numbers and running headers are
 * dropped; a table that goes on over a page break simply goes on. Where the engine found the
 * tables itself (`page.tables`, Textract), its rows are the lines and the words inside them are
 * not read again.
 */
export function linesFromPages(pages: readonly PositionedPage[]): LayoutLine[] {
  const ordered = [...pages].sort((a, b) => a.page - b.page);
  const level = ordered.map(levelPage);
  let tableIndex = 0;
  const given = ordered.map((page, i) => {
    const found = givenTables(page, level[i]!, tableIndex);
    tableIndex += found.blocks.length;
    return found;
  });
  const free = level.map((l, i) => l.words.filter((w) => !given[i]!.covers(w)));
  const kept = dropPageFurniture(free.map((words, i) => ({ words, height: ordered[i]!.height })));
  const perPage = ordered.map((page, i) => {
    const lp = level[i]!;
    const words = kept[i]!;
    const textHeight = median(
      words.map((w) => height(w.box)),
      page.unit === 'px' ? 30 : 10,
    );
    const { tables, rest } = ruledTables(words, lp.rulings, Math.max(page.unit === 'px' ? 3 : 1, textHeight * 0.2));
    return { page, lp, tables, rest, textHeight };
  });
  joinSplitCells(perPage);

  const lines: LayoutLine[] = [];
  let carry: TableCarry = {};
  for (const [i, { page, lp, tables, rest }] of perPage.entries()) {
    const makeCell = cellMaker(page.page, lp);
    const blocks: Block[] = [...given[i]!.blocks, ...tables.map((t) => ({ top: t.box[1], lines: tableLines(t, makeCell) }))];
    const unruled = unruledBlocks(rest, makeCell, carry);
    carry = unruled.carry;
    blocks.push(...unruled.blocks);
    blocks.sort((a, b) => a.top - b.top);
    for (const block of blocks) for (const line of block.lines) lines.push({ ...line, page: page.page });
  }
  return lines;
}

function cellMaker(page: number, lp: LevelPage): CellMaker {
  return (words: readonly GeoWord[], text: string, box: Box): LayoutCell => {
    const confidence = minConfidence(words);
    return {
      text,
      page,
      bbox: lp.toSource(box).map((v) => Math.round(v * 100) / 100) as Box,
      ...(confidence === undefined ? {} : { confidence }),
    };
  };
}

/**
 * One line per grid row; a cell merged down several rows gives its text to the first and '' to
 * the rest. A row left fully blank (table 4 with every zero printed blank) is still a row.
 */
function tableLines(table: RuledTable, makeCell: CellMaker): LayoutLine[] {
  const lines: LayoutLine[] = [];
  for (let r = 0; r < table.ys.length - 1; r++) {
    const regions = table.regions.filter((g) => r >= g.r0 && r <= g.r1).sort((a, b) => a.c0 - b.c0);
    const cells = regions.map((g) => (r === g.r0 ? makeCell(g.words, g.text, g.box) : makeCell([], '', g.box)));
    if (regions.some((g) => g.r0 === r)) lines.push({ cells });
  }
  return lines;
}

/**
 * A label cell merged down rows that a page break cuts (“（四）无” at the foot of one page, “法提供”
 * at the head of the next) is put back together in the row where it starts.
 */
function joinSplitCells(perPage: readonly { tables: RuledTable[]; rest: GeoWord[]; textHeight: number }[]): void {
  for (let i = 0; i + 1 < perPage.length; i++) {
    const before = perPage[i]!;
    const after = perPage[i + 1]!;
    const last = before.tables.at(-1);
    const first = after.tables[0];
    if (last === undefined || first === undefined) continue;
    // Only when nothing but the page break lies between the two tables.
    if (before.rest.some((w) => w.box[1] > last.box[3]) || after.rest.some((w) => w.box[3] < first.box[1])) continue;
    const tol = Math.max(before.textHeight, after.textHeight);
    const lastRow = last.ys.length - 2;
    for (const top of first.regions.filter((g) => g.r0 === 0 && g.text !== '')) {
      if (startsWithEnumeration(top.text) || isValueText(top.text)) continue;
      // The cell must be a label column with more labels to its right (a group such as “（四）无法提供”).
      const hasLabelRight = first.regions.some((g) => g.r0 === 0 && g.c0 > top.c1 && g.text !== '' && !isValueText(g.text));
      if (!hasLabelRight) continue;
      const bottom = last.regions.find(
        (g) => g.r1 === lastRow && Math.abs(g.box[0] - top.box[0]) <= tol && Math.abs(g.box[2] - top.box[2]) <= tol && g.text !== '',
      );
      if (bottom === undefined || isValueText(bottom.text)) continue;
      bottom.text = joinText(bottom.text, top.text);
      top.text = '';
    }
  }
}
