import type { Block } from '@aws-sdk/client-textract';
import type { LayoutCell, PositionedPage, PositionedWord } from '../../../model/layout.ts';
import type { Box } from '../../../model/result.ts';
import { normalizeNumericWord } from '../../../read/image/normalize-digits.ts';

export interface PageSize {
  width: number;
  height: number;
}

/**
 * Textract gives geometry as fractions of the page and not the page's size; pages are laid on A4
 * portrait in points unless the caller knows better (e.g. from the PDF's MediaBox).
 */
export const A4_POINTS: PageSize = { width: 595.28, height: 841.89 };

/**
 * Turns Textract Blocks (all pages of a job) into positioned pages: WORD blocks become words
 * (confidence 0..1), TABLE/CELL/MERGED_CELL become real cells with merged cells expanded (text in
 * the first row and column they cover, '' in the others). Shapes: Textract API reference, Block.
 */
export function blocksToPositionedPages(
  blocks: readonly Block[],
  pageSize: (page: number) => PageSize = () => A4_POINTS,
): PositionedPage[] {
  const byId = new Map<string, Block>();
  for (const block of blocks) if (block.Id) byId.set(block.Id, block);
  const pageNumbers = [...new Set(blocks.map((b) => b.Page ?? 1))].sort((a, b) => a - b);
  return pageNumbers.map((page) => {
    const size = pageSize(page);
    const onPage = blocks.filter((b) => (b.Page ?? 1) === page);
    const words: PositionedWord[] = onPage
      .filter((b) => b.BlockType === 'WORD' && b.Text)
      .map((b) => ({
        text: normalizeNumericWord(b.Text!),
        bbox: bboxOf(b, size),
        ...(b.Confidence !== undefined ? { confidence: b.Confidence / 100 } : {}),
      }))
      .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
    const tables = onPage.filter((b) => b.BlockType === 'TABLE').map((table) => ({ rows: tableRows(table, byId, page, size) }));
    return { page, width: size.width, height: size.height, unit: 'pt', words, ...(tables.length > 0 ? { tables } : {}) };
  });
}

function tableRows(table: Block, byId: Map<string, Block>, page: number, size: PageSize): LayoutCell[][] {
  const cells = childrenOf(table, 'CHILD', byId).filter((b) => b.BlockType === 'CELL');
  const merged = childrenOf(table, 'MERGED_CELL', byId).filter((b) => b.BlockType === 'MERGED_CELL');
  const rowCount = Math.max(0, ...cells.map((c) => (c.RowIndex ?? 1) + (c.RowSpan ?? 1) - 1));
  const columnCount = Math.max(0, ...cells.map((c) => (c.ColumnIndex ?? 1) + (c.ColumnSpan ?? 1) - 1));
  const grid: LayoutCell[][] = Array.from({ length: rowCount }, () =>
    Array.from({ length: columnCount }, (): LayoutCell => ({ text: '', page })),
  );
  const place = (block: Block, text: string, confidence: number | undefined) => {
    const row = (block.RowIndex ?? 1) - 1;
    const column = (block.ColumnIndex ?? 1) - 1;
    const target = grid[row];
    if (!target || column >= columnCount) return;
    target[column] = {
      text,
      page,
      bbox: bboxOf(block, size),
      ...(confidence !== undefined ? { confidence } : {}),
    };
  };
  for (const cell of cells) place(cell, cellText(cell, byId), cellConfidence(cell, byId));
  // a merged cell's text is spread over the cells it covers: gather it into its first one
  for (const block of merged) {
    const parts = childrenOf(block, 'CHILD', byId)
      .filter((b) => b.BlockType === 'CELL')
      .sort((a, b) => (a.RowIndex ?? 0) - (b.RowIndex ?? 0) || (a.ColumnIndex ?? 0) - (b.ColumnIndex ?? 0));
    const text = joinText(parts.map((p) => cellText(p, byId)));
    for (const part of parts) place(part, '', cellConfidence(part, byId));
    place(block, text, confidenceOf(block));
  }
  return grid;
}

function cellText(cell: Block, byId: Map<string, Block>): string {
  return joinText(
    childrenOf(cell, 'CHILD', byId)
      .filter((b) => b.BlockType === 'WORD' && b.Text)
      .map((b) => normalizeNumericWord(b.Text!)),
  );
}

/** Words of Chinese text join without a space; between two Latin/digit words keep one. */
function joinText(parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .reduce((out, part) => (out === '' ? part : /[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(part) ? `${out} ${part}` : out + part), '');
}

function childrenOf(block: Block, type: 'CHILD' | 'MERGED_CELL', byId: Map<string, Block>): Block[] {
  return (block.Relationships ?? [])
    .filter((r) => r.Type === type)
    .flatMap((r) => r.Ids ?? [])
    .map((id) => byId.get(id))
    .filter((b): b is Block => b !== undefined);
}

/**
 * A cell is as sure as its least sure word: Textract's CELL confidence is about the table's
 * structure, so a misread digit (word 0.71) inside a well-found cell (0.96) must still show.
 */
function cellConfidence(cell: Block, byId: Map<string, Block>): number | undefined {
  const words = childrenOf(cell, 'CHILD', byId).filter((b) => b.BlockType === 'WORD' && b.Text);
  const values = [cell, ...words].map(confidenceOf).filter((c): c is number => c !== undefined);
  return values.length === 0 ? undefined : Math.min(...values);
}

function confidenceOf(block: Block): number | undefined {
  return block.Confidence === undefined ? undefined : block.Confidence / 100;
}

function bboxOf(block: Block, size: PageSize): Box {
  const box = block.Geometry?.BoundingBox;
  const left = (box?.Left ?? 0) * size.width;
  const top = (box?.Top ?? 0) * size.height;
  const round = (v: number) => Math.round(v * 100) / 100;
  return [round(left), round(top), round(left + (box?.Width ?? 0) * size.width), round(top + (box?.Height ?? 0) * size.height)];
}
