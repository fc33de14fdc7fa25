import { PDFDocument } from 'pdf-lib';

/**
 * A PDF of just the given pages (1-based, in that order) of `bytes`, made with pdf-lib: what is
 * sent to Textract, which bills every page of the file it is given. Null when pdf-lib cannot copy
 * the pages faithfully (an encrypted file): the caller then sends the whole document.
 */
export async function pdfOfPages(bytes: Uint8Array, pages: readonly number[]): Promise<Uint8Array | null> {
  try {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    if (source.isEncrypted) return null;
    const out = await PDFDocument.create({ updateMetadata: false });
    for (const page of await out.copyPages(
      source,
      pages.map((n) => n - 1),
    ))
      out.addPage(page);
    return await out.save({ useObjectStreams: false });
  } catch {
    return null;
  }
}
