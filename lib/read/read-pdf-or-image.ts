import { mapLimit } from '../map-limit.ts';
import type { PositionedPage } from '../model/layout.ts';
import type { Extraction } from '../model/result.ts';
import type { OcrImage } from '../ports/ocr-engine.ts';
import { linesFromPages } from './geometry/lines-from-pages.ts';
import { CorruptImageError, ImageTooLargeError, UnsupportedImageError } from './image/image-errors.ts';
import { readImageHeader } from './image/image-header.ts';
import { PageImageError, ImageTooLargeError as PageTooLargeError, pageImage } from './pdf/page-image.ts';
import { pagesNeedingOcr } from './pdf/pages-needing-ocr.ts';
import { readPdf } from './pdf/read-pdf.ts';
import type { DocumentRead, ReadDocumentOptions } from './read-result.ts';
import { unreadable } from './read-result.ts';

// PDFs and images: the text layer where a page has a usable one, OCR (local engine, or pages
// recognised by Textract) only for the pages that need it.

/** A PDF: every page's text layer, OCR for the pages without a usable one. */
export async function readPdfDocument(bytes: Uint8Array, options: ReadDocumentOptions): Promise<DocumentRead> {
  const { config } = options;
  const readOptions = options.signal ? { maxPages: config.maxPages, signal: options.signal } : { maxPages: config.maxPages };
  const pdf = await readPdf(bytes, readOptions);
  if (!pdf.ok) return { kind: 'pdf', outcome: unreadable(pdf.reason, pdf.message), extraction: { method: 'none', reader: 'pdf' } };
  const pages = pdf.pages.map((p) => p.positioned);
  const needOcr = pagesNeedingOcr(bytes, pdf.pages);
  const extraction: Extraction = { method: 'text', reader: 'pdf', pages: pdf.pageCount };
  const meta = pdf.metadataTitle ? { metadataTitle: pdf.metadataTitle } : {};
  let pageImages: Map<number, Uint8Array> | undefined;
  if (needOcr.length > 0) {
    const recognised = await ocrPdfPages(bytes, needOcr, options);
    if (!recognised.ok) {
      const good = pdf.pages.filter((p) => !needOcr.includes(p.page));
      if (good.length === 0) {
        return { kind: 'pdf', outcome: unreadable(recognised.reason, recognised.message), extraction, ...meta };
      }
    } else {
      for (const page of recognised.pages) pages[page.page - 1] = page;
      extraction.method = needOcr.length === pdf.pageCount ? 'ocr' : 'mixed';
      extraction.ocrPages = needOcr;
      extraction.ocrEngine = recognised.engine;
      const confidence = meanConfidence(recognised.pages);
      if (confidence !== undefined) extraction.meanConfidence = confidence;
      pageImages = recognised.images;
    }
  }
  const layout = { lines: linesFromPages(pages) };
  return { kind: 'pdf', outcome: { ok: true, layout }, extraction, ...meta, ...(pageImages ? { pageImages } : {}) };
}

type OcrOutcome =
  | { ok: true; pages: PositionedPage[]; engine: string; images?: Map<number, Uint8Array> }
  | { ok: false; reason: 'ocrRequired' | 'imageTooLarge' | 'ocrFailed'; message: string };

async function ocrPdfPages(bytes: Uint8Array, numbers: number[], options: ReadDocumentOptions): Promise<OcrOutcome> {
  const supplied = options.ocrPages;
  if (supplied && numbers.every((n) => supplied.some((p) => p.page === n))) {
    return { ok: true, pages: numbers.map((n) => supplied.find((p) => p.page === n)!), engine: 'textract' };
  }
  const engine = options.ocr;
  if (!engine) {
    return {
      ok: false,
      reason: 'ocrRequired',
      message: `第 ${numbers.join('、')} 页没有可用的文字层（扫描件），需要 OCR 识别，但未启用 OCR 引擎。`,
    };
  }
  try {
    const images = new Map<number, Uint8Array>();
    const pages = await mapLimit(numbers, options.config.ocrConcurrency, async (n) => {
      const image = await pageImage(bytes, n, { dpi: options.config.ocrDpi, maxPixels: options.config.maxPixels });
      const page = await engine.recognize(image, options.signal ? { signal: options.signal } : {});
      if (image.kind === 'encoded') images.set(n, image.bytes);
      return { ...page, page: n };
    });
    return { ok: true, pages, engine: engine.name, images };
  } catch (error) {
    return ocrFailure(error);
  }
}

/** A PNG, JPEG or TIFF: refused from its header when too large, else OCR'd as one page. */
export async function readImageDocument(bytes: Uint8Array, options: ReadDocumentOptions): Promise<DocumentRead> {
  const extraction: Extraction = { method: 'ocr', reader: 'image', pages: 1, ocrPages: [1] };
  const fail = (reason: 'ocrRequired' | 'imageTooLarge' | 'ocrFailed' | 'corrupt', message: string): DocumentRead => ({
    kind: 'image',
    outcome: unreadable(reason, message),
    extraction: { method: 'none', reader: 'image' },
  });
  try {
    const header = readImageHeader(bytes);
    if (header.width * header.height > options.config.maxPixels) {
      return fail(
        'imageTooLarge',
        `图片尺寸 ${header.width} × ${header.height} 像素，超过允许的 ${options.config.maxPixels} 像素上限，未解码。`,
      );
    }
  } catch (error) {
    return fail('corrupt', `图片文件已损坏或格式不受支持：${(error as Error).message}`);
  }
  const supplied = options.ocrPages?.find((p) => p.page === 1);
  if (supplied) {
    return {
      kind: 'image',
      outcome: { ok: true, layout: { lines: linesFromPages([supplied]) } },
      extraction: { ...extraction, ocrEngine: 'textract' },
    };
  }
  if (!options.ocr) return fail('ocrRequired', '图片需要 OCR 识别，但未启用 OCR 引擎。');
  try {
    const image: OcrImage = { kind: 'encoded', bytes };
    const page = await options.ocr.recognize(image, options.signal ? { signal: options.signal } : {});
    const confidence = meanConfidence([page]);
    return {
      kind: 'image',
      outcome: { ok: true, layout: { lines: linesFromPages([{ ...page, page: 1 }]) } },
      extraction: { ...extraction, ocrEngine: options.ocr.name, ...(confidence !== undefined ? { meanConfidence: confidence } : {}) },
      pageImages: new Map([[1, bytes]]),
    };
  } catch (error) {
    const failure = ocrFailure(error);
    if (failure.ok) throw error;
    return fail(failure.reason, failure.message);
  }
}

function ocrFailure(error: unknown): OcrOutcome {
  if (error instanceof ImageTooLargeError) {
    return {
      ok: false,
      reason: 'imageTooLarge',
      message: `页面图像 ${error.width} × ${error.height} 像素，超过允许的 ${error.maxPixels} 像素上限，未解码。`,
    };
  }
  if (error instanceof PageTooLargeError) {
    return {
      ok: false,
      reason: 'imageTooLarge',
      message: `页面图像共 ${error.pixels} 像素，超过允许的 ${error.maxPixels} 像素上限，未解码。`,
    };
  }
  if (error instanceof CorruptImageError || error instanceof UnsupportedImageError || error instanceof PageImageError) {
    return { ok: false, reason: 'ocrFailed', message: `页面图像无法解码：${error.message}` };
  }
  throw error;
}

function meanConfidence(pages: PositionedPage[]): number | undefined {
  const values = pages.flatMap((p) => p.words.map((w) => w.confidence)).filter((c): c is number => c !== undefined);
  if (values.length === 0) return undefined;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
}
