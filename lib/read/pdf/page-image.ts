import type { OcrImage } from '../../ports/ocr-engine.ts';
import { embeddedJpeg } from './embedded-jpeg.ts';
import { withPdfDocument } from './pdfium.ts';

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

/**
 * An image of one page (1-based) for OCR: a scanned page's own JPEG when the page is just that
 * image, otherwise the page rendered at `dpi` (PNG, gray). Refuses images over `maxPixels`.
 */
export async function pageImage(bytes: Uint8Array, page: number, options: { dpi: number; maxPixels: number }): Promise<PageImage> {
  const rendered = await withPdfDocument(bytes, (doc) => {
    if (!Number.isInteger(page) || page < 1 || page > doc.pageCount) throw new PageImageError(`no page ${page}`);
    return doc.page(page, (pdfPage) => {
      const size = { pageWidthPt: pdfPage.width, pageHeightPt: pdfPage.height };
      const jpeg = embeddedJpeg(bytes, page);
      // A page with fonts may draw text over its image: only one without text is just the scan.
      if (jpeg !== undefined && (!jpeg.hasFonts || onlyOneImage(pdfPage.graphics()))) {
        if (jpeg.width * jpeg.height > options.maxPixels) throw new ImageTooLargeError(jpeg.width * jpeg.height, options.maxPixels);
        return { kind: 'jpeg' as const, jpeg, ...size };
      }
      const scale = options.dpi / 72;
      const pixels = Math.ceil(pdfPage.width * scale) * Math.ceil(pdfPage.height * scale);
      if (pixels > options.maxPixels) throw new ImageTooLargeError(pixels, options.maxPixels);
      return { kind: 'gray' as const, gray: pdfPage.renderGray(scale), ...size };
    });
  }).catch((error: unknown) => {
    if (error instanceof ImageTooLargeError || error instanceof PageImageError) throw error;
    throw new PageImageError(`cannot render page ${page}`, { cause: error });
  });
  const size = { pageWidthPt: rendered.pageWidthPt, pageHeightPt: rendered.pageHeightPt };
  if (rendered.kind === 'jpeg') {
    const { jpeg } = rendered;
    return { kind: 'encoded', bytes: jpeg.bytes, pixelWidth: jpeg.width, pixelHeight: jpeg.height, ...size };
  }
  const { data, width, height } = rendered.gray;
  const { default: sharp } = await import('sharp');
  const png = await sharp(data, { raw: { width, height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { kind: 'encoded', bytes: new Uint8Array(png), pixelWidth: width, pixelHeight: height, ...size };
}

function onlyOneImage(graphics: { images: number; texts: number }): boolean {
  return graphics.images === 1 && graphics.texts === 0;
}
