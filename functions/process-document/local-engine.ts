import type { OcrEngine } from '../../lib/ports/ocr-engine.ts';

/** The local engine, loaded on the first invocation that needs it (models load on the first page). */
export async function loadLocalEngine(maxPixels: number): Promise<OcrEngine> {
  const { createLocalOcrEngine } = await import('../../lib/adapters/ocr/paddle/local-ocr-engine.ts');
  return createLocalOcrEngine({ maxPixels });
}
