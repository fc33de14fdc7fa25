import { createHash } from 'node:crypto';
import type { Block } from '@aws-sdk/client-textract';
import { PDFDocument } from 'pdf-lib';
import { embeddedJpeg } from '../../lib/read/pdf/embedded-jpeg.ts';
import { type AnalysisOptions, textractAnalysisOf } from './textract-analysis.ts';

/**
 * What Textract reads on a scanned page, for the Textract double: each page image of a generated
 * scan is known by its bytes and read as Textract would read its born-digital twin's page
 * (textractAnalysisOf). A page image not known (a photo, a page with no image) reads as a blank page.
 */
export function scannedPageReader(pairs: { scan: Uint8Array; twin: Uint8Array }[], options: AnalysisOptions = {}) {
  const known = new Map<string, { twin: Uint8Array; page: number }>();
  for (const { scan, twin } of pairs) {
    for (let page = 1; ; page++) {
      const jpeg = embeddedJpeg(scan, page);
      if (jpeg === undefined) break;
      known.set(hash(jpeg.bytes), { twin, page });
    }
  }
  const analyses = new Map<Uint8Array, Promise<Block[]>>();
  const analysisOf = (twin: Uint8Array): Promise<Block[]> => {
    let found = analyses.get(twin);
    if (found === undefined) {
      found = textractAnalysisOf(twin, options);
      analyses.set(twin, found);
    }
    return found;
  };
  return async (bytes: Uint8Array): Promise<Block[]> => {
    // an image sent whole (PNG, JPEG, TIFF) is no known scan page: it reads as blank
    if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF') < 0) return [];
    const count = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    const blocks: Block[] = [];
    for (let page = 1; page <= count; page++) {
      const jpeg = embeddedJpeg(bytes, page);
      const source = jpeg === undefined ? undefined : known.get(hash(jpeg.bytes));
      if (source === undefined) continue;
      const rename = (id: string) => `p${page}-${id}`;
      for (const block of (await analysisOf(source.twin)).filter((b) => b.Page === source.page)) {
        blocks.push({
          ...structuredClone(block),
          Id: rename(block.Id!),
          Page: page,
          ...(block.Relationships === undefined
            ? {}
            : { Relationships: block.Relationships.map((r) => ({ ...r, Ids: (r.Ids ?? []).map(rename) })) }),
        });
      }
    }
    return blocks;
  };
}

const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
