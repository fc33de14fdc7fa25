import { embeddedJpeg } from './embedded-jpeg.ts';
import type { PdfPageText } from './read-pdf.ts';

/**
 * The one decision of which PDF pages need OCR, used by the reader (local engine) and before a
 * Textract job (which pages to send): pages without a usable text layer, and wordless pages whose
 * only content is a JPEG, whatever the engine made of the image (one too large to decode may look
 * blank); OCR then refuses it from its header (imageTooLarge), not as "no tables".
 */
export function pagesNeedingOcr(bytes: Uint8Array, pages: readonly PdfPageText[]): number[] {
  return pages
    .filter((p) => p.textLayer === 'needsOcr' || (p.positioned.words.length === 0 && embeddedJpeg(bytes, p.page) !== undefined))
    .map((p) => p.page);
}
