import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { configFromEnv } from '../../lib/config.ts';
import { functionEnv, s3ClientFor, storesFor } from '../shared/aws-env.ts';
import { logger, metrics } from '../shared/observability.ts';
import { type TextractClients, textractCompleteDeps } from '../shared/textract-wiring.ts';
import { createTextractCompleteHandler, type TextractCompleteDeps } from './process-batch.ts';

/** Wiring from the environment; the drill passes doubles of the clients that cannot run here. */
export function depsFromEnv(env: Record<string, string | undefined>, clients: Partial<TextractClients> = {}): TextractCompleteDeps {
  const own = functionEnv(env);
  const s3 = clients.s3 ?? s3ClientFor(own);
  return { config: configFromEnv(env), storeFor: storesFor(s3), logger, metrics, jobs: textractCompleteDeps(own, { ...clients, s3 }) };
}

/** The middy handler around deps built on the first invocation (importing does no work). */
export function completeHandler(makeDeps: () => TextractCompleteDeps) {
  let run: ((event: SQSEvent, context: Context) => Promise<SQSBatchResponse>) | undefined;
  return middy((event: SQSEvent, context: Context) => {
    run ??= createTextractCompleteHandler(makeDeps());
    return run(event, context);
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}

/** SQS batch of Textract completions (via SNS) → the same results as process-document. */
export const handler = completeHandler(() => depsFromEnv(process.env));
