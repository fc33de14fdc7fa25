import { loadLocalEngine } from './local-engine.ts';
import { depsFromEnv, lambdaHandler } from './wiring.ts';

/**
 * SQS batch of S3 ObjectCreated notifications (prefix incoming/) → results/ JSON + HTML. Scanned
 * pages are read by the local engine (GOUJI_OCR_ENGINE=local, the default zip), sent to Textract
 * (textract) or reported unreadable (none).
 */
export const handler = lambdaHandler(() => depsFromEnv(process.env, { localEngine: loadLocalEngine }));
