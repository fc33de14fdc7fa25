// Before anything loads pdf.js (see the file).
import '../shared/dom-polyfills.ts';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { TextractClient } from '@aws-sdk/client-textract';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { blocksToPositionedPages } from '../../lib/adapters/ocr/textract/blocks-to-positioned-pages.ts';
import { getAllResults } from '../../lib/adapters/ocr/textract/get-all-results.ts';
import { configFromEnv } from '../../lib/config.ts';
import { functionEnv, s3ClientFor, storesFor } from '../shared/aws-env.ts';
import { logger, metrics } from '../shared/observability.ts';
import { createTextractCompleteHandler, type TextractCompleteDeps } from './process-batch.ts';

/** Wiring from the environment; built on the first invocation so importing does no work. */
function depsFromEnv(env: Record<string, string | undefined>): TextractCompleteDeps {
  const textract = new TextractClient({});
  return {
    config: configFromEnv(env),
    storeFor: storesFor(s3ClientFor(functionEnv(env))),
    logger,
    metrics,
    fetchPages: async (jobId) => blocksToPositionedPages(await getAllResults(textract, jobId)),
  };
}

let run: ((event: SQSEvent) => Promise<SQSBatchResponse>) | undefined;

/** SQS batch of Textract completions (via SNS) → the same results as process-document. */
export const handler = middy((event: SQSEvent) => {
  run ??= createTextractCompleteHandler(depsFromEnv(process.env));
  return run(event);
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
