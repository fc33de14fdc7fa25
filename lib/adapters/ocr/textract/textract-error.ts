import { OcrError } from '../../../ports/ocr-error.ts';

/**
 * A Textract call failed; `retryable` tells the edge whether trying the message again may help,
 * `quota` that Textract said "too many" (request rate or open jobs): wait, which is no failure.
 */
export class TextractError extends OcrError {
  override readonly name = 'TextractError';
  readonly quota: boolean;
  constructor(message: string, retryable: boolean, options: { cause?: unknown; quota?: boolean } = {}) {
    super(message, retryable, options.cause === undefined ? undefined : { cause: options.cause });
    this.quota = options.quota ?? false;
  }
}

// Textract's quota answers (API reference, "Errors" of StartDocumentAnalysis / GetDocumentAnalysis):
// the request rate (ProvisionedThroughputExceeded, Throttling) and the open-job limit (LimitExceeded).
const QUOTA = new Set(['ProvisionedThroughputExceededException', 'LimitExceededException', 'ThrottlingException']);
const TRANSIENT = new Set(['InternalServerError', 'ServiceUnavailableException', 'RequestTimeout', 'TimeoutError']);

/** True for the errors Textract documents as "slow down and try again". */
export function isThrottling(error: unknown): boolean {
  return error instanceof Error && QUOTA.has(error.name);
}

/** Wraps any failure of a Textract call in a TextractError with the right `retryable` and `quota` flags. */
export function toTextractError(action: string, error: unknown): TextractError {
  if (error instanceof TextractError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  const quota = isThrottling(error);
  const retryable = quota || TRANSIENT.has(name) || (status !== undefined && status >= 500);
  const detail = error instanceof Error ? error.message : String(error);
  return new TextractError(`Textract ${action} failed: ${name}: ${detail}`, retryable, { cause: error, quota });
}
