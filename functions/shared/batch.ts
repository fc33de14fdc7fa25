import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { InvalidKeyError, ObjectNotFoundError } from '../../lib/ports/store-errors.ts';

/** Left for writing the result and answering Lambda after a record's work is cut short. */
export const SAFETY_MARGIN_MS = 15_000;
/** A record is not started with less than this left: it goes back to the queue untouched. */
export const MIN_START_MS = 30_000;

/** The record was not started, or was cut short, because the invocation's time was nearly spent. */
export class OutOfTimeError extends Error {
  override readonly name = 'OutOfTimeError';
}

/** What a record's work gets: when to stop (the invocation's remaining time, less a margin). */
export interface RecordBudget {
  signal: AbortSignal;
}

/**
 * Runs the records of an SQS batch one after another with Powertools' BatchProcessor and reports
 * the ones that failed (ReportBatchItemFailures), so SQS redelivers only those. Each record gets
 * the time the invocation has left (`context.getRemainingTimeInMillis()`) less a margin; a record
 * that cannot start in time, or is cut short, goes back as a failure before Lambda's timeout.
 * A deleted object is no failure: there is nothing to report on and retrying cannot help.
 */
export async function processRecords(
  event: SQSEvent,
  context: Context,
  logger: Logger,
  run: (record: SQSRecord, budget: RecordBudget) => Promise<void>,
): Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const handle = async (record: SQSRecord): Promise<void> => {
    const remaining = context.getRemainingTimeInMillis();
    if (remaining < MIN_START_MS) {
      logger.warn('not started: the invocation is nearly out of time; SQS will redeliver it', {
        messageId: record.messageId,
        remainingMs: remaining,
      });
      throw new OutOfTimeError(`${remaining} ms left`);
    }
    const budget = AbortSignal.timeout(remaining - SAFETY_MARGIN_MS);
    try {
      await run(record, { signal: budget });
    } catch (error) {
      if (error instanceof ObjectNotFoundError || error instanceof InvalidKeyError) {
        logger.warn('object cannot be read; skipped', { messageId: record.messageId, error: describe(error) });
        return;
      }
      const outOfTime = budget.aborted;
      logger.error(outOfTime ? 'cut short by the invocation time; SQS will redeliver it' : 'record failed; SQS will retry it', {
        messageId: record.messageId,
        error: describe(error),
      });
      throw outOfTime ? new OutOfTimeError('cut short', { cause: error }) : error;
    }
  };
  // One record at a time: a document can take most of the memory; the batch size bounds the work.
  return processPartialResponse(event, handle, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
}

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { name: error.name, message: error.message, ...('retryable' in error ? { retryable: error.retryable } : {}) };
}
