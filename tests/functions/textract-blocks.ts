import { readFileSync } from 'node:fs';
import { geometry } from '../ocr/textract-blocks.ts';

/**
 * Textract GetDocumentAnalysis responses built to the documented Block schema (Textract API
 * reference: Block — BlockType PAGE/LINE/WORD, Id, Page, Geometry.BoundingBox as page ratios,
 * Confidence 0–100, Relationships CHILD), from a generated report's text: one WORD per
 * tab-separated cell, LINE per text line, `linesPerPage` lines per PAGE.
 */
export function blocksFromText(path: URL, linesPerPage = 30): Record<string, unknown>[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const blocks: Record<string, unknown>[] = [];
  let id = 0;
  const nextId = (): string => {
    id += 1;
    return `b${id.toString().padStart(6, '0')}`;
  };
  const box = geometry;
  for (let start = 0, page = 1; start < lines.length; start += linesPerPage, page += 1) {
    const pageBlock = {
      BlockType: 'PAGE',
      Id: nextId(),
      Page: page,
      Geometry: box(0, 0, 1, 1),
      Relationships: [{ Type: 'CHILD', Ids: [] as string[] }],
    };
    blocks.push(pageBlock);
    lines.slice(start, start + linesPerPage).forEach((text, row) => {
      const cells = text.split('\t');
      const top = 0.05 + row * 0.03;
      const words = cells
        .map((cell, column) => ({
          BlockType: 'WORD',
          Id: nextId(),
          Page: page,
          Text: cell.trim() === '' ? '' : cell.trim(),
          TextType: 'PRINTED',
          Confidence: 98.5,
          Geometry: box(
            cells.length === 1 ? 0.08 : 0.05 + column * (0.9 / cells.length),
            top,
            cells.length === 1 ? Math.min(0.84, 0.012 * cell.length) : 0.9 / cells.length - 0.01,
            0.02,
          ),
        }))
        .filter((word) => word.Text !== '');
      const line = {
        BlockType: 'LINE',
        Id: nextId(),
        Page: page,
        Text: cells.join(' '),
        Confidence: 98.5,
        Geometry: box(0.05, top, 0.9, 0.02),
        Relationships: [{ Type: 'CHILD', Ids: words.map((w) => w.Id) }],
      };
      pageBlock.Relationships[0]?.Ids.push(line.Id);
      blocks.push(line, ...words);
    });
  }
  return blocks;
}

/** Splits blocks over several responses chained by NextToken, as GetDocumentAnalysis pages them. */
export function pagedResponses(blocks: Record<string, unknown>[], perResponse: number): Record<string, unknown>[] {
  const pages = Math.max(...blocks.map((b) => Number(b['Page'] ?? 1)));
  const responses: Record<string, unknown>[] = [];
  for (let i = 0; i < blocks.length; i += perResponse) {
    const last = i + perResponse >= blocks.length;
    responses.push({
      JobStatus: 'SUCCEEDED',
      DocumentMetadata: { Pages: pages },
      AnalyzeDocumentModelVersion: '1.0',
      Blocks: blocks.slice(i, i + perResponse),
      ...(last ? {} : { NextToken: `token-${responses.length + 1}` }),
    });
  }
  return responses;
}
