// Test and bench helper: the generated samples, and the JPEG pages of an img2pdf scan (one DCT
// stream per page) without a PDF library — until lib/read/pdf's pageImage() is used instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATED = join(import.meta.dirname, '../../samples/generated');

/** The JPEG streams of a scanned PDF, in page order. */
export function embeddedJpegs(pdf: Uint8Array): Uint8Array[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf('stream', at);
    if (start < 0) break;
    let from = start + 'stream'.length;
    if (text[from] === '\r') from++;
    if (text[from] === '\n') from++;
    const end = text.indexOf('endstream', from);
    if (end < 0) break;
    if (text.charCodeAt(from) === 0xff && text.charCodeAt(from + 1) === 0xd8) {
      let stop = end;
      while (text[stop - 1] === '\n' || text[stop - 1] === '\r') stop--;
      out.push(pdf.subarray(from, stop));
    }
    at = end + 'endstream'.length;
  }
  return out;
}

/** The page images of generated/scan/<id>.scan.pdf. */
export function scanPages(id: string): Uint8Array[] {
  return embeddedJpegs(readFileSync(join(GENERATED, 'scan', `${id}.scan.pdf`)));
}

/** Every number of tables 3 and 4 in generated/truth/<id>.json. */
export function truthTableNumbers(id: string): number[] {
  const truth = JSON.parse(readFileSync(join(GENERATED, 'truth', `${id}.json`), 'utf8'));
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(truth.tables.applications);
  walk(truth.tables.reviewLitigation);
  return out;
}
