import type { PositionedPage } from '../../../model/layout.ts';
import type { OcrEngine, OcrImage, OcrOptions } from '../../../ports/ocr-engine.ts';

/** The name results record for the local engine (`extraction.ocrEngine`). */
export const PADDLE_OCR_NAME = 'paddleocr-v4';

/**
 * The local engine, loaded on the first page it is asked to read: a batch without scans never
 * loads onnxruntime or the models.
 */
export function lazyLocalOcrEngine(options: { maxPixels: number }): OcrEngine {
  let engine: Promise<OcrEngine> | undefined;
  const load = async (): Promise<OcrEngine> => {
    const { createLocalOcrEngine } = await import('./local-ocr-engine.ts');
    return createLocalOcrEngine({ maxPixels: options.maxPixels });
  };
  return {
    name: PADDLE_OCR_NAME,
    async recognize(image: OcrImage, ocrOptions?: OcrOptions): Promise<PositionedPage> {
      engine ??= load();
      engine.catch(() => {
        engine = undefined;
      });
      return (await engine).recognize(image, ocrOptions);
    },
  };
}
