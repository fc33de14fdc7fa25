import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Config } from '../../lib/config.ts';
import type { PositionedPage } from '../../lib/model/layout.ts';
import type { DocumentStore } from '../../lib/ports/document-store.ts';
import { processStoredDocument } from '../../lib/process-stored-document.ts';
import { outputKeyFor } from '../../lib/result-keys.ts';
import { forEachRecord } from '../shared/batch.ts';
import { recordOutcome } from '../shared/observability.ts';
import { parseTextractCompletion } from '../shared/textract-notification.ts';

export interface TextractCompleteDeps {
  config: Config;
  storeFor(bucket: string): DocumentStore;
  logger: Logger;
  metrics: Metrics;
  /** every result page of a finished job, as positioned pages */
  fetchPages(jobId: string): Promise<PositionedPage[]>;
}

/** The SQS(SNS(Textract completion)) → results handler, before middy. */
export function createTextractCompleteHandler(deps: TextractCompleteDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const { config, logger, metrics } = deps;
  return (event) =>
    forEachRecord(event.Records, logger, async (record) => {
      const completion = parseTextractCompletion(record.body);
      const key = completion.DocumentLocation.S3ObjectName;
      const outputKey = outputKeyFor(key);
      if (outputKey === null) {
        logger.warn('Textract job for a key outside incoming/; ignored', { key, jobId: completion.JobId });
        return;
      }
      const started = Date.now();
      const succeeded = completion.Status === 'SUCCEEDED' || completion.Status === 'PARTIAL_SUCCESS';
      if (!succeeded)
        logger.warn('Textract job did not succeed; the result says so', { key, jobId: completion.JobId, status: completion.Status });
      const outcome = await processStoredDocument(deps.storeFor(completion.DocumentLocation.S3Bucket), key, {
        outputKey,
        config,
        // A failed job gives no pages: the core reports the scanned pages as unreadable.
        prepare: async () => (succeeded ? { defer: false, ocrPages: await deps.fetchPages(completion.JobId) } : { defer: false }),
      });
      recordOutcome(metrics, outcome, Date.now() - started);
      logger.info('document handled', {
        key,
        jobId: completion.JobId,
        outcome: outcome.outcome,
        ...(outcome.outcome === 'written' ? { status: outcome.result.status, resultKey: outcome.jsonKey } : {}),
      });
    });
}
