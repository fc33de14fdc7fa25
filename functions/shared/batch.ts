import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { InvalidKeyError, ObjectNotFoundError } from '../../lib/ports/store-errors.ts';

/**
 * Runs each SQS record on its own and reports the ones that failed (ReportBatchItemFailures),
 * so SQS redelivers only those and, after maxReceiveCount, moves them to the DLQ.
 */
export async function forEachRecord(
  records: SQSRecord[],
  logger: Logger,
  run: (record: SQSRecord) => Promise<void>,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  // One at a time: a document can take most of the memory; the batch size bounds the work.
  for (const record of records) {
    try {
      await run(record);
    } catch (error) {
      if (isGone(error)) {
        // Deleted or unusable key: retrying cannot help, and it is not a document to report on.
        logger.warn('object cannot be read; skipped', { messageId: record.messageId, error: describe(error) });
        continue;
      }
      logger.error('record failed; SQS will retry it', { messageId: record.messageId, error: describe(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

function isGone(error: unknown): boolean {
  return error instanceof ObjectNotFoundError || error instanceof InvalidKeyError;
}

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { name: error.name, message: error.message, retryable: (error as { retryable?: unknown }).retryable };
}
