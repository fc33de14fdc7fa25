// The bulk-drop drill: the real handlers over a local S3 (s3rver on loopback, answering 500 to a
// few requests), the SQS model (visibility, receive counts, DLQs, batch item failures), a job
// ledger on dynalite and the Textract double (open-job limit, start rate, delayed completions
// through SNS → SQS, FAILED jobs, IdempotentParameterMismatch). Every document dropped at once
// must end with its own result.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSRecord } from 'aws-lambda';
import { startLocalS3 } from '../../tests/adapters/local-s3.ts';
import { startFaultProxy } from '../../tests/functions/fault-proxy.ts';
import { startLocalDynamo } from '../../tests/support/local-dynamodb.ts';
import { scannedPageReader } from '../../tests/support/scanned-page-reader.ts';
import { TextractDouble } from '../../tests/support/textract-double.ts';
import { bulkDrop } from './drop.ts';
import { EventSource, ModelClock, modelSqsClient, SqsQueue } from './sqs-model.ts';

export interface DrillOptions {
  engine: 'local' | 'textract';
  documents: number;
  /** share of the ordinary documents that are scans */
  scannedShare?: number;
  /** the account's open-job quota (the double's) and the ledger's cap */
  maxOpenJobs?: number;
  startsPerSecond?: number;
  log?: (line: string) => void;
}

export interface DrillReport {
  documents: number;
  withResult: number;
  inDlq: number;
  duplicates: number;
  pending: number;
  textractJobs: number;
  scanned: number;
  maxOpenJobs: number;
  limit: number;
  wallSeconds: number;
  modelSeconds: number;
  line: string;
}

const BUCKET = 'gouji-drill';
const FUNCTION_TIMEOUT_MS = { local: 15 * 60_000, text: 5 * 60_000 };
const MAX_RECEIVES = 5;
// Lambda's event source: the stack's settings (functions/shared/batch-sizes.ts)
const { BATCH_SIZE, MAX_CONCURRENCY } = await import('../../functions/shared/batch-sizes.ts');

export async function runDrill(options: DrillOptions): Promise<DrillReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const clock = new ModelClock();
  const limit = options.engine === 'textract' ? (options.maxOpenJobs ?? 10) : 0;
  const s3 = await startLocalS3(BUCKET);
  const proxy = await startFaultProxy(s3.endpoint);
  const dynamo = options.engine === 'textract' ? await startLocalDynamo() : undefined;
  // S3 answers 500 to about one request in 60, at most 40 times
  let seed = 17;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  proxy.fault = { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' };
  proxy.failWhen = () => proxy.refused < 40 && random() < 1 / 60;

  const incomingDlq = new SqsQueue('gouji-incoming-dlq', clock, { visibilityTimeoutS: 30 });
  const processTimeout = options.engine === 'local' ? FUNCTION_TIMEOUT_MS.local : FUNCTION_TIMEOUT_MS.text;
  const incoming = new SqsQueue('gouji-incoming', clock, {
    visibilityTimeoutS: (processTimeout / 1000) * 6,
    maxReceiveCount: MAX_RECEIVES,
    deadLetter: incomingDlq,
  });
  const completeDlq = new SqsQueue('gouji-textract-complete-dlq', clock, { visibilityTimeoutS: 30 });
  const completeQueue = new SqsQueue('gouji-textract-complete', clock, {
    visibilityTimeoutS: (FUNCTION_TIMEOUT_MS.text / 1000) * 6,
    maxReceiveCount: MAX_RECEIVES,
    deadLetter: completeDlq,
  });
  const sqs = modelSqsClient([incoming, completeQueue]);
  const client: S3Client = s3.client;
  const handlerS3 = s3.clientFor(proxy.endpoint);
  const objectBytes = async (key: string): Promise<Uint8Array> =>
    (await (await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body?.transformToByteArray()) ?? new Uint8Array();

  const { items, replacement } = await bulkDrop(options.documents, options.scannedShare);
  const textract =
    options.engine === 'textract'
      ? new TextractDouble({
          maxOpenJobs: limit,
          startsPerSecond: options.startsPerSecond ?? 2,
          now: () => clock.now(),
          readObject: async (_bucket, key) => objectBytes(key),
          analyse: scannedPageReader(
            ['h002', 'h005', 'h008', 'h011', 'h014', 'h017', 'h020', 'h023'].map((id) => ({
              scan: new Uint8Array(readGenerated(`scan/${id}.scan.pdf`)),
              twin: new Uint8Array(readGenerated(`pdf/${id}.pdf`)),
            })),
          ),
          // between half a minute and five minutes, as Textract takes for a few pages
          jobDurationMs: () => 30_000 + Math.floor(random() * 270_000),
          failure: (input) =>
            String(input.DocumentLocation?.S3Object?.Name).includes('fails/')
              ? 'UNSUPPORTED_DOCUMENT: the document could not be read'
              : null,
          // another application of the account holds two jobs for the first ten minutes
          otherOpenJobs: () => (clock.now() - startedAt < 600_000 ? 2 : 0),
          publish: (message) =>
            completeQueue.send(
              JSON.stringify({
                Type: 'Notification',
                MessageId: createHash('sha1').update(message).digest('hex'),
                TopicArn: TOPIC,
                Message: message,
              }),
            ),
        })
      : undefined;
  const startedAt = clock.now();

  const env: Record<string, string | undefined> = {
    ...process.env,
    GOUJI_OCR_ENGINE: options.engine,
    GOUJI_OCR_CONCURRENCY: '1',
    GOUJI_TIMEOUT_MS: String(processTimeout - 60_000),
    ...(options.engine === 'textract'
      ? {
          GOUJI_TEXTRACT_TOPIC_ARN: TOPIC,
          GOUJI_TEXTRACT_ROLE_ARN: 'arn:aws:iam::000000000000:role/gouji-textract',
          GOUJI_JOB_TABLE: dynamo!.table,
          GOUJI_INCOMING_QUEUE_URL: `https://sqs.us-east-1.amazonaws.com/000000000000/${incoming.name}`,
          GOUJI_TEXTRACT_MAX_OPEN_JOBS: String(limit),
          GOUJI_TEXTRACT_STARTS_PER_SECOND: String(options.startsPerSecond ?? 2),
        }
      : {}),
  };
  const { depsFromEnv, lambdaHandler } = await import('../../functions/process-document/wiring.ts');
  const { loadLocalEngine } = await import('../../functions/process-document/local-engine.ts');
  const { completeHandler, depsFromEnv: completeDeps } = await import('../../functions/textract-complete/handler.ts');
  const clients = {
    s3: handlerS3,
    sqs,
    ...(textract === undefined ? {} : { textract: textract.client }),
    ...(dynamo === undefined ? {} : { dynamo: dynamo.client }),
    // the zip's own engine (handler.ts), not a double: the local drill OCRs its scans for real
    ...(options.engine === 'local' ? { localEngine: loadLocalEngine } : {}),
  };
  const processHandler = lambdaHandler(() => depsFromEnv(env, clients));
  const keysOf = (records: SQSRecord[]) =>
    records.flatMap((r) => /"key":"([^"]+)"/.exec(r.body)?.[1] ?? []).map((k) => decodeURIComponent(k.replace(/\+/g, ' ')));
  let replaced = false;
  // the replacement's PUT and its notification, awaited before the drill may call the queues idle
  let replacing: Promise<void> | undefined;
  const sources = [
    new EventSource(
      incoming,
      processHandler as never,
      clock,
      {
        functionName: 'gouji-process-document',
        batchSize: options.engine === 'local' ? BATCH_SIZE.ocr : BATCH_SIZE.text,
        maxConcurrency: MAX_CONCURRENCY,
        timeoutMs: processTimeout,
      },
      (records) => {
        // the file is replaced once its first version has been picked up (for Textract: its job runs)
        if (!replaced && keysOf(records).includes(replacement.key)) {
          replaced = true;
          replacing = put(replacement.key, replacement.body);
        }
      },
    ),
  ];
  if (textract !== undefined) {
    const complete = completeHandler(() => completeDeps(env, clients));
    sources.push(
      new EventSource(completeQueue, complete as never, clock, {
        functionName: 'gouji-textract-complete',
        batchSize: BATCH_SIZE.completions,
        maxConcurrency: MAX_CONCURRENCY,
        timeoutMs: FUNCTION_TIMEOUT_MS.text,
      }),
    );
  }

  // S3 → SQS: a notification for every object created under incoming/, as the bucket sends it
  const { objectCreatedMessage } = await import('../../lib/enqueue.ts');
  const put = async (key: string, body: Uint8Array) => {
    const response = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    incoming.send(objectCreatedMessage(BUCKET, key, body.byteLength, response.ETag?.replaceAll('"', '')));
  };
  for (const item of items) await put(item.key, item.body);
  log(
    `drill (${options.engine}): dropped ${items.length} documents (${items.filter((i) => i.scanned).length} needing OCR) into s3://${BUCKET}/incoming/`,
  );

  let lastReport = performance.now();
  for (;;) {
    for (const source of sources) source.fill();
    if (textract !== undefined) await textract.completeDue();
    if (replacing !== undefined) {
      await replacing;
      replacing = undefined;
    }
    const busy = sources.some((s) => s.busy);
    if (!busy && sources.every((s) => s.queue.visible === 0)) {
      const next = [...sources.map((s) => s.queue.nextVisibleAt()), textract?.nextDueAt()].filter((t): t is number => t !== undefined);
      if (next.length === 0) break;
      clock.advanceTo(Math.min(...next));
      continue;
    }
    // wait for an invocation to end or a moment to pass (never on an idle source: it would spin)
    await Promise.race([...sources.filter((s) => s.busy).map((s) => s.settled()), new Promise((resolve) => setTimeout(resolve, 50))]);
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      log(
        `  … ${incoming.stats.deleted} of the incoming messages done, ${incoming.depth} in the queue${textract ? `, ${textract.jobsStarted} Textract jobs` : ''}`,
      );
    }
  }

  // What the bucket holds now
  const keys = await list(client, 'incoming/');
  const results = await list(client, 'results/');
  let withResult = 0;
  for (const key of keys) {
    const resultKey = `results/${key.slice('incoming/'.length)}.json`;
    if (!results.includes(resultKey)) continue;
    const result = JSON.parse(new TextDecoder().decode(await objectBytes(resultKey))) as { source: { sha256: string } };
    const sha = createHash('sha256')
      .update(await objectBytes(key))
      .digest('hex');
    if (result.source.sha256 === sha) withResult += 1;
    else log(`  ${key}: its result is of other bytes`);
  }
  const jsons = results.filter((k) => k.endsWith('.json'));
  const owned = new Set(keys.map((k) => `results/${k.slice('incoming/'.length)}.json`));
  const duplicates = jsons.filter((k) => !owned.has(k)).length + (jsons.length - new Set(jsons).size);
  const pending = results.filter((k) => k.endsWith('.pending')).length;
  const inDlq = incomingDlq.depth + completeDlq.depth;
  const scanned = items.filter((i) => i.scanned).length + (replaced ? 1 : 0);
  const report: DrillReport = {
    documents: keys.length,
    withResult,
    inDlq,
    duplicates,
    pending,
    textractJobs: textract?.jobsStarted ?? 0,
    scanned,
    maxOpenJobs: textract?.maxOpenSeen ?? 0,
    limit,
    wallSeconds: (performance.now() - started) / 1000,
    modelSeconds: (clock.now() - startedAt) / 1000,
    line: '',
  };
  log(
    `  S3 refused ${proxy.refused} requests with 500; ${incoming.stats.received} receives of ${incoming.stats.sent} incoming messages` +
      ` (${sources[0]!.stats.failedRecords} records failed and were retried, ${sources[0]!.stats.lateAnswers} invocations too late)` +
      (textract === undefined
        ? ''
        : `; Textract answered LimitExceeded ${textract.refusals.limit}×, ProvisionedThroughputExceeded ${textract.refusals.rate}×, IdempotentParameterMismatch ${textract.refusals.mismatch}×`) +
      `; ${pending} pending markers left; model time ${report.modelSeconds.toFixed(0)} s`,
  );
  report.line =
    `drill: ${report.withResult}/${report.documents} documents with a result | ${inDlq} in DLQ | ${duplicates} duplicate results | ` +
    `textract jobs ${report.textractJobs} for ${scanned} scanned | max open jobs ${report.maxOpenJobs} (limit ${limit}) | wall ${report.wallSeconds.toFixed(0)} s`;
  await proxy.stop();
  await dynamo?.stop();
  await s3.stop();
  return report;
}

const TOPIC = 'arn:aws:sns:us-east-1:000000000000:gouji-textract';

function readGenerated(path: string): Buffer {
  return readFileSync(new URL(`../../samples/generated/${path}`, import.meta.url));
}

async function list(s3: S3Client, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ...(token === undefined ? {} : { ContinuationToken: token }) }),
    );
    keys.push(...(page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key])));
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys;
}
