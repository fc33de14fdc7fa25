// Before anything loads pdf.js (see the file).
import '../shared/dom-polyfills.ts';
import { depsFromEnv, lambdaHandler } from './wiring.ts';

/** The local engine, loaded on the first invocation that needs it (models load on the first page). */
async function localEngine(maxPixels: number) {
  const { createLocalOcrEngine } = await import('../../lib/adapters/ocr/paddle/local-ocr-engine.ts');
  return createLocalOcrEngine({ maxPixels });
}

/**
 * SQS batch of S3 ObjectCreated notifications (prefix incoming/) → results/ JSON + HTML. Scanned
 * pages are read by the local engine (GOUJI_OCR_ENGINE=local, the default zip), sent to Textract
 * (textract) or reported unreadable (none).
 */
export const handler = lambdaHandler(() => depsFromEnv(process.env, { localEngine }));
