import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The pdf.js legacy build (the one that runs on Node), loaded once on first use. */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= withNativeBuiltIns(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
  return loaded;
}

/**
 * The legacy build bundles core-js, which on Node 20 replaces native built-ins for the whole
 * process with JavaScript versions (Array.prototype.push, JSON.parse, JSON.stringify, …) over
 * spec corner cases pdf.js never meets: every push and every JSON result then runs several times
 * slower. Put the native ones back once pdf.js is loaded; polyfills of what Node lacks stay.
 */
async function withNativeBuiltIns<T>(load: () => Promise<T>): Promise<T> {
  const natives = [
    [Array.prototype, 'push', Array.prototype.push],
    [JSON, 'parse', JSON.parse],
    [JSON, 'stringify', JSON.stringify],
    [Function.prototype, 'toString', Function.prototype.toString],
  ] as const;
  try {
    return await load();
  } finally {
    for (const [owner, key, native] of natives) {
      if ((owner as unknown as Record<string, unknown>)[key] !== native) {
        Object.defineProperty(owner, key, { value: native, writable: true, configurable: true, enumerable: false });
      }
    }
  }
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

/**
 * Opens a document with options safe for untrusted input on Node; `bytes` is copied, never detached.
 * `forRendering` builds glyph outlines while the operator list is made (the canvas needs them);
 * reading text and rulings does not, and compiling every glyph of a CJK font costs more than the
 * rest of the read.
 */
export async function openPdf(
  bytes: Uint8Array,
  options: { maxImageSize?: number; forRendering?: boolean } = {},
): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js transfers the buffer it gets to its worker side: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: options.forRendering ?? false,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    maxImageSize: options.maxImageSize ?? 100_000_000,
    ...(dir === undefined
      ? {}
      : {
          cMapUrl: `${join(dir, 'cmaps')}/`,
          cMapPacked: true,
          standardFontDataUrl: `${join(dir, 'standard_fonts')}/`,
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
