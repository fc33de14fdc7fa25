import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OcrImage } from '../../ports/ocr-engine.ts';
import { embeddedJpeg } from './embedded-jpeg.ts';
import { loadPdfJs, openPdf } from './pdfjs.ts';

/** A page image for OCR, with what is needed to map its pixel boxes back to the page's points. */
export type PageImage = OcrImage & {
  pixelWidth: number;
  pixelHeight: number;
  pageWidthPt: number;
  pageHeightPt: number;
};

/** A page whose image would be larger than allowed; raised before anything is allocated. */
export class ImageTooLargeError extends Error {
  readonly retryable = false;
  constructor(
    readonly pixels: number,
    readonly maxPixels: number,
    options?: { cause?: unknown },
  ) {
    super(`page image of ${pixels} pixels exceeds the limit of ${maxPixels}`, options);
    this.name = 'ImageTooLargeError';
  }
}

/** The page could not be opened or rendered. */
export class PageImageError extends Error {
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PageImageError';
  }
}

async function onlyOneImage(pdfPage: PDFPageProxy): Promise<boolean> {
  const { OPS } = await loadPdfJs();
  const ops = await pdfPage.getOperatorList();
  const images = ops.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length;
  return images === 1 && !ops.fnArray.includes(OPS.showText);
}

/**
 * An image of one page (1-based) for OCR: a scanned page's own JPEG when the page is just that
 * image, otherwise the page rendered at `dpi` as PNG. Refuses images over `maxPixels`.
 */
export async function pageImage(bytes: Uint8Array, page: number, options: { dpi: number; maxPixels: number }): Promise<PageImage> {
  const doc = await openPdf(bytes, { forRendering: true }).catch((cause: unknown) => {
    throw new PageImageError('cannot open the PDF', { cause });
  });
  try {
    if (!Number.isInteger(page) || page < 1 || page > doc.numPages) throw new PageImageError(`no page ${page}`);
    const pdfPage = await doc.getPage(page);
    const viewport = pdfPage.getViewport({ scale: 1 });
    const jpeg = embeddedJpeg(bytes, page);
    // A page with fonts may draw text over its image: only a font-less one is just the scan.
    if (jpeg !== undefined && (!jpeg.hasFonts || (await onlyOneImage(pdfPage)))) {
      if (jpeg.width * jpeg.height > options.maxPixels) throw new ImageTooLargeError(jpeg.width * jpeg.height, options.maxPixels);
      return {
        kind: 'encoded',
        bytes: jpeg.bytes,
        pixelWidth: jpeg.width,
        pixelHeight: jpeg.height,
        pageWidthPt: viewport.width,
        pageHeightPt: viewport.height,
      };
    }
    const scale = options.dpi / 72;
    const width = Math.ceil(viewport.width * scale);
    const height = Math.ceil(viewport.height * scale);
    if (width * height > options.maxPixels) throw new ImageTooLargeError(width * height, options.maxPixels);
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await pdfPage.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport: pdfPage.getViewport({ scale }),
    }).promise;
    const png = await canvas.encode('png');
    return {
      kind: 'encoded',
      bytes: new Uint8Array(png),
      pixelWidth: width,
      pixelHeight: height,
      pageWidthPt: viewport.width,
      pageHeightPt: viewport.height,
    };
  } catch (error) {
    if (error instanceof ImageTooLargeError || error instanceof PageImageError) throw error;
    throw new PageImageError(`cannot render page ${page}`, { cause: error });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
