import { MachineryError } from '../../../ports/machinery-error.ts';
/** A Textract call failed; `retryable` tells the edge whether trying the message again may help. */
export class TextractError extends MachineryError {
  override readonly name = 'TextractError';
}

// Textract's throttling answers (API reference, "Errors" of StartDocumentAnalysis / GetDocumentAnalysis)
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'LimitExceededException', 'ThrottlingException']);
const TRANSIENT = new Set(['InternalServerError', 'ServiceUnavailableException', 'RequestTimeout', 'TimeoutError']);

/** True for the errors Textract documents as "slow down and try again". */
export function isThrottling(error: unknown): boolean {
  return error instanceof Error && THROTTLING.has(error.name);
}

/** Wraps any failure of a Textract call in a TextractError with the right `retryable` flag. */
export function toTextractError(action: string, error: unknown): TextractError {
  if (error instanceof TextractError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  const retryable = isThrottling(error) || TRANSIENT.has(name) || (status !== undefined && status >= 500);
  const detail = error instanceof Error ? error.message : String(error);
  return new TextractError(`Textract ${action} failed: ${name}: ${detail}`, retryable, { cause: error });
}
