/** The OCR machinery failed (models missing, runtime error); not a problem of the document. */
export class OcrError extends Error {
  override readonly name = 'OcrError';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
