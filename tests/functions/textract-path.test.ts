import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type GetDocumentAnalysisCommand, StartDocumentAnalysisCommand, type TextractClient } from '@aws-sdk/client-textract';
import type { SQSRecord } from 'aws-lambda';
import { createProcessDocumentHandler } from '../../functions/process-document/process-batch.ts';
import { storesFor } from '../../functions/shared/aws-env.ts';
import { createTextractCompleteHandler } from '../../functions/textract-complete/process-batch.ts';
import { blocksToPositionedPages } from '../../lib/adapters/ocr/textract/blocks-to-positioned-pages.ts';
import { getAllResults } from '../../lib/adapters/ocr/textract/get-all-results.ts';
import { startAnalysis } from '../../lib/adapters/ocr/textract/start-analysis.ts';
import { parseConfig } from '../../lib/config.ts';
import { ResultSchema } from '../../lib/model/result.ts';
import { type LocalS3, startLocalS3 } from '../adapters/local-s3.ts';
import { loadEvent, s3PutRecord, sqsEvent } from './events.ts';
import { blocksFromText, pagedResponses } from './textract-blocks.ts';

const BUCKET = 'gouji-reports-123456789012-cn-north-1';
const generated = new URL('../../samples/generated/', import.meta.url);
const SCAN_KEY = 'incoming/2020/泉州市统计局 扫描件.scan.pdf';
const TEXT_KEY = 'incoming/2020/铜陵市农业农村局.txt';

/** Textract cannot run here: `send` answers with documented response shapes and records commands. */
function fakeTextract(responses: Record<string, unknown>[]) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: StartDocumentAnalysisCommand | GetDocumentAnalysisCommand) => {
      const input = command.input as unknown as Record<string, unknown>;
      calls.push({ name: command.constructor.name, input });
      if (command instanceof StartDocumentAnalysisCommand) {
        // Textract returns the same JobId for the same ClientRequestToken (idempotent start).
        return { JobId: `job-${String(input['ClientRequestToken'])}`, $metadata: { httpStatusCode: 200 } };
      }
      const token = input['NextToken'] as string | undefined;
      const index = token === undefined ? 0 : Number(token.replace('token-', ''));
      return { ...responses[index], $metadata: { httpStatusCode: 200 } };
    },
  } as unknown as TextractClient;
  return { client, calls };
}

describe('Textract path', () => {
  let s3: LocalS3;
  process.env['POWERTOOLS_METRICS_DISABLED'] = 'true'; // keep EMF lines out of the test output
  const logger = new Logger({ logLevel: 'CRITICAL' });
  const metrics = new Metrics({ namespace: 'GoujiTest', serviceName: 'gouji' });
  metrics.setThrowOnEmptyMetrics(false);
  const config = parseConfig({ ocrEngine: 'textract' });
  const responses = pagedResponses(blocksFromText(new URL('src/h003.txt', generated)), 40);
  const textract = fakeTextract(responses);
  const records: SQSRecord[] = [];

  before(async () => {
    s3 = await startLocalS3(BUCKET);
    for (const [key, file] of [
      [SCAN_KEY, 'scan/h002.scan.pdf'],
      [TEXT_KEY, 'src/h003.txt'],
    ] as const) {
      const body = readFileSync(new URL(file, generated));
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
      records.push(s3PutRecord(BUCKET, key, { size: body.byteLength }));
    }
  });
  after(() => s3?.stop());

  const processHandler = () =>
    createProcessDocumentHandler({
      config,
      storeFor: storesFor(s3.client),
      logger,
      metrics,
      startTextract: (doc) =>
        startAnalysis(textract.client, {
          ...doc,
          snsTopicArn: 'arn:aws:sns:us-east-1:123456789012:gouji-textract',
          roleArn: 'arn:aws:iam::123456789012:role/gouji-textract',
        }),
    });
  const starts = () => textract.calls.filter((c) => c.name === 'StartDocumentAnalysisCommand');
  const resultOf = async (key: string) => {
    const store = storesFor(s3.client)(BUCKET);
    const head = await store.head(key);
    return head === null
      ? null
      : ResultSchema.parse(JSON.parse(new TextDecoder().decode((await store.get(key, { maxBytes: 10_000_000 })).bytes)));
  };

  it('starts one Textract job for the scanned report and none for the text one', async () => {
    const response = await processHandler()(sqsEvent(...records));
    assert.deepEqual(response.batchItemFailures, []);
    assert.equal(starts().length, 1);
    const location = (starts()[0]!.input['DocumentLocation'] as { S3Object: { Bucket: string; Name: string } }).S3Object;
    assert.deepEqual(location, { Bucket: BUCKET, Name: SCAN_KEY });
    assert.equal(await resultOf('results/2020/泉州市统计局 扫描件.scan.pdf.json'), null); // waits for Textract
    assert.equal((await resultOf('results/2020/铜陵市农业农村局.txt.json'))?.report.agency, '铜陵市农业农村局');
  });

  it('never starts a second job for a duplicate delivery', async () => {
    await processHandler()(sqsEvent(...records));
    const jobs = new Set(starts().map((c) => c.input['ClientRequestToken']));
    assert.equal(jobs.size, 1);
  });

  it('reads every NextToken page of the finished job and writes the result', async () => {
    const jobId = `job-${String(starts()[0]?.input['ClientRequestToken'])}`;
    const sample = loadEvent('sqs-textract-completion.json').Records[0] as SQSRecord;
    const envelope = JSON.parse(sample.body) as { Message: string };
    const message = JSON.parse(envelope.Message) as Record<string, unknown>;
    envelope.Message = JSON.stringify({ ...message, JobId: jobId, DocumentLocation: { S3Bucket: BUCKET, S3ObjectName: SCAN_KEY } });
    const completion = { ...sample, body: JSON.stringify(envelope) };

    const handler = createTextractCompleteHandler({
      config,
      storeFor: storesFor(s3.client),
      logger,
      metrics,
      fetchPages: async (id) => blocksToPositionedPages(await getAllResults(textract.client, id)),
    });
    const response = await handler(sqsEvent(completion));
    assert.deepEqual(response.batchItemFailures, []);
    const gets = textract.calls.filter((c) => c.name === 'GetDocumentAnalysisCommand');
    assert.equal(gets.length, responses.length);
    assert.deepEqual(
      gets.map((c) => c.input['NextToken'] ?? null),
      [null, ...responses.slice(0, -1).map((r) => r['NextToken'])],
    );
    assert.ok(gets.every((c) => c.input['JobId'] === jobId));
    const result = await resultOf('results/2020/泉州市统计局 扫描件.scan.pdf.json');
    assert.ok(result !== null);
    assert.notEqual(result.extraction.method, 'text');
    assert.ok((result.extraction.ocrPages ?? []).length > 0);

    // The same completion again: the result is current, Textract is not asked again.
    await handler(sqsEvent(completion));
    assert.equal(textract.calls.filter((c) => c.name === 'GetDocumentAnalysisCommand').length, responses.length);
  });
});
