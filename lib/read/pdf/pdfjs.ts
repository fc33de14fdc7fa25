import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The pdf.js legacy build (the one that runs on Node), loaded once on first use. */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

// CMaps (for predefined CJK encodings such as GBK-EUC-H) and the standard fonts ship inside the
// package; pdf.js reads them from these directories instead of fetching anything.
function packageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    return undefined;
  }
}

const dir = packageDir();

/** Opens a document with options safe for untrusted input on Node; `bytes` is copied, never detached. */
export async function openPdf(bytes: Uint8Array, options: { maxImageSize?: number } = {}): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js transfers the buffer it gets to its worker side: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    maxImageSize: options.maxImageSize ?? 100_000_000,
    ...(dir === undefined
      ? {}
      : {
          cMapUrl: join(dir, 'cmaps') + '/',
          cMapPacked: true,
          standardFontDataUrl: join(dir, 'standard_fonts') + '/',
        }),
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error;
  }
}

export type { PDFDocumentProxy };
