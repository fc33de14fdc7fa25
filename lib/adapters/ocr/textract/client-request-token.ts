import { createHash } from 'node:crypto';
import { TextractError } from './textract-error.ts';

// Textract: ClientRequestToken is 1–64 characters of ^[a-zA-Z0-9-_]+$ and JobTag 1–64 of
// [a-zA-Z0-9_.\-:]+; the token is both. The prefix names the request's shape, so a change of
// features starts new jobs rather than reusing old ones.
const PREFIX = 'g2-';
const IDENTITY_CHARS = 52;

/**
 * A document's identity for OCR jobs: its bytes, its key and its version. The same PDF under two
 * keys, or a key replaced by other bytes, is another identity, so Textract never sees one token
 * with two requests (IdempotentParameterMismatch).
 */
export function jobIdentity(document: { sha256: string; key: string; versionId?: string | undefined }): string {
  if (!/^[0-9a-fA-F]{64}$/.test(document.sha256)) {
    throw new TextractError('a document sha256 must be 64 hexadecimal characters', false);
  }
  const digest = createHash('sha256')
    .update(`${document.sha256.toLowerCase()}\n${document.key}\n${document.versionId ?? ''}`)
    .digest('hex');
  return PREFIX + digest.slice(0, IDENTITY_CHARS);
}

/**
 * The ClientRequestToken (and JobTag) of one attempt at a document: a retry of the same attempt
 * gets the same job back; a new attempt (after a FAILED job) is a new job.
 */
export function clientRequestToken(identity: string, attempt: number): string {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > 999) throw new TextractError(`attempt ${attempt} out of range`, false);
  return `${identity}-${attempt}`;
}

/** The identity a token (or JobTag) belongs to; null for a tag that is not one of ours. */
export function identityOfToken(token: string): string | null {
  const match = new RegExp(`^(${PREFIX}[0-9a-f]{${IDENTITY_CHARS}})-\\d{1,3}$`).exec(token);
  return match?.[1] ?? null;
}
