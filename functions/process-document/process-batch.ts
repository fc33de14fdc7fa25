import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Config } from '../../lib/config.ts';
import type { DocumentStore } from '../../lib/ports/document-store.ts';
import type { OcrEngine } from '../../lib/ports/ocr-engine.ts';
import { pagesNeedingOcr } from '../../lib/process-document.ts';
import { type Preparation, processStoredDocument } from '../../lib/process-stored-document.ts';
import { outputKeyFor } from '../../lib/result-keys.ts';
import { forEachRecord } from '../shared/batch.ts';
import { recordOutcome } from '../shared/observability.ts';
import { parseS3Notification } from '../shared/s3-notification.ts';

export interface ProcessDocumentDeps {
  config: Config;
  storeFor(bucket: string): DocumentStore;
  logger: Logger;
  metrics: Metrics;
  /** the local engine (config.ocrEngine 'local') */
  ocr?: OcrEngine;
  /** starts an asynchronous Textract job (config.ocrEngine 'textract'); returns its JobId */
  startTextract?(document: { bucket: string; key: string; sha256: string }): Promise<string>;
}

/** The SQS(S3 ObjectCreated) → results handler, before middy. */
export function createProcessDocumentHandler(deps: ProcessDocumentDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const { config, logger, metrics } = deps;
  return (event) =>
    forEachRecord(event.Records, logger, async (record) => {
      for (const object of parseS3Notification(record.body)) {
        const outputKey = outputKeyFor(object.key);
        if (outputKey === null) {
          // The notification filter should make this impossible; never process our own outputs.
          logger.warn('key outside incoming/; ignored', { key: object.key });
          continue;
        }
        const started = Date.now();
        const startTextract = deps.startTextract;
        const prepare =
          config.ocrEngine === 'textract' && startTextract !== undefined
            ? async (document: Parameters<typeof pagesNeedingOcr>[0] & { sha256: string }): Promise<Preparation> => {
                const pages = await pagesNeedingOcr(document, config);
                if (pages.length === 0) return { defer: false };
                const jobId = await startTextract({ bucket: object.bucket, key: object.key, sha256: document.sha256 });
                return { defer: true, reason: `Textract job ${jobId} for pages ${pages.join(',')}` };
              }
            : undefined;
        const outcome = await processStoredDocument(deps.storeFor(object.bucket), object.key, {
          outputKey,
          config,
          ...(deps.ocr === undefined || config.ocrEngine !== 'local' ? {} : { ocr: deps.ocr }),
          ...(prepare === undefined ? {} : { prepare }),
        });
        recordOutcome(metrics, outcome, Date.now() - started);
        logger.info('document handled', {
          key: object.key,
          outcome: outcome.outcome,
          ...(outcome.outcome === 'written' ? { status: outcome.result.status, resultKey: outcome.jsonKey } : {}),
          ...(outcome.outcome === 'deferred' ? { reason: outcome.reason } : {}),
        });
      }
    });
}
