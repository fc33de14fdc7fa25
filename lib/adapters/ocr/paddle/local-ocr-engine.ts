import { availableParallelism } from 'node:os';
import { mapLimit } from '../../../map-limit.ts';
import type { PositionedPage, PositionedWord } from '../../../model/layout.ts';
import type { OcrEngine, OcrImage, OcrOptions } from '../../../ports/ocr-engine.ts';
import { findRulings } from '../../../read/image/find-rulings.ts';
import type { GrayImage } from '../../../read/image/gray-image.ts';
import { CorruptImageError, ImageTooLargeError } from '../../../read/image/image-errors.ts';
import { DEFAULT_MAX_PIXELS, deskewImage, readImageFile } from '../../../read/image/read-image-file.ts';
import { centredIn, uncoveredCellInk } from '../../../read/image/uncovered-cell-ink.ts';
import { uncoveredFigures } from '../../../read/image/uncovered-figures.ts';
import { detectText } from './detect-text.ts';
import { PADDLE_OCR_NAME } from './lazy-local-ocr.ts';
import { loadPaddleModels } from './paddle-models.ts';
import { recognizeText } from './recognize-text.ts';
import { isSureFigure, reread, secondLooks } from './second-look.ts';
import { boxInk, pageInk, splitAtGaps } from './split-at-gaps.ts';
import { eraseRulings, splitAtRulings } from './split-at-rulings.ts';
import { missedWords, wordsFromText } from './words-from-text.ts';

export interface LocalOcrOptions {
  /** onnxruntime threads per inference; keep 1 and run pages in parallel (default 1) */
  threads?: number;
  /** longest side of the page as the text detector sees it (default 1280; recognition still reads full resolution) */
  detectionMaxSide?: number;
  /** refuse larger images before decoding (Config.maxPixels) */
  maxPixels?: number;
}

export interface LocalOcrEngine extends OcrEngine {
  /** Recognises several pages, at most `concurrency` at a time (default: the cores available), results in order. */
  recognizeMany(images: OcrImage[], options?: OcrOptions & { concurrency?: number }): Promise<PositionedPage[]>;
}

/**
 * The local engine: PaddleOCR v4 (PP-OCRv4 det + rec, Chinese) on onnxruntime-node, with the
 * page straightened and its table rulings found first. Models load on the first page and are
 * shared by every engine of the process; `recognize` may be called for several pages at once.
 */
export function createLocalOcrEngine(options: LocalOcrOptions = {}): LocalOcrEngine {
  const threads = options.threads ?? 1;
  const maxSide = options.detectionMaxSide ?? 1280;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;

  async function recognize(image: OcrImage, ocrOptions: OcrOptions = {}): Promise<PositionedPage> {
    const signal = ocrOptions.signal;
    signal?.throwIfAborted();
    const page = image.kind === 'encoded' ? await readImageFile(image.bytes, { maxPixels }) : await rawPage(image, maxPixels);
    const models = await loadPaddleModels({ threads });
    signal?.throwIfAborted();
    const rulings = findRulings(page);
    const clean: GrayImage = { ...page, data: eraseRulings(page, rulings, Math.max(2, page.width / 600)) };
    const ink = pageInk(clean);
    // a box over figures of several unruled columns is read piece by piece (the page's text height
    // tells a wide blank from the space after a comma)
    const detected = (await detectText(models.detection, clean, { maxSide })).flatMap((box) => splitAtRulings(box, rulings));
    const inks = detected.map((box) => boxInk(box, clean, ink));
    const glyph = median(inks.map((i) => i.height).filter((h) => h > 0));
    const boxes = detected.flatMap((box, index) => splitAtGaps(box, inks[index]!, glyph));
    signal?.throwIfAborted();
    const lines = await recognizeText(models.recognition, models.characters, clean, boxes);
    // what read as nothing, as stray letters or from part of a character is read again
    const looks = secondLooks(lines, boxes, clean, ink, glyph);
    await reread(lines, boxes, looks, (again, padded) =>
      recognizeText(models.recognition, models.characters, clean, again, { minRatio: padded ? 3 : 0 }),
    );
    const read = lines.map(wordsFromText);
    // The detector sees no text in a lone character in a tall cell (a bare "1"), or boxes only its
    // middle, which reads as nothing or as something else: read the ink of such cells whole.
    const withText = boxes.filter((_, index) => read[index]!.length > 0);
    const missed = uncoveredCellInk(clean, rulings, withText);
    signal?.throwIfAborted();
    // padded like PaddleOCR pads short words: cropped tight, a dash reads as "1" (padding every box costs 20 %)
    const found = await recognizeText(models.recognition, models.characters, clean, missed.boxes, { minRatio: 3 });
    const superseded = new Set(
      missed.fragments.map((index) => withText[index]!).filter((box) => missed.boxes.some((cell) => centredIn(box, cell))),
    );
    // and a lone figure the detector missed where no rule boxes it in (an unruled table's “7”)
    const marks = uncoveredFigures(clean, [...withText, ...missed.boxes], glyph);
    const figures = (await recognizeText(models.recognition, models.characters, clean, marks, { minRatio: 3 })).filter(isSureFigure);
    const words: PositionedWord[] = [
      ...read.flatMap((lineWords, index) => (superseded.has(boxes[index]!) ? [] : lineWords)),
      ...found.flatMap(missedWords),
      ...figures.flatMap(wordsFromText),
    ];
    words.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
    return { page: 1, width: page.width, height: page.height, unit: 'px', words, rulings };
  }

  async function recognizeMany(images: OcrImage[], manyOptions: OcrOptions & { concurrency?: number } = {}): Promise<PositionedPage[]> {
    const concurrency = manyOptions.concurrency ?? availableParallelism();
    return mapLimit(images, concurrency, async (image, index) => {
      const page = await recognize(image, manyOptions.signal ? { signal: manyOptions.signal } : {});
      return { ...page, page: index + 1 };
    });
  }

  return { name: PADDLE_OCR_NAME, recognize, recognizeMany };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
}

async function rawPage(image: Extract<OcrImage, { kind: 'raw' }>, maxPixels: number): Promise<GrayImage> {
  const { width, height, channels, data } = image;
  if (width * height > maxPixels) throw new ImageTooLargeError(width, height, maxPixels);
  if (data.length < width * height * channels) {
    throw new CorruptImageError(`raw image holds ${data.length} bytes, not ${width} × ${height} × ${channels}`);
  }
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) {
    // ITU-R 601 luma for colour input; alpha ignored
    gray[i] = channels === 1 ? data[i]! : 0.299 * data[i * channels]! + 0.587 * data[i * channels + 1]! + 0.114 * data[i * channels + 2]!;
  }
  return deskewImage({ data: gray, width, height });
}
