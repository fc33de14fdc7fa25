import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { withStoredCorrections } from '../../lib/archive/bucket-corrections.ts';
import { publishToDataset } from '../../lib/archive/bucket-dataset.ts';
import type { Config } from '../../lib/config.ts';
import { type TextractCompleteDeps as JobDeps, planCompletion, recordCompletion } from '../../lib/ocr-jobs/complete-textract-job.ts';
import type { DocumentStore } from '../../lib/ports/document-store.ts';
import { processStoredDocument } from '../../lib/process-stored-document.ts';
import { outputKeyFor, RETRY_LATER_RULES } from '../../lib/result-keys.ts';
import { processRecords } from '../shared/batch.ts';
import { recordOutcome } from '../shared/observability.ts';
import { parseTextractCompletion } from '../shared/textract-notification.ts';

export interface TextractCompleteDeps {
  config: Config;
  storeFor(bucket: string): DocumentStore;
  logger: Logger;
  metrics: Metrics;
  jobs: JobDeps;
}

/** The SQS(SNS(Textract completion)) → results handler, before middy. */
export function createTextractCompleteHandler(
  deps: TextractCompleteDeps,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const { config, logger, metrics } = deps;
  return (event, context) =>
    processRecords(event, context, logger, async (record, budget) => {
      const completion = parseTextractCompletion(record.body);
      const plan = await planCompletion(
        deps.jobs,
        { jobId: completion.JobId, status: completion.Status, jobTag: completion.JobTag },
        budget.signal,
      );
      if (plan.action === 'ignore') {
        logger.warn('Textract completion ignored', { jobId: completion.JobId, why: plan.why });
        return;
      }
      const { key, bucket } = plan.record;
      logger.appendKeys({ key });
      try {
        const outputKey = outputKeyFor(key);
        if (outputKey === null) {
          logger.warn('Textract job for a key outside incoming/; ignored', { jobId: completion.JobId });
          return;
        }
        const started = Date.now();
        const store = deps.storeFor(bucket);
        const outcome = await processStoredDocument(store, key, {
          outputKey,
          config,
          signal: budget.signal,
          clearPending: true,
          afterWrite: (w) => publishToDataset(store, w.outputKey, w.result, w.previous),
          revise: (result) => withStoredCorrections(store, outputKey, result),
          prepare: plan.prepare,
        });
        recordOutcome(metrics, outcome, Date.now() - started);
        if (outcome.outcome !== 'deferred') {
          const failed = outcome.result.findings.some((f) => RETRY_LATER_RULES.includes(f.rule));
          await recordCompletion(deps.jobs, plan.record, failed ? 'failed' : 'done');
        }
        logger.info('document handled', {
          key,
          jobId: completion.JobId,
          textractStatus: completion.Status,
          outcome: outcome.outcome,
          ...(outcome.outcome === 'written' ? { status: outcome.result.status, resultKey: outcome.jsonKey } : {}),
          ...(outcome.outcome === 'deferred' ? { reason: outcome.reason } : {}),
        });
      } finally {
        logger.removeKeys(['key']);
      }
    });
}
