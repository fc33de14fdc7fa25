import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { configFromEnv } from '../../lib/config.ts';
import type { OcrEngine } from '../../lib/ports/ocr-engine.ts';
import { functionEnv, s3ClientFor, storesFor } from '../shared/aws-env.ts';
import { logger, metrics } from '../shared/observability.ts';
import { createProcessDocumentHandler, type ProcessDocumentDeps } from './process-batch.ts';

/** Deps from the environment; Textract's client is loaded only when GOUJI_OCR_ENGINE=textract. */
export function depsFromEnv(env: Record<string, string | undefined>, ocr?: OcrEngine): ProcessDocumentDeps {
  const config = configFromEnv(env);
  const own = functionEnv(env);
  const deps: ProcessDocumentDeps = {
    config,
    storeFor: storesFor(s3ClientFor(own)),
    logger,
    metrics,
    ...(ocr === undefined ? {} : { ocr }),
  };
  if (config.ocrEngine === 'textract') {
    const { GOUJI_TEXTRACT_TOPIC_ARN: snsTopicArn, GOUJI_TEXTRACT_ROLE_ARN: roleArn } = own;
    if (snsTopicArn === undefined || roleArn === undefined) {
      throw new Error('GOUJI_OCR_ENGINE=textract needs GOUJI_TEXTRACT_TOPIC_ARN and GOUJI_TEXTRACT_ROLE_ARN');
    }
    let textract: Promise<(document: { bucket: string; key: string; sha256: string }) => Promise<string>> | undefined;
    deps.startTextract = async (document) => {
      textract ??= (async () => {
        const [{ TextractClient }, { startAnalysis }] = await Promise.all([
          import('@aws-sdk/client-textract'),
          import('../../lib/adapters/ocr/textract/start-analysis.ts'),
        ]);
        const client = new TextractClient({});
        return (doc) => startAnalysis(client, { ...doc, snsTopicArn, roleArn });
      })();
      return (await textract)(document);
    };
  }
  return deps;
}

/** The middy handler: structured logs with the Lambda context, EMF metrics flushed per invocation. */
export function lambdaHandler(makeDeps: () => ProcessDocumentDeps) {
  let run: ((event: SQSEvent) => Promise<SQSBatchResponse>) | undefined;
  // Built on the first invocation so importing the module does no work.
  return middy((event: SQSEvent) => {
    run ??= createProcessDocumentHandler(makeDeps());
    return run(event);
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}
