import sharp from 'sharp';
import type { CellEvidence } from '../../model/result.ts';
import type { EvidenceCell } from '../../rules/evidence-cells.ts';
import { readImageFile } from './read-image-file.ts';

/** A crop is scaled down to fit this box (pixels): small enough to sit beside a table cell. */
export const EVIDENCE_MAX_WIDTH = 240;
export const EVIDENCE_MAX_HEIGHT = 96;
/** All crops of one document together stay under this many bytes of PNG; the rest are left out. */
export const EVIDENCE_MAX_BYTES = 200_000;
/**
 * Margins around the cell, in cell heights: wide enough sideways to see the neighbouring figures,
 * just enough above and below for the rulings (a row more would show another row's figures).
 */
const MARGIN_X_HEIGHTS = 0.6;
const MARGIN_Y_HEIGHTS = 0.15;
const MIN_MARGIN_PX = 4;
/** Grey levels kept in a crop: a scan's figures read as well in 16 as in 256, at a third of the bytes. */
const PNG_COLOURS = 16;

/**
 * Crops of the page images behind `cells`, as small grey PNG data URLs by cell path. `pages` are
 * the encoded images the OCR engine read, by 1-based page; each is decoded and straightened the
 * way the engine did (readImageFile), so the cells' pixel boxes fall on it. A page missing or
 * failing to decode yields no crops; cells past the byte budget are left out.
 */
export async function cellCrops(
  cells: readonly EvidenceCell[],
  pages: ReadonlyMap<number, Uint8Array>,
  options: { maxPixels: number },
): Promise<Record<string, CellEvidence>> {
  const out: Record<string, CellEvidence> = {};
  let bytes = 0;
  for (const pageNumber of [...new Set(cells.map((c) => c.page))]) {
    const encoded = pages.get(pageNumber);
    if (encoded === undefined) continue;
    const page = await readImageFile(encoded, { maxPixels: options.maxPixels }).catch(() => undefined);
    if (page === undefined) continue;
    const raw = { raw: { width: page.width, height: page.height, channels: 1 as const } };
    for (const cell of cells.filter((c) => c.page === pageNumber)) {
      const region = withMargin(cell.bbox, page.width, page.height);
      if (region === undefined) continue;
      const png = await sharp(page.data, raw)
        .extract(region)
        .resize(EVIDENCE_MAX_WIDTH, EVIDENCE_MAX_HEIGHT, { fit: 'inside', withoutEnlargement: true })
        .png({ palette: true, colours: PNG_COLOURS, compressionLevel: 9 })
        .toBuffer();
      const image = `data:image/png;base64,${png.toString('base64')}`;
      if (bytes + image.length > EVIDENCE_MAX_BYTES) return out;
      bytes += image.length;
      out[cell.path] = { page: cell.page, bbox: cell.bbox, image };
    }
  }
  return out;
}

function withMargin(
  [x0, y0, x1, y1]: readonly number[],
  width: number,
  height: number,
): { left: number; top: number; width: number; height: number } | undefined {
  const mx = Math.max(MIN_MARGIN_PX, (y1! - y0!) * MARGIN_X_HEIGHTS);
  const my = Math.max(MIN_MARGIN_PX, (y1! - y0!) * MARGIN_Y_HEIGHTS);
  const left = Math.max(0, Math.floor(x0! - mx));
  const top = Math.max(0, Math.floor(y0! - my));
  const right = Math.min(width, Math.ceil(x1! + mx));
  const bottom = Math.min(height, Math.ceil(y1! + my));
  if (right - left < 1 || bottom - top < 1) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}
