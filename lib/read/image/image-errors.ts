/**
 * Why an image could not be read. The core turns each into an unreadable finding
 * (`imageTooLarge`, `unsupported`, `corrupt`); none is worth retrying.
 */
export class ImageTooLargeError extends Error {
  override readonly name = 'ImageTooLargeError';
  readonly retryable = false;
  constructor(
    readonly width: number,
    readonly height: number,
    readonly maxPixels: number,
  ) {
    super(`image of ${width} × ${height} pixels exceeds the limit of ${maxPixels} pixels`);
  }
}

export class UnsupportedImageError extends Error {
  override readonly name = 'UnsupportedImageError';
  readonly retryable = false;
}

export class CorruptImageError extends Error {
  override readonly name = 'CorruptImageError';
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
