import { createHash } from 'node:crypto';

/** Hex sha256 of a document's bytes: its identity in results, Textract tokens and the current check. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
