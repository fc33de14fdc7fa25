/**
 * A failure of the machinery (storage, OCR, Textract, SQS), not of the document. `retryable`
 * tells the edge whether trying the message again may help; the core lets these propagate.
 */
export class MachineryError extends Error {
  override readonly name: string = 'MachineryError';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
