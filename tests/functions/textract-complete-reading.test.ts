import '../support/quiet-powertools.ts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { GetDocumentAnalysisCommandOutput } from '@aws-sdk/client-textract';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { storesFor } from '../../functions/shared/aws-env.ts';
import { createTextractCompleteHandler } from '../../functions/textract-complete/process-batch.ts';
import { blocksToPositionedPages } from '../../lib/adapters/ocr/textract/blocks-to-positioned-pages.ts';
import { getAllResults } from '../../lib/adapters/ocr/textract/get-all-results.ts';
import { parseConfig } from '../../lib/config.ts';
import { type Result, ResultSchema } from '../../lib/model/result.ts';
import { type LocalS3, startLocalS3 } from '../adapters/local-s3.ts';
import { cellDifferences, GENERATED, truthOf } from '../support/samples.ts';
import { analysisResponses, textractAnalysisOf } from '../support/textract-analysis.ts';
import { startTextractHttpFake, type TextractHttpFake } from '../support/textract-http-fake.ts';
import { textractJobsMock } from '../support/textract-mock.ts';
import { lambdaContext, loadEvent, sqsEvent } from './events.ts';

// A Textract job finished on a scanned report: the completion handler fetches Textract's analysis
// (every Chinese label garbled, as Textract's limited Chinese gives it), reads it with the core
// and writes the result beside the source on a real local S3.
const BUCKET = 'gouji-reports-123456789012-cn-north-1';
const SCANS = [
  { id: 'h002', key: 'incoming/2020/泉州市统计局 扫描件.scan.pdf' },
  { id: 'h008', key: 'incoming/2024/二七区财政局+年报.scan.pdf' },
  { id: 'h014', key: 'incoming/2022/宜昌市财政局（扫描）.scan.pdf' },
] as const;
const jobIdOf = (id: string): string => `7c1e${id}${'0'.repeat(56)}`;
const resultKeyOf = (key: string): string => `${key.replace(/^incoming\//, 'results/')}.json`;

/** The completion Textract publishes for a job, through SNS into SQS, from the sample event. */
function completionRecord(jobId: string, key: string): SQSRecord {
  const sample = loadEvent('sqs-textract-completion.json').Records[0] as SQSRecord;
  const envelope = JSON.parse(sample.body) as { Message: string };
  const message = JSON.parse(envelope.Message) as Record<string, unknown>;
  envelope.Message = JSON.stringify({ ...message, JobId: jobId, DocumentLocation: { S3Bucket: BUCKET, S3ObjectName: key } });
  return { ...sample, messageId: `completion-${jobId}`, body: JSON.stringify(envelope) };
}

describe('textract-complete reads a garbled Textract analysis of a scanned report', () => {
  let s3: LocalS3;
  let fake: TextractHttpFake;
  const jobs: Record<string, GetDocumentAnalysisCommandOutput[]> = {};
  const logger = new Logger({ logLevel: 'CRITICAL' });
  const metrics = new Metrics({ namespace: 'GoujiTest', serviceName: 'gouji' });
  metrics.setThrowOnEmptyMetrics(false);

  before(async () => {
    s3 = await startLocalS3(BUCKET);
    for (const { id, key } of SCANS) {
      const blocks = await textractAnalysisOf(new Uint8Array(readFileSync(join(GENERATED, 'pdf', `${id}.pdf`))), { garbleChinese: true });
      jobs[jobIdOf(id)] = analysisResponses(blocks, 300);
      const scan = readFileSync(join(GENERATED, 'scan', `${id}.scan.pdf`));
      for (const prefix of ['', 'wire/']) {
        await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key.replace('incoming/', `incoming/${prefix}`), Body: scan }));
      }
    }
    fake = await startTextractHttpFake(jobs);
  });
  after(async () => {
    await fake?.stop();
    await s3?.stop();
  });

  const resultAt = async (key: string): Promise<Result> => {
    const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return ResultSchema.parse(JSON.parse((await object.Body?.transformToString('utf-8')) ?? ''));
  };

  const assertAsTruth = (result: Result, id: string) => {
    const truth = truthOf(id);
    assert.equal(result.status, truth.failingRules.length === 0 ? 'valid' : 'invalid', `${id} status`);
    assert.deepEqual(cellDifferences(result.tables, truth.tables), [], `${id} cells`);
    const errors = [...new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort();
    assert.deepEqual(errors, [...truth.failingRules].sort(), `${id} failing rules`);
    assert.equal(result.extraction.ocrEngine, 'textract');
    assert.equal(result.report.formatVersion, truth.report.formatVersion);
  };

  it('writes each result valid or invalid exactly as the truth, with the printed values', async () => {
    const textract = textractJobsMock(jobs);
    const handler = createTextractCompleteHandler({
      config: parseConfig({ ocrEngine: 'textract' }),
      storeFor: storesFor(s3.client),
      logger,
      metrics,
      fetchPages: async (jobId) => blocksToPositionedPages(await getAllResults(textract.client, jobId)),
    });
    const response = await handler(sqsEvent(...SCANS.map(({ id, key }) => completionRecord(jobIdOf(id), key))));
    assert.deepEqual(response.batchItemFailures, []);
    for (const { id, key } of SCANS) {
      assertAsTruth(await resultAt(resultKeyOf(key)), id);
      // every result page of the job, each call passing the token the previous one returned
      const calls = textract.calls.filter((c) => c.input['JobId'] === jobIdOf(id));
      assert.deepEqual(
        calls.map((c) => c.input['NextToken'] ?? null),
        [null, ...jobs[jobIdOf(id)]!.slice(0, -1).map((r) => r.NextToken)],
      );
    }
    const h002 = await resultAt(resultKeyOf(SCANS[0].key));
    // the 2019 form's 四、结转下年度继续办理 total as printed (5), which does not add up
    assert.equal((h002.tables.applications as { carriedForward: { total: number } }).carriedForward.total, 5);
    assert.ok(h002.findings.some((f) => f.rule === 'applications.rowTotal' && f.cells.includes('applications.carriedForward.total')));
  });

  it('does the same in the deployed handler, its own TextractClient speaking Textract’s wire protocol', async () => {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_TEXTRACT: fake.endpoint,
      GOUJI_S3_ENDPOINT: s3.endpoint,
      GOUJI_OCR_ENGINE: 'textract',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    });
    const { handler } = await import('../../functions/textract-complete/handler.ts');
    const records = SCANS.map(({ id, key }) => completionRecord(jobIdOf(id), key.replace('incoming/', 'incoming/wire/')));
    const response = (await handler(sqsEvent(...records) as SQSEvent, lambdaContext)) as SQSBatchResponse;
    assert.deepEqual(response.batchItemFailures, []);
    for (const { id, key } of SCANS) assertAsTruth(await resultAt(resultKeyOf(key.replace('incoming/', 'incoming/wire/'))), id);
    const pages = Object.values(jobs).reduce((n, responses) => n + responses.length, 0);
    assert.equal(fake.requests.length, pages);
  });
});
