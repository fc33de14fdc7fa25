import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { applyStoredCorrections, withStoredCorrections } from '../../lib/archive/bucket-corrections.ts';
import { publishToDataset } from '../../lib/archive/bucket-dataset.ts';
import { outputKeyOfCorrections } from '../../lib/archive/corrections-layout.ts';
import type { Config } from '../../lib/config.ts';
import { startTextractJob, type TextractStartDeps } from '../../lib/ocr-jobs/start-textract-job.ts';
import type { DocumentStore } from '../../lib/ports/document-store.ts';
import type { OcrEngine } from '../../lib/ports/ocr-engine.ts';
import { processStoredDocument } from '../../lib/process-stored-document.ts';
import { outputKeyFor } from '../../lib/result-keys.ts';
import { processRecords } from '../shared/batch.ts';
import { recordOutcome } from '../shared/observability.ts';
import { parseS3Notification } from '../shared/s3-notification.ts';
import { WAITS_ATTRIBUTE, waitDelaySeconds, waitsOf } from '../shared/waits.ts';

export interface ProcessDocumentDeps {
  config: Config;
  storeFor(bucket: string): DocumentStore;
  logger: Logger;
  metrics: Metrics;
  /** the local engine (config.ocrEngine 'local') */
  ocr?: OcrEngine;
  /** the Textract path (config.ocrEngine 'textract') */
  textract?: TextractStartDeps;
  /** sends the record's body to this queue again after `delaySeconds`, with its wait count: a wait is not a failure */
  requeue?(record: SQSRecord, delaySeconds: number, waits: number): Promise<void>;
}

/** The SQS(S3 ObjectCreated) → results handler, before middy. */
export function createProcessDocumentHandler(deps: ProcessDocumentDeps): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const { config, logger, metrics } = deps;
  return (event, context) =>
    processRecords(event, context, logger, async (record, budget) => {
      for (const object of parseS3Notification(record.body)) {
        logger.appendKeys({ key: object.key });
        try {
          if (outputKeyOfCorrections(object.key) !== null) {
            // a reviewer's corrections: applied to the result they name, no document processed
            const applied = await applyStoredCorrections(deps.storeFor(object.bucket), object.key);
            logger.info('corrections handled', { outcome: applied.outcome, ...('reason' in applied ? { reason: applied.reason } : {}) });
            continue;
          }
          const outputKey = outputKeyFor(object.key);
          if (outputKey === null) {
            // The notification filter should make this impossible; never process our own outputs.
            logger.warn('key outside incoming/; ignored');
            continue;
          }
          const started = Date.now();
          const textract = config.ocrEngine === 'textract' ? deps.textract : undefined;
          const store = deps.storeFor(object.bucket);
          const outcome = await processStoredDocument(store, object.key, {
            outputKey,
            config,
            signal: budget.signal,
            // the bucket's dataset (results/dataset/) follows every result written
            afterWrite: (w) => publishToDataset(store, w.outputKey, w.result, w.previous),
            // corrections a reviewer stored for these bytes outlive a new reading of them
            revise: (result) => withStoredCorrections(store, outputKey, result),
            ...(deps.ocr === undefined || config.ocrEngine !== 'local' ? {} : { ocr: deps.ocr }),
            ...(textract === undefined
              ? {}
              : {
                  clearPending: true,
                  prepare: (document) =>
                    startTextractJob(textract, { ...document, bucket: object.bucket, key: object.key }, config, budget.signal),
                }),
          });
          recordOutcome(metrics, outcome, Date.now() - started);
          if (outcome.outcome === 'deferred' && outcome.wait !== undefined) {
            if (deps.requeue === undefined) throw new Error(`waiting on Textract (${outcome.reason}) needs a queue to wait in`);
            const waits = waitsOf(record) + 1;
            const delay = waitDelaySeconds(waits);
            await deps.requeue(record, delay, waits);
            logger.info('waiting for Textract; the message is back in the queue, no failure counted', {
              key: object.key,
              reason: outcome.reason,
              waits,
              delaySeconds: delay,
            });
            continue;
          }
          // the key again: a process running several invocations at once (the drill) shares the logger
          logger.info('document handled', {
            key: object.key,
            outcome: outcome.outcome,
            ...(outcome.outcome === 'written' ? { status: outcome.result.status, resultKey: outcome.jsonKey } : {}),
            ...(outcome.outcome === 'deferred' ? { reason: outcome.reason } : {}),
          });
        } finally {
          logger.removeKeys(['key']);
        }
      }
    });
}

export { WAITS_ATTRIBUTE };
