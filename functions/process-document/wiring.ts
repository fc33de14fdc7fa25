import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { configFromEnv } from '../../lib/config.ts';
import type { OcrEngine } from '../../lib/ports/ocr-engine.ts';
import { functionEnv, required, s3ClientFor, storesFor } from '../shared/aws-env.ts';
import { logger, metrics } from '../shared/observability.ts';
import { type TextractClients, textractStartDeps } from '../shared/textract-wiring.ts';
import { WAITS_ATTRIBUTE } from '../shared/waits.ts';
import { createProcessDocumentHandler, type ProcessDocumentDeps } from './process-batch.ts';

export type SqsSender = Pick<SQSClient, 'send'>;

/** Clients for the handler; the drill and tests pass doubles of what cannot run here. */
export interface ProcessClients extends Partial<TextractClients> {
  sqs?: SqsSender;
  /** loads the local engine; absent in the zip without it (handler-without-ocr.ts) */
  localEngine?: (maxPixels: number) => Promise<OcrEngine>;
}

/** Deps from the environment: the local engine is loaded only for GOUJI_OCR_ENGINE=local, Textract only for textract. */
export async function depsFromEnv(env: Record<string, string | undefined>, clients: ProcessClients = {}): Promise<ProcessDocumentDeps> {
  const config = configFromEnv(env);
  const own = functionEnv(env);
  const s3 = clients.s3 ?? s3ClientFor(own);
  const deps: ProcessDocumentDeps = { config, storeFor: storesFor(s3), logger, metrics };
  if (config.ocrEngine === 'local') {
    if (clients.localEngine === undefined)
      throw new Error('this function has no local OCR engine: set GOUJI_OCR_ENGINE to textract or none');
    deps.ocr = await clients.localEngine(config.maxPixels);
  }
  if (config.ocrEngine === 'textract') {
    deps.textract = textractStartDeps(own, { ...clients, s3 });
    const sqs = clients.sqs ?? new SQSClient({});
    const queueUrl = required(own, 'GOUJI_INCOMING_QUEUE_URL');
    deps.requeue = async (record, delaySeconds, waits) => {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: record.body,
          DelaySeconds: delaySeconds,
          MessageAttributes: { [WAITS_ATTRIBUTE]: { DataType: 'Number', StringValue: String(waits) } },
        }),
      );
    };
  }
  return deps;
}

/** The middy handler: structured logs with the Lambda context, EMF metrics flushed per invocation. */
export function lambdaHandler(makeDeps: () => Promise<ProcessDocumentDeps>) {
  let run: Promise<(event: SQSEvent, context: Context) => Promise<SQSBatchResponse>> | undefined;
  // Built on the first invocation so importing the module does no work.
  return middy(async (event: SQSEvent, context: Context) => {
    run ??= makeDeps().then(createProcessDocumentHandler);
    return (await run)(event, context);
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}
