import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { documentIdOf } from '../lib/archive/bucket-dataset.ts';
import { datasetKeyOf } from '../lib/dataset/bucket-layout.ts';
import { ResultSchema } from '../lib/model/result.ts';
import { type LocalS3, startLocalS3, useLocalLambdaEnv } from './adapters/local-s3.ts';
import { lambdaContext, loadEvent, s3PutRecord, sqsEvent } from './functions/events.ts';
import { type FaultProxy, startFaultProxy } from './functions/fault-proxy.ts';

// The real process-document handler (middy, Powertools) against s3rver, with events shaped like S3's.
const BUCKET = 'gouji-reports-123456789012-cn-north-1';
const generated = new URL('../samples/generated/', import.meta.url);
const UPLOADS = [
  { key: 'incoming/2025/赣州市应急管理局 年报.txt', file: 'src/h000.txt', agency: '赣州市应急管理局', status: 'valid' },
  { key: 'incoming/2020/泉州市 统计局（2020）.html', file: 'src/h002.html', agency: '泉州市统计局', status: 'invalid' },
  { key: 'incoming/pdf/绍兴 h005 report.pdf', file: 'pdf/h005.pdf', agency: '绍兴市自然资源和规划局', status: 'valid' },
  { key: 'incoming/docx/h005+copy.docx', file: 'docx/h005.docx', agency: '绍兴市自然资源和规划局', status: 'valid' },
] as const;
const resultKey = (key: string, ext: string): string => `${key.replace(/^incoming\//, 'results/')}${ext}`;

describe('process-document handler end to end on a local S3', () => {
  let s3: LocalS3;
  let proxy: FaultProxy;
  let invoke: (event: SQSEvent) => Promise<SQSBatchResponse>;
  const records = new Map<string, ReturnType<typeof s3PutRecord>>();

  before(async () => {
    s3 = await startLocalS3(BUCKET);
    proxy = await startFaultProxy(s3.endpoint);
    useLocalLambdaEnv(proxy.endpoint);
    const { handler } = await import('../functions/process-document/handler.ts');
    invoke = (event) => handler(event, lambdaContext) as Promise<SQSBatchResponse>;
    for (const upload of UPLOADS) {
      const body = readFileSync(new URL(upload.file, generated));
      const put = await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: upload.key, Body: body }));
      records.set(
        upload.key,
        s3PutRecord(BUCKET, upload.key, {
          size: body.byteLength,
          ...(put.ETag === undefined ? {} : { etag: put.ETag.replaceAll('"', '') }),
        }),
      );
    }
  });
  after(async () => {
    await proxy?.stop();
    await s3?.stop();
  });

  const getText = async (key: string): Promise<string> =>
    (await (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body?.transformToString('utf-8')) ?? '';
  const exists = async (key: string): Promise<boolean> =>
    s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
      () => true,
      (error: unknown) => {
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
        throw error;
      },
    );
  const stamp = async (key: string) => {
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return `${head.ETag} ${head.LastModified?.toISOString()}`;
  };

  it('writes results/<key>.json and .report.html for each uploaded report', async () => {
    const response = await invoke(sqsEvent(...records.values()));
    assert.deepEqual(response.batchItemFailures, []);
    for (const upload of UPLOADS) {
      const result = ResultSchema.parse(JSON.parse(await getText(resultKey(upload.key, '.json'))));
      assert.equal(result.source.uri, `s3://${BUCKET}/${upload.key}`);
      assert.equal(result.report.agency, upload.agency, upload.key);
      assert.equal(result.status, upload.status, upload.key);
      assert.match(result.source.etag ?? '', /^[0-9a-f]{32}$/);
      const html = await getText(resultKey(upload.key, '.report.html'));
      assert.match(html, /<html/i);
      assert.ok(html.includes(upload.agency));
    }
  });

  it('keeps the dataset under results/dataset/<table>/year=<year>/, one file per document and table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-bucket-dataset-'));
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      for (const upload of UPLOADS) {
        const result = ResultSchema.parse(JSON.parse(await getText(resultKey(upload.key, '.json'))));
        const id = documentIdOf(resultKey(upload.key, ''));
        for (const table of ['reports', 'cells', 'findings'] as const) {
          const key = datasetKeyOf(table, result.report.year, id);
          const file = join(dir, `${id}-${table}.parquet`);
          const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
          writeFileSync(file, await object.Body!.transformToByteArray());
          const rows = (await db.runAndReadAll(`SELECT * FROM '${file}'`)).getRowObjectsJS();
          if (table === 'reports') {
            assert.equal(rows.length, 1, key);
            assert.equal(rows[0]!['status'], upload.status, key);
            assert.equal(rows[0]!['agency'], upload.agency, key);
          }
          if (table === 'findings') assert.equal(rows.length, result.findings.length, key);
          if (table === 'cells') assert.ok(rows.length > 100, `${key}: ${rows.length} cells`);
          const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`)).getRowObjectsJS().map((c) => c['column_name']);
          assert.ok(columns.includes('document') && !columns.includes('year'), `${key}: the year is the partition folder, not a column`);
        }
      }
    } finally {
      db.closeSync();
    }
  });

  it('applies a reviewer’s corrections put under corrections/: both values kept, a new version, the dataset follows', async () => {
    const upload = UPLOADS[1];
    const jsonKey = resultKey(upload.key, '.json');
    const read = ResultSchema.parse(JSON.parse(await getText(jsonKey)));
    const cell = read.findings.find((f) => f.severity === 'error')!.cells[0]!;
    const before = cell.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], read.tables) as number;
    const put = async (key: string, sha256: string) => {
      const body = JSON.stringify({
        schemaVersion: 1,
        document: { sha256, uri: read.source.uri },
        corrections: [{ cell, value: before + 1, reason: '对照原件', reviewer: '王审核', time: '2026-11-30T10:00:00Z' }],
      });
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
      return invoke(sqsEvent(s3PutRecord(BUCKET, key, { size: body.length })));
    };
    const correctionsKey = `corrections/${upload.key.slice('incoming/'.length)}.corrections.json`;
    // corrections for other bytes than the result's change nothing
    assert.deepEqual((await put(correctionsKey, 'f'.repeat(64))).batchItemFailures, []);
    assert.equal(ResultSchema.parse(JSON.parse(await getText(jsonKey))).version, read.version);

    assert.deepEqual((await put(correctionsKey, read.source.sha256)).batchItemFailures, []);
    const corrected = ResultSchema.parse(JSON.parse(await getText(jsonKey)));
    assert.equal(corrected.version, read.version + 1);
    assert.equal(corrected.cells[cell]?.method, 'corrected');
    assert.deepEqual(corrected.cells[cell]?.read, { value: before, method: read.cells[cell]?.method ?? 'text' });
    assert.deepEqual(
      corrected.corrections.map((c) => [c.cell, c.value]),
      [[cell, before + 1]],
    );
    assert.match(await getText(resultKey(upload.key, '.report.html')), /含 1 处人工更正/);
    // the bucket's dataset has the corrected figure and the one read
    const key = datasetKeyOf('cells', corrected.report.year, documentIdOf(resultKey(upload.key, '')));
    const file = join(mkdtempSync(join(tmpdir(), 'gouji-bucket-dataset-')), 'cells.parquet');
    writeFileSync(file, await (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await db.runAndReadAll(`SELECT value, method, read_value FROM '${file}' WHERE cell = '${cell}'`)).getRowObjectsJS();
    db.closeSync();
    assert.deepEqual(rows, [{ value: before + 1, method: 'corrected', read_value: before }]);

    // the document read again (its result gone) gets the stored corrections again
    await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: jsonKey }));
    assert.deepEqual((await invoke(sqsEvent(records.get(upload.key)!))).batchItemFailures, []);
    const again = ResultSchema.parse(JSON.parse(await getText(jsonKey)));
    assert.equal(again.cells[cell]?.method, 'corrected');
    assert.deepEqual(
      again.corrections.map((c) => [c.cell, c.value]),
      [[cell, before + 1]],
    );
    assert.equal(again.status, corrected.status);
  });

  it('changes nothing when the same events arrive again', async () => {
    const keys = UPLOADS.flatMap((u) => [resultKey(u.key, '.json'), resultKey(u.key, '.report.html')]);
    const before = await Promise.all(keys.map(stamp));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // LastModified has one-second resolution
    const response = await invoke(sqsEvent(...records.values()));
    assert.deepEqual(response.batchItemFailures, []);
    assert.deepEqual(await Promise.all(keys.map(stamp)), before);
  });

  it('ignores s3:TestEvent', async () => {
    const response = await invoke(loadEvent('sqs-s3-test-event.json'));
    assert.deepEqual(response.batchItemFailures, []);
  });

  it('fails a message that is not an S3 notification on its own, so it reaches the DLQ', async () => {
    const done = records.get(UPLOADS[1].key);
    assert.ok(done !== undefined);
    const garbage = { ...done, messageId: 'garbage-1', body: '{"Records":[{"eventSource":"aws:s3"}]}' };
    const response = await invoke(sqsEvent(garbage, done));
    assert.deepEqual(response.batchItemFailures, [{ itemIdentifier: 'garbage-1' }]);
  });

  it('fails only the record whose writes S3 refuses, leaving no partial output', async () => {
    const key = 'incoming/2020/铜陵市 农业农村局.txt';
    const body = readFileSync(new URL('src/h003.txt', generated));
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    const fresh = s3PutRecord(BUCKET, key, { size: body.byteLength });
    const done = records.get(UPLOADS[0].key);
    assert.ok(done !== undefined);

    // Every PUT refused: nothing can be written.
    proxy.failWhen = (req) => req.method === 'PUT';
    const response = await invoke(sqsEvent(fresh, done));
    assert.deepEqual(response.batchItemFailures, [{ itemIdentifier: fresh.messageId }]);
    assert.ok(proxy.refused > 0);
    assert.equal(await exists(resultKey(key, '.json')), false);
    assert.equal(await exists(resultKey(key, '.report.html')), false);

    // Only the JSON refused: the HTML written first must be taken back.
    proxy.failWhen = (req) => req.method === 'PUT' && (req.url ?? '').includes('.json');
    const again = await invoke(sqsEvent(fresh));
    assert.deepEqual(again.batchItemFailures, [{ itemIdentifier: fresh.messageId }]);
    assert.equal(await exists(resultKey(key, '.json')), false);
    assert.equal(await exists(resultKey(key, '.report.html')), false);

    // S3 recovers: the redelivered record succeeds.
    proxy.failWhen = null;
    const retried = await invoke(sqsEvent(fresh));
    assert.deepEqual(retried.batchItemFailures, []);
    assert.equal(JSON.parse(await getText(resultKey(key, '.json'))).report.agency, '铜陵市农业农村局');
  });

  it('reports an object over GOUJI_MAX_BYTES as unreadable without downloading it', async () => {
    const key = 'incoming/huge.pdf';
    const body = new Uint8Array(64 * 1024).fill(0x25);
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    const { createProcessDocumentHandler } = await import('../functions/process-document/process-batch.ts');
    const { depsFromEnv } = await import('../functions/process-document/wiring.ts');
    let gets = 0;
    proxy.failWhen = (req) => {
      if (req.method === 'GET' && (req.url ?? '').includes('huge.pdf')) gets += 1;
      return false;
    };
    const small = createProcessDocumentHandler(await depsFromEnv({ ...process.env, GOUJI_MAX_BYTES: '1000' }));
    const response = await small(sqsEvent(s3PutRecord(BUCKET, key, { size: body.byteLength })), lambdaContext);
    proxy.failWhen = null;
    assert.deepEqual(response.batchItemFailures, []);
    assert.equal(gets, 0);
    const result = ResultSchema.parse(JSON.parse(await getText('results/huge.pdf.json')));
    assert.equal(result.status, 'unreadable');
    assert.deepEqual(
      result.findings.map((f) => f.rule),
      ['document.tooLarge'],
    );
    assert.equal(result.source.bytes, body.byteLength);
  });
});
