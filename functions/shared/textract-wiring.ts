import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { TextractClient } from '@aws-sdk/client-textract';
import { DynamoJobLedger, type DynamoSender } from '../../lib/adapters/ledger/dynamodb-job-ledger.ts';
import { blocksToPositionedPages } from '../../lib/adapters/ocr/textract/blocks-to-positioned-pages.ts';
import { clientRequestToken, identityOfToken, jobIdentity } from '../../lib/adapters/ocr/textract/client-request-token.ts';
import { failureMessage, getAllResults } from '../../lib/adapters/ocr/textract/get-all-results.ts';
import { startAnalysis, type TextractSender } from '../../lib/adapters/ocr/textract/start-analysis.ts';
import type { TextractCompleteDeps } from '../../lib/ocr-jobs/complete-textract-job.ts';
import type { TextractStartDeps } from '../../lib/ocr-jobs/start-textract-job.ts';
import { StoreError } from '../../lib/ports/store-errors.ts';
import { type FunctionEnv, required } from './aws-env.ts';

/** Clients the Textract path talks to; the drill and tests pass their own doubles. */
export interface TextractClients {
  s3: S3Client;
  textract?: TextractSender;
  dynamo?: DynamoSender;
}

function ledgerOf(env: FunctionEnv, clients: TextractClients): DynamoJobLedger {
  const dynamo =
    clients.dynamo ?? new DynamoDBClient(env.GOUJI_DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: env.GOUJI_DYNAMODB_ENDPOINT });
  return new DynamoJobLedger(dynamo, required(env, 'GOUJI_JOB_TABLE'));
}

/** Starting jobs (process-document with GOUJI_OCR_ENGINE=textract). */
export function textractStartDeps(env: FunctionEnv, clients: TextractClients): TextractStartDeps {
  const textract = clients.textract ?? new TextractClient({});
  const snsTopicArn = required(env, 'GOUJI_TEXTRACT_TOPIC_ARN');
  const roleArn = required(env, 'GOUJI_TEXTRACT_ROLE_ARN');
  return {
    ledger: ledgerOf(env, clients),
    limits: { cap: env.GOUJI_TEXTRACT_MAX_OPEN_JOBS, perSecond: env.GOUJI_TEXTRACT_STARTS_PER_SECOND },
    identity: jobIdentity,
    token: clientRequestToken,
    stage: async (bucket, key, bytes) => {
      const put = await clients.s3
        .send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: 'application/pdf' }))
        .catch((error: unknown) => {
          const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
          throw new StoreError(`S3 PutObject ${key} failed: ${(error as Error).name}`, {
            cause: error,
            retryable: status === undefined || status >= 500,
          });
        });
      return put.VersionId === undefined ? {} : { versionId: put.VersionId };
    },
    start: (input) => startAnalysis(textract, { ...input, snsTopicArn, roleArn }),
    now: Date.now,
  };
}

/** Reading finished jobs (textract-complete). */
export function textractCompleteDeps(env: FunctionEnv, clients: TextractClients): TextractCompleteDeps {
  const textract = clients.textract ?? new TextractClient({});
  return {
    ledger: ledgerOf(env, clients),
    identityOfToken,
    fetchPages: async (jobId, signal) =>
      blocksToPositionedPages(await getAllResults(textract, jobId, signal === undefined ? {} : { signal })),
    failureMessage: (jobId, signal) => failureMessage(textract, jobId, signal),
    now: Date.now,
  };
}
