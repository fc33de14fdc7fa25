import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { configFromEnv } from '../../lib/config.ts';
import { depsFromEnv, lambdaHandler } from './wiring.ts';

/** The process-document handler with the local OCR engine (container image, `npm run local`). */
export const handler = lambdaHandler(() => {
  const config = configFromEnv(process.env);
  return depsFromEnv(process.env, createLocalOcrEngine({ maxPixels: config.maxPixels }));
});
