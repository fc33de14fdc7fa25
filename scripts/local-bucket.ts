// `npm run local`: a local S3 (s3rver) with a bucket; every object dropped under incoming/ is run
// through the process-document handler with an SQS event shaped like S3's notification.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import S3rver from 's3rver';
import { objectCreatedMessage } from '../lib/enqueue.ts';
import { INPUT_PREFIX, OUTPUT_PREFIX } from '../lib/result-keys.ts';

const bucket = process.env['GOUJI_LOCAL_BUCKET'] ?? 'gouji-local';
const port = Number(process.env['GOUJI_LOCAL_PORT'] ?? 4569);
const directory = process.env['GOUJI_LOCAL_DIR'] ?? join(tmpdir(), 'gouji-local-bucket');
const endpoint = `http://127.0.0.1:${port}`;

await mkdir(directory, { recursive: true });
const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
await server.run();

// The handler reads these on its first invocation (functions/shared/aws-env.ts, lib/config.ts).
process.env['GOUJI_S3_ENDPOINT'] = endpoint;
process.env['AWS_REGION'] ??= 'us-east-1';
process.env['AWS_ACCESS_KEY_ID'] = 'S3RVER';
process.env['AWS_SECRET_ACCESS_KEY'] = 'S3RVER';
process.env['GOUJI_OCR_ENGINE'] ??= 'local';
process.env['POWERTOOLS_METRICS_DISABLED'] ??= 'true';
process.env['POWERTOOLS_DEV'] ??= 'true';
const { handler } = await import('../functions/process-document/handler.ts');

const s3 = new S3Client({
  endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

console.log(`Local S3 on ${endpoint}, bucket ${bucket} (data in ${directory}), OCR engine ${process.env['GOUJI_OCR_ENGINE']}.
Drop a report under ${INPUT_PREFIX} with any S3 client, e.g.:
  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws --endpoint-url ${endpoint} --region us-east-1 \\
    s3 cp report.pdf "s3://${bucket}/${INPUT_PREFIX}2023/金水区商务局.pdf"
Results appear under s3://${bucket}/${OUTPUT_PREFIX} (.json and .report.html):
  aws --endpoint-url ${endpoint} --region us-east-1 s3 ls --recursive s3://${bucket}/${OUTPUT_PREFIX}
  or on disk below ${join(directory, bucket, OUTPUT_PREFIX)}
Ctrl-C stops.`);

const context = {
  functionName: 'gouji-process-document-local',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:gouji-process-document-local',
  memoryLimitInMB: '2048',
  awsRequestId: 'local',
  logGroupName: 'local',
  logStreamName: 'local',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 15 * 60 * 1000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} satisfies Context;

// Objects already there count as new on start, like a backfill; the handler skips current results.
const seen = new Map<string, string>();
let stopping = false;
let messages = 0;

async function poll(): Promise<void> {
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: INPUT_PREFIX, ...(token === undefined ? {} : { ContinuationToken: token }) }),
    );
    for (const object of page.Contents ?? []) {
      if (stopping || object.Key === undefined || object.Key.endsWith('/')) continue;
      const etag = (object.ETag ?? '').replaceAll('"', '');
      if (seen.get(object.Key) === etag) continue;
      seen.set(object.Key, etag);
      messages += 1;
      const event: SQSEvent = {
        Records: [
          {
            messageId: `local-${messages}`,
            receiptHandle: `local-${messages}`,
            body: objectCreatedMessage(bucket, object.Key, object.Size ?? 0, etag),
            attributes: {
              ApproximateReceiveCount: '1',
              SentTimestamp: String(Date.now()),
              SenderId: 'local',
              ApproximateFirstReceiveTimestamp: String(Date.now()),
            },
            messageAttributes: {},
            md5OfBody: '',
            eventSource: 'aws:sqs',
            eventSourceARN: 'arn:aws:sqs:local:000000000000:gouji-incoming',
            awsRegion: 'us-east-1',
          },
        ],
      };
      const started = Date.now();
      const response = (await handler(event, context)) as SQSBatchResponse;
      const failed = response.batchItemFailures.length > 0;
      // A failed record would be redelivered by SQS; here it is retried on the next change only.
      if (failed) seen.delete(object.Key);
      console.log(`${failed ? 'FAILED ' : ''}${object.Key} (${Date.now() - started} ms)`);
    }
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined && !stopping);
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<void> = Promise.resolve();
const loop = (): void => {
  running = poll()
    .catch((error: unknown) => console.error('poll failed:', error))
    .finally(() => {
      if (!stopping) timer = setTimeout(loop, 1000);
    });
};
loop();

process.once('SIGINT', () => {
  stopping = true;
  if (timer !== undefined) clearTimeout(timer);
  console.log('\nstopping…');
  void running
    .then(() => {
      s3.destroy();
      return server.close();
    })
    .then(() => process.exit(0));
});
