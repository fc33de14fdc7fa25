/**
 * A consistent report (h005) scanned at 300 dpi after two forgeries on its page images, as a
 * misreading engine would produce them: 一、本年新收 总计 “4” covered with the “2” printed under it
 * (breaks its row and its column), and 行政复议 纠正错误 “3” erased (a blank read as 0: breaks the
 * 行政复议 总计 only). OCR'd, it comes out `invalid`; a reviewer with the paper in hand reads 4 and 3.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { pageImage } from '../../lib/read/pdf/page-image.ts';
import { GENERATED } from './samples.ts';
import { type CellEdit, editCells, imageOnlyPdf, scanLike } from './scan-fixtures.ts';

export const FORGED = 'applications.newlyReceived.total';
export const ERASED = 'reviewLitigation.review.corrected';
const DPI = 300;

type Box = readonly [number, number, number, number];

/** The forged scan (an image-only PDF) and the born-digital reading it was made from. */
export async function forgedH005Scan(): Promise<{ pdf: Uint8Array; born: Result }> {
  const original = new Uint8Array(readFileSync(join(GENERATED, 'pdf', 'h005.pdf')));
  // where each figure is printed, from the born-digital text layer
  const born = await processDocument({ name: 'h005.pdf', uri: 'file://h005.pdf', bytes: original }, { config: DEFAULT_CONFIG });
  const box = (path: string): { page: number; bbox: Box } => {
    const cell = born.cells[path];
    assert.ok(cell?.page && cell.bbox, `${path} has a position in the text layer`);
    return { page: cell.page, bbox: cell.bbox };
  };
  const edits = new Map<number, CellEdit[]>();
  const add = (page: number, edit: CellEdit) => edits.set(page, [...(edits.get(page) ?? []), edit]);
  const forged = box(FORGED);
  add(forged.page, { target: forged.bbox, donor: box('applications.carriedOver.total').bbox });
  const erased = box(ERASED);
  add(erased.page, { target: erased.bbox });

  const images = [];
  for (let n = 1; n <= 2; n++) {
    const page = await pageImage(original, n, { dpi: DPI, maxPixels: DEFAULT_CONFIG.maxPixels });
    assert.equal(page.kind, 'encoded');
    const edited = await editCells(page.bytes, DPI, edits.get(n) ?? []);
    images.push(await scanLike(edited, { angle: n === 1 ? 0.5 : -0.7 }));
  }
  return { pdf: imageOnlyPdf(images), born };
}
