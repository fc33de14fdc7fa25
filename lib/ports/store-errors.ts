import { MachineryError } from './machinery-error.ts';

/**
 * Failures of a document store. The Lambda edge fails the SQS record when `retryable` is true
 * (SQS redelivers, then the DLQ); a non-retryable one is a problem of the object or key itself.
 */
export class StoreError extends MachineryError {
  override readonly name: string = 'StoreError';
  constructor(message: string, options: { cause?: unknown; retryable: boolean }) {
    super(message, options.retryable, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** The object is larger than the configured limit; refused before (or while) downloading. */
export class ObjectTooLargeError extends StoreError {
  override readonly name = 'ObjectTooLargeError';
  constructor(
    readonly key: string,
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`object ${key} is ${size} bytes, over the limit of ${maxBytes}`, { retryable: false });
  }
}

/** No object under that key (deleted after the notification, or a typo). */
export class ObjectNotFoundError extends StoreError {
  override readonly name = 'ObjectNotFoundError';
  constructor(
    readonly key: string,
    cause?: unknown,
  ) {
    super(`no object ${key}`, { cause, retryable: false });
  }
}

/** A key that would escape the store's root (`..`, absolute, empty, NUL). */
export class InvalidKeyError extends StoreError {
  override readonly name = 'InvalidKeyError';
  constructor(readonly key: string) {
    super(`invalid key ${JSON.stringify(key)}`, { retryable: false });
  }
}
