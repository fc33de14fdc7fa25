import '../support/quiet-powertools.ts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSRecord } from 'aws-lambda';
import { PDFDocument } from 'pdf-lib';
import { createProcessDocumentHandler } from '../../functions/process-document/process-batch.ts';
import { depsFromEnv as processDeps } from '../../functions/process-document/wiring.ts';
import { depsFromEnv as completeDeps, completeHandler } from '../../functions/textract-complete/handler.ts';
import { createTextractCompleteHandler } from '../../functions/textract-complete/process-batch.ts';
import { type Result, ResultSchema } from '../../lib/model/result.ts';
import { type LocalS3, startLocalS3 } from '../adapters/local-s3.ts';
import { type LocalDynamo, startLocalDynamo } from '../support/local-dynamodb.ts';
import { cellDifferences, GENERATED, truthOf } from '../support/samples.ts';
import { scannedPageReader } from '../support/scanned-page-reader.ts';
import { TextractDouble } from '../support/textract-double.ts';
import { lambdaContext, s3PutRecord, sqsEvent } from './events.ts';

// The Textract path end to end on real local services — s3rver for S3, dynalite for the job
// ledger — with the Textract double (quotas, failures, completions through SNS → SQS).
const BUCKET = 'gouji-reports-123456789012-cn-north-1';
const file = (path: string) => new Uint8Array(readFileSync(join(GENERATED, path)));
const ENV = {
  GOUJI_OCR_ENGINE: 'textract',
  GOUJI_TEXTRACT_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:gouji-textract',
  GOUJI_TEXTRACT_ROLE_ARN: 'arn:aws:iam::123456789012:role/gouji-textract',
  GOUJI_INCOMING_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/gouji-incoming',
};

/** A PDF whose first page is the born-digital report's and the rest its scan (a partly scanned report). */
async function mixedPdf(id: string): Promise<Uint8Array> {
  const text = await PDFDocument.load(file(`pdf/${id}.pdf`));
  const scan = await PDFDocument.load(file(`scan/${id}.scan.pdf`));
  const out = await PDFDocument.create();
  out.addPage((await out.copyPages(text, [0]))[0]!);
  for (const page of await out.copyPages(scan, scan.getPageIndices().slice(1))) out.addPage(page);
  return out.save();
}

describe('the Textract path on s3rver, dynalite and the Textract double', () => {
  let s3: LocalS3;
  let dynamo: LocalDynamo;
  let textract: TextractDouble;
  const completions: string[] = [];
  const requeued: { body: string; delay: number; waits: number }[] = [];
  const ids = ['h002', 'h008', 'h014'];
  // Only the open-job cap limits the starts here, however fast the documents are read: the start
  // rate has its own tests (job-ledger.test.ts, the drill's startsPerSecond).
  const env = () => ({
    ...process.env,
    ...ENV,
    GOUJI_JOB_TABLE: dynamo.table,
    GOUJI_TEXTRACT_MAX_OPEN_JOBS: '3',
    GOUJI_TEXTRACT_STARTS_PER_SECOND: '100',
  });

  before(async () => {
    s3 = await startLocalS3(BUCKET);
    dynamo = await startLocalDynamo();
    const pairs = ids.map((id) => ({ scan: file(`scan/${id}.scan.pdf`), twin: file(`pdf/${id}.pdf`) }));
    textract = new TextractDouble({
      readObject: async (bucket, key) => get(bucket, key),
      analyse: scannedPageReader(pairs, { garbleChinese: true }),
      failure: (input) => (input.DocumentLocation?.S3Object?.Name?.includes('fails') ? 'UNSUPPORTED_DOCUMENT' : null),
      publish: (message) => completions.push(message),
    });
  });
  after(async () => {
    await dynamo?.stop();
    await s3?.stop();
  });

  const put = async (key: string, body: Uint8Array) => {
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    return s3PutRecord(BUCKET, key, { size: body.byteLength });
  };
  const get = async (bucket: string, key: string): Promise<Uint8Array> =>
    (await (await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body?.transformToByteArray()) ?? new Uint8Array();
  const result = async (key: string): Promise<Result> =>
    ResultSchema.parse(JSON.parse(new TextDecoder().decode(await get(BUCKET, `${key.replace(/^incoming\//, 'results/')}.json`))));
  const keysUnder = async (prefix: string) =>
    ((await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((o) => o.Key ?? '');
  const processHandler = async () => {
    const deps = await processDeps(env(), { s3: s3.client, textract: textract.client, dynamo: dynamo.client });
    deps.requeue = async (record, delay, waits) => void requeued.push({ body: record.body, delay, waits });
    return createProcessDocumentHandler(deps);
  };
  const completeAll = async () => {
    await textract.completeDue();
    const handler = createTextractCompleteHandler(completeDeps(env(), { s3: s3.client, textract: textract.client, dynamo: dynamo.client }));
    const records = completions.splice(0).map(
      (message, i): SQSRecord => ({
        ...s3PutRecord(BUCKET, 'incoming/x', { size: 1 }),
        messageId: `completion-${i}-${Date.now()}`,
        body: JSON.stringify({ Type: 'Notification', TopicArn: ENV.GOUJI_TEXTRACT_TOPIC_ARN, Message: message }),
      }),
    );
    return handler(sqsEvent(...records), lambdaContext);
  };

  it('starts one job per scanned document, sends only the pages that need OCR, and leaves a pending marker', async () => {
    const records = [
      await put('incoming/2020/泉州 扫描.pdf', file('scan/h002.scan.pdf')),
      await put('incoming/2020/泉州 扫描 副本.pdf', file('scan/h002.scan.pdf')),
      await put('incoming/2024/mixed.pdf', await mixedPdf('h008')),
      await put('incoming/2020/铜陵.txt', file('src/h003.txt')),
    ];
    const handler = await processHandler();
    const response = await handler(sqsEvent(...records), lambdaContext);
    assert.deepEqual(response.batchItemFailures, []);
    assert.equal(textract.jobsStarted, 3, 'two keys of one PDF are two jobs, the text report none');
    assert.equal(textract.refusals.mismatch, 0);
    const starts = textract.calls.filter((c) => c.name === 'StartDocumentAnalysisCommand').map((c) => c.input);
    assert.ok(starts.every((s) => JSON.stringify(s['FeatureTypes']) === '["TABLES"]' && s['JobTag'] === s['ClientRequestToken']));
    const mixed = starts.find((s) =>
      String((s['DocumentLocation'] as { S3Object: { Name: string } }).S3Object.Name).startsWith('textract-input/'),
    );
    assert.ok(mixed, 'the partly scanned PDF is sent as a PDF of its scanned pages');
    const staged = await get(BUCKET, (mixed['DocumentLocation'] as { S3Object: { Name: string } }).S3Object.Name);
    assert.equal((await PDFDocument.load(staged)).getPageCount(), 1);
    assert.deepEqual((await keysUnder('results/')).filter((k) => k.endsWith('.pending')).sort(), [
      'results/2020/泉州 扫描 副本.pdf.pending',
      'results/2020/泉州 扫描.pdf.pending',
      'results/2024/mixed.pdf.pending',
    ]);
    assert.equal((await result('incoming/2020/铜陵.txt')).report.agency, '铜陵市农业农村局');

    // the same notifications again: the jobs are running, none is started twice
    await handler(sqsEvent(...records), lambdaContext);
    assert.equal(textract.jobsStarted, 3);
  });

  it('writes each result from its job, as the truth, and removes the pending markers', async () => {
    const response = await completeAll();
    assert.deepEqual(response.batchItemFailures, []);
    for (const [key, id] of [
      ['incoming/2020/泉州 扫描.pdf', 'h002'],
      ['incoming/2020/泉州 扫描 副本.pdf', 'h002'],
      ['incoming/2024/mixed.pdf', 'h008'],
    ] as const) {
      const read = await result(key);
      const truth = truthOf(id);
      assert.deepEqual(cellDifferences(read.tables, truth.tables), [], `${key} cells`);
      assert.equal(read.extraction.ocrEngine, 'textract');
      assert.equal(read.status, truth.failingRules.length === 0 ? 'valid' : 'invalid');
    }
    assert.deepEqual((await result('incoming/2024/mixed.pdf')).extraction.ocrPages, [2]);
    assert.deepEqual(
      (await keysUnder('results/')).filter((k) => k.endsWith('.pending')),
      [],
    );
  });

  it('waits for a slot when the open-job cap is reached: the message goes back with a delay, no failure', async () => {
    const records = [];
    for (const [i, id] of ['h002', 'h008', 'h014', 'h002'].entries())
      records.push(await put(`incoming/wait/${i}-${id}.pdf`, file(`scan/${id}.scan.pdf`)));
    const before = textract.jobsStarted;
    const response = await (await processHandler())(sqsEvent(...records), lambdaContext);
    assert.deepEqual(response.batchItemFailures, []);
    assert.equal(textract.jobsStarted - before, 3, 'GOUJI_TEXTRACT_MAX_OPEN_JOBS=3');
    assert.equal(requeued.length, 1);
    assert.ok(requeued[0]!.delay >= 1 && requeued[0]!.delay <= 900 && requeued[0]!.waits === 1);
    const marker = JSON.parse(new TextDecoder().decode(await get(BUCKET, 'results/wait/3-h002.pdf.pending')));
    assert.equal(marker.state, 'waiting for a Textract slot');
    await completeAll();
    const retried = await (await processHandler())(sqsEvent({ ...records[3]!, body: requeued[0]!.body }), lambdaContext);
    assert.deepEqual(retried.batchItemFailures, []);
    assert.equal(textract.jobsStarted - before, 4);
    await completeAll();
    assert.equal((await result('incoming/wait/3-h002.pdf')).extraction.ocrEngine, 'textract');
  });

  it('gives a FAILED job its own finding, not current, so the next delivery starts a new job', async () => {
    const record = await put('incoming/fails/h014.pdf', file('scan/h014.scan.pdf'));
    const handler = await processHandler();
    await handler(sqsEvent(record), lambdaContext);
    await completeAll();
    const failed = await result('incoming/fails/h014.pdf');
    assert.equal(failed.status, 'unreadable');
    assert.deepEqual(
      failed.findings.map((f) => f.rule),
      ['document.ocrJobFailed'],
    );
    assert.match(failed.findings[0]!.message, /UNSUPPORTED_DOCUMENT/);
    const started = textract.jobsStarted;
    await handler(sqsEvent(record), lambdaContext);
    assert.equal(textract.jobsStarted, started + 1, 'a redrive retries the failed job with a new token');
  });

  it('never merges a replaced file with the old job: the new version’s own job writes the result', async () => {
    const key = 'incoming/replaced.pdf';
    const handler = await processHandler();
    await handler(sqsEvent(await put(key, file('scan/h002.scan.pdf'))), lambdaContext);
    await handler(sqsEvent(await put(key, file('scan/h014.scan.pdf'))), lambdaContext);
    await completeAll();
    const read = await result(key);
    assert.deepEqual(cellDifferences(read.tables, truthOf('h014').tables), []);
  });

  it('does the same in the deployed completion handler, its own clients speaking the wire protocols', async () => {
    const record = await put('incoming/wire/h008.pdf', file('scan/h008.scan.pdf'));
    await (await processHandler())(sqsEvent(record), lambdaContext);
    await textract.completeDue();
    const wire = await textract.serveHttp();
    Object.assign(process.env, {
      ...env(),
      AWS_ENDPOINT_URL_TEXTRACT: wire.endpoint,
      GOUJI_S3_ENDPOINT: s3.endpoint,
      GOUJI_DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    });
    try {
      const handler = completeHandler(() => completeDeps(process.env));
      const records = completions.splice(0).map(
        (message, i): SQSRecord => ({
          ...record,
          messageId: `wire-${i}`,
          body: JSON.stringify({ Type: 'Notification', TopicArn: ENV.GOUJI_TEXTRACT_TOPIC_ARN, Message: message }),
        }),
      );
      const response = await handler(sqsEvent(...records), lambdaContext);
      assert.deepEqual(response.batchItemFailures, []);
      assert.ok(wire.requests.length >= 1);
      assert.deepEqual(cellDifferences((await result('incoming/wire/h008.pdf')).tables, truthOf('h008').tables), []);
    } finally {
      await wire.stop();
    }
  });
});
