import { readFileSync } from 'node:fs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { encodeS3Key } from '../../functions/shared/s3-notification.ts';

const eventsDir = new URL('../../events/', import.meta.url);

/** A sample event from events/, parsed. */
export function loadEvent<T = SQSEvent>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, eventsDir), 'utf8')) as T;
}

let counter = 0;

/** The SQS record S3 would deliver for an object created in `bucket`, built from the sample event. */
export function s3PutRecord(bucket: string, key: string, object: { size: number; etag?: string }): SQSRecord {
  const sample = loadEvent('sqs-s3-put-chinese-key.json').Records[0] as SQSRecord;
  const body = JSON.parse(sample.body) as { Records: { s3: { bucket: { name: string; arn: string }; object: Record<string, unknown> } }[] };
  const record = body.Records[0];
  if (record === undefined) throw new Error('sample event has no record');
  record.s3.bucket = { ...record.s3.bucket, name: bucket, arn: `arn:aws:s3:::${bucket}` };
  record.s3.object = {
    key: encodeS3Key(key),
    size: object.size,
    ...(object.etag === undefined ? {} : { eTag: object.etag }),
    sequencer: '0055AED6DCD90281E5',
  };
  counter += 1;
  return { ...sample, messageId: `msg-${counter}-${key}`, body: JSON.stringify(body) };
}

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** Enough of a Lambda context for Powertools' logger. */
export const lambdaContext: Context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'gouji-process-document',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:gouji-process-document',
  memoryLimitInMB: '2048',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/gouji-process-document',
  logStreamName: '2024/03/18/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 300_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};
