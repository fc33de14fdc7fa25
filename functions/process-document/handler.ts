// Before anything loads pdf.js (see the file).
import '../shared/dom-polyfills.ts';
import { depsFromEnv, lambdaHandler } from './wiring.ts';

/**
 * SQS batch of S3 ObjectCreated notifications (prefix incoming/) → results/ JSON + HTML.
 * The zip function: scanned pages go to Textract (GOUJI_OCR_ENGINE=textract) or are reported
 * unreadable; the local engine lives in handler-local-ocr.ts (container image).
 */
export const handler = lambdaHandler(() => depsFromEnv(process.env));
