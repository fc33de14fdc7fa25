import { TextractError } from './textract-error.ts';

// Textract: ClientRequestToken is 1–64 characters of ^[a-zA-Z0-9-_]+$; the prefix names the
// request's shape so that a future change of features starts a new job rather than reusing one
const PREFIX = 'g1-';

/** The idempotency token of a document's analysis: the same sha256 always gives the same token. */
export function clientRequestToken(sha256: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(sha256)) {
    throw new TextractError('a document sha256 must be 64 hexadecimal characters', false);
  }
  return PREFIX + sha256.toLowerCase().slice(0, 64 - PREFIX.length);
}
