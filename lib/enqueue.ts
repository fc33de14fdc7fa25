import { S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { S3DocumentStore } from './adapters/s3-document-store.ts';
import { MachineryError } from './ports/machinery-error.ts';
import { StoreError } from './ports/store-errors.ts';
import { INPUT_PREFIX, isCurrentResult, jsonKeyOf, outputKeyFor } from './result-keys.ts';

export interface EnqueueArgs {
  s3: S3Client;
  sqs: SQSClient;
  bucket: string;
  /** must lie under incoming/ (default incoming/) */
  prefix?: string;
  queueUrl: string;
}

export interface EnqueueSummary {
  /** keys sent to the queue */
  enqueued: string[];
  /** keys whose result is current (same ETag recorded) */
  skipped: string[];
}

/** SQS refused some messages of a batch (SendMessageBatch `Failed`). */
export class EnqueueError extends MachineryError {
  override readonly name = 'EnqueueError';
}

/** Encodes a key the way S3 does in notifications (form encoding, `/` kept). */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}

/** The body S3 would send for a created object: what the process-document handler parses. */
export function objectCreatedMessage(bucket: string, key: string, size: number, etag: string | undefined): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'gouji-backfill',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeS3Key(key), size, ...(etag === undefined ? {} : { eTag: etag }) },
        },
      },
    ],
  });
}

/**
 * Backfill (`gouji enqueue s3://bucket/prefix --queue-url URL`): sends one S3-notification-shaped
 * message per object under the prefix, skipping objects whose result JSON records the same ETag.
 */
export async function enqueueExisting(args: EnqueueArgs): Promise<EnqueueSummary> {
  const prefix = args.prefix ?? INPUT_PREFIX;
  if (!prefix.startsWith(INPUT_PREFIX)) throw new EnqueueError(`prefix must lie under ${INPUT_PREFIX}: ${prefix}`, false);
  const store = new S3DocumentStore(args.s3, args.bucket);
  const summary: EnqueueSummary = { enqueued: [], skipped: [] };
  let batch: { key: string; body: string }[] = [];

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const entries = batch.map((message, index) => ({ Id: String(index), MessageBody: message.body }));
    const response = await args.sqs
      .send(new SendMessageBatchCommand({ QueueUrl: args.queueUrl, Entries: entries }))
      .catch((error: unknown) => {
        throw new EnqueueError(`SQS SendMessageBatch failed: ${(error as Error).name}`, true, { cause: error });
      });
    const failed = response.Failed ?? [];
    if (failed.length > 0) {
      const first = failed[0];
      throw new EnqueueError(
        `SQS refused ${failed.length} of ${entries.length} messages (${first?.Code ?? 'unknown'})`,
        first?.SenderFault !== true,
      );
    }
    summary.enqueued.push(...batch.map((message) => message.key));
    batch = [];
  };

  try {
    for await (const object of store.list(prefix)) {
      const outputKey = outputKeyFor(object.key);
      if (outputKey === null) continue; // a "folder" placeholder
      const result = await store.head(jsonKeyOf(outputKey));
      if (result !== null && object.etag !== undefined && isCurrentResult(result.metadata, { etag: object.etag })) {
        summary.skipped.push(object.key);
        continue;
      }
      batch.push({ key: object.key, body: objectCreatedMessage(args.bucket, object.key, object.size, object.etag) });
      if (batch.length === 10) await flush(); // SendMessageBatch takes at most 10 entries
    }
    await flush();
  } catch (error) {
    if (error instanceof StoreError) throw new EnqueueError(error.message, error.retryable, { cause: error });
    throw error;
  }
  return summary;
}

export interface RunEnqueueArgs {
  bucket: string;
  /** '' means all of incoming/ */
  prefix: string;
  queueUrl: string;
  region?: string;
  /** an S3-compatible endpoint (path-style), e.g. the one of `npm run local` */
  endpoint?: string;
  log?: (line: string) => void;
}

/** `gouji enqueue s3://bucket/prefix --queue-url URL` with parsed arguments: builds the clients and runs enqueueExisting. */
export async function runEnqueue(args: RunEnqueueArgs): Promise<{ sent: number; skipped: number }> {
  const region = args.region === undefined ? {} : { region: args.region };
  const s3 = new S3Client({
    ...region,
    ...(args.endpoint === undefined
      ? {}
      : {
          endpoint: args.endpoint,
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }),
  });
  const sqs = new SQSClient(region);
  try {
    const summary = await enqueueExisting({
      s3,
      sqs,
      bucket: args.bucket,
      prefix: args.prefix === '' ? INPUT_PREFIX : args.prefix,
      queueUrl: args.queueUrl,
    });
    for (const key of summary.enqueued) args.log?.(`→ ${key}`);
    return { sent: summary.enqueued.length, skipped: summary.skipped.length };
  } finally {
    s3.destroy();
    sqs.destroy();
  }
}
