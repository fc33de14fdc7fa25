import { depsFromEnv, lambdaHandler } from './wiring.ts';

/**
 * The process-document handler of the Textract stack (`-c ocr=textract`): scanned pages go to
 * Textract (or are reported unreadable with GOUJI_OCR_ENGINE=none). It leaves the local engine
 * out, so its zip needs no onnxruntime, sharp binaries or models.
 */
export const handler = lambdaHandler(() => depsFromEnv(process.env));
