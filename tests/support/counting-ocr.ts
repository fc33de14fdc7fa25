import type { OcrEngine, OcrImage, OcrOptions } from '../../lib/ports/ocr-engine.ts';

/** A real engine behind a counter: proves whether a path OCR'd anything, without faking results. */
export function countingOcr(engine: OcrEngine): OcrEngine & { readonly calls: number } {
  let calls = 0;
  return {
    name: engine.name,
    get calls() {
      return calls;
    },
    recognize(image: OcrImage, options?: OcrOptions) {
      calls++;
      return engine.recognize(image, options);
    },
  };
}
