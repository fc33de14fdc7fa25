// `npm run local`: a local S3 (s3rver) with a bucket, and every object put under incoming/ run
// through the real process-document handler by the same SQS model as the drill: S3-shaped
// notifications, visibility timeouts, a receive limit and a dead-letter place (dead-letter/ in
// the bucket). One line per object; SIGINT/SIGTERM stop it cleanly; data stays between runs.
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SQSRecord } from 'aws-lambda';
import S3rver from 's3rver';
import { BATCH_SIZE } from '../functions/shared/batch-sizes.ts';
import { objectCreatedMessage } from '../lib/enqueue.ts';
import { INPUT_PREFIX, OUTPUT_PREFIX, RESULT_METADATA } from '../lib/result-keys.ts';
import { EventSource, ModelClock, SqsQueue } from './local-aws/sqs-model.ts';

const bucket = process.env['GOUJI_LOCAL_BUCKET'] ?? 'gouji-local';
const port = Number(process.env['GOUJI_LOCAL_PORT'] ?? 4569);
const directory = process.env['GOUJI_LOCAL_DIR'] ?? join(homedir(), '.gouji-local');
const endpoint = `http://127.0.0.1:${port}`;
/** How often the bucket is listed for new objects, and how long a failed object waits before its next try. */
const POLL_MS = 1000;
const RETRY_AFTER_S = 30;
const MAX_TRIES = 5;
const DEAD_LETTER_PREFIX = 'dead-letter/';

await mkdir(directory, { recursive: true });
// s3rver reports a taken port as an unhandled 'error' event: find out first, and say it plainly.
const taken = await new Promise<boolean>((resolve) => {
  const probe = createServer()
    .once('error', () => resolve(true))
    .listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
});
if (taken) {
  console.error(`gouji local: port ${port} is in use — another \`npm run local\` is running, or set GOUJI_LOCAL_PORT.`);
  process.exit(1);
}
const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
try {
  await server.run();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `gouji local: port ${port} is in use — another \`npm run local\` is running, or set GOUJI_LOCAL_PORT.`
      : `gouji local: cannot start the local S3: ${(error as Error).message}`,
  );
  process.exit(1);
}

// The handler reads these on its first invocation (functions/shared/aws-env.ts, lib/config.ts).
process.env['GOUJI_S3_ENDPOINT'] = endpoint;
process.env['AWS_REGION'] ??= 'us-east-1';
process.env['AWS_ACCESS_KEY_ID'] = 'S3RVER';
process.env['AWS_SECRET_ACCESS_KEY'] = 'S3RVER';
process.env['GOUJI_OCR_ENGINE'] ??= 'local';
process.env['POWERTOOLS_METRICS_DISABLED'] ??= 'true';
process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { handler } = await import('../functions/process-document/handler.ts');

const s3 = new S3Client({
  endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

console.log(`Local S3 on ${endpoint}, bucket ${bucket}, OCR engine ${process.env['GOUJI_OCR_ENGINE']}.
Data is kept in ${directory} between runs (GOUJI_LOCAL_DIR); results are on disk below ${join(directory, bucket, OUTPUT_PREFIX)}.
Drop a report under ${INPUT_PREFIX} with any S3 client, e.g.:
  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws --endpoint-url ${endpoint} --region us-east-1 \\
    s3 cp report.pdf "s3://${bucket}/${INPUT_PREFIX}2023/金水区商务局.pdf"
and open ${endpoint}/${bucket}/${OUTPUT_PREFIX}2023/金水区商务局.pdf.report.html
Ctrl-C stops.`);

// SQS as the drill models it; the clock is real time here (nothing jumps).
const clock = new ModelClock();
const deadLetters = new SqsQueue('gouji-local-dlq', clock, { visibilityTimeoutS: RETRY_AFTER_S });
const queue = new SqsQueue('gouji-local', clock, {
  visibilityTimeoutS: RETRY_AFTER_S,
  maxReceiveCount: MAX_TRIES,
  deadLetter: deadLetters,
});
const keyOf = (record: SQSRecord): string => {
  const encoded = /"key":"([^"]+)"/.exec(record.body)?.[1] ?? '';
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
};
const started = new Map<string, number>();
const source = new EventSource(
  queue,
  handler as never,
  clock,
  // two documents at once: one long scan does not hold up the rest
  {
    functionName: 'gouji-process-document-local',
    batchSize: BATCH_SIZE.ocr,
    maxConcurrency: 2,
    timeoutMs: 15 * 60 * 1000,
    onStart: (records) => {
      for (const record of records) started.set(record.messageId, Date.now());
    },
  },
  (records, response, error) => {
    for (const record of records)
      void report(record, response?.batchItemFailures.some((f) => f.itemIdentifier === record.messageId) ?? true, error);
  },
);

/** One line per object: processed (with its status), skipped as current, or failed with its try count. */
async function report(record: SQSRecord, failed: boolean, error: unknown): Promise<void> {
  const key = keyOf(record);
  const tries = Number(record.attributes.ApproximateReceiveCount);
  const seconds = ((Date.now() - (started.get(record.messageId) ?? Date.now())) / 1000).toFixed(1);
  const waiting = `${queue.depth} waiting`;
  if (failed) {
    const why = error instanceof Error ? `: ${error.message}` : ' (see the log above)';
    console.log(
      tries >= MAX_TRIES
        ? `✗ ${key} failed ${tries} times${why}; moved to s3://${bucket}/${DEAD_LETTER_PREFIX} · ${waiting}`
        : `✗ ${key} failed (try ${tries} of ${MAX_TRIES})${why}; retry in ${RETRY_AFTER_S} s · ${waiting}`,
    );
    return;
  }
  const resultKey = `${OUTPUT_PREFIX}${key.slice(INPUT_PREFIX.length)}.json`;
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: resultKey })).catch(() => undefined);
  const fresh = head?.LastModified !== undefined && head.LastModified.getTime() >= (started.get(record.messageId) ?? 0) - 1000;
  const status = head?.Metadata?.['status'] ?? '?';
  console.log(
    head === undefined
      ? `· ${key}: nothing to do (not a document) · ${waiting}`
      : fresh
        ? `✓ ${key} → ${resultKey} ${status} (${seconds} s) · ${waiting}`
        : `= ${key}: result already current (same ${head.Metadata?.[RESULT_METADATA.etag] === undefined ? 'bytes' : 'ETag'}), skipped · ${waiting}`,
  );
}

// S3 → SQS: a notification for each new or changed object, as the bucket would send it.
const seen = new Map<string, string>();
async function discover(): Promise<void> {
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: INPUT_PREFIX, ...(token === undefined ? {} : { ContinuationToken: token }) }),
    );
    for (const object of page.Contents ?? []) {
      if (object.Key === undefined || object.Key.endsWith('/')) continue;
      const etag = (object.ETag ?? '').replaceAll('"', '');
      if (seen.get(object.Key) === etag) continue;
      seen.set(object.Key, etag);
      queue.send(objectCreatedMessage(bucket, object.Key, object.Size ?? 0, etag));
    }
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}

/** Messages that failed MAX_TRIES times are kept where a person finds them. */
async function keepDeadLetters(): Promise<void> {
  for (const { body } of deadLetters.drain()) {
    const key = /"key":"([^"]+)"/.exec(body)?.[1] ?? 'unknown';
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: `${DEAD_LETTER_PREFIX}${decodeURIComponent(key.replace(/\+/g, ' '))}.json`, Body: body }),
    );
  }
}

let stopping = false;
const loop = async (): Promise<void> => {
  while (!stopping) {
    await discover().catch((error: unknown) => console.error('listing the bucket failed:', (error as Error).message));
    source.fill();
    await keepDeadLetters();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};
const running = loop();

const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping — waiting for the document in hand, then closing the local S3…`);
  void running.then(async () => {
    while (source.busy) await source.settled();
    s3.destroy();
    await server.close();
    console.log('stopped.');
    process.exit(0);
  });
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
