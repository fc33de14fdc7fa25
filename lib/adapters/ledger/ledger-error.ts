import { MachineryError } from '../../ports/machinery-error.ts';

const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
]);

/** The job ledger could not be read or written; throttling and 5xx are worth a retry. */
export class LedgerError extends MachineryError {
  override readonly name = 'LedgerError';

  static of(action: string, error: unknown): LedgerError {
    const name = error instanceof Error ? error.name : 'Error';
    const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
    const retryable = TRANSIENT.has(name) || status === undefined || status >= 500;
    return new LedgerError(`DynamoDB ${action} failed: ${name}: ${(error as Error)?.message ?? String(error)}`, retryable, {
      cause: error,
    });
  }
}
