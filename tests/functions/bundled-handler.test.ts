import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { buildFunctionAsset } from '../../infra/function-asset.ts';
import { ResultSchema } from '../../lib/model/result.ts';
import { type LocalS3, startLocalS3, useLocalLambdaEnv } from '../adapters/local-s3.ts';
import { lambdaContext, s3PutRecord, sqsEvent } from './events.ts';

// The zip function without the OCR engine (the Textract stack's), built by the stack's bundling
// code (infra/function-asset.ts), run outside the project so nothing resolves from its node_modules.
const generated = new URL('../../samples/generated/', import.meta.url);

describe('the bundled process-document function', () => {
  let s3: LocalS3;
  let dir: string;
  let handler: (event: SQSEvent, context: typeof lambdaContext) => Promise<SQSBatchResponse>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gouji-bundled-'));
    buildFunctionAsset({ name: 'process-document', outDir: dir, architecture: 'x64', localOcr: false });
    s3 = await startLocalS3('bundled');
    useLocalLambdaEnv(s3.endpoint);
    ({ handler } = (await import(join(dir, 'index.mjs'))) as { handler: typeof handler });
  });
  after(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships the bundle and the PDF engine beside it, nothing else', () => {
    assert.deepEqual(readdirSync(dir).sort(), ['index.mjs', 'pdfium.wasm']);
  });

  it('reads a born-digital Chinese PDF with the PDF engine shipped beside the bundle (pdfium.wasm)', async () => {
    const body = readFileSync(new URL('pdf/h005.pdf', generated));
    await s3.client.send(new PutObjectCommand({ Bucket: 'bundled', Key: 'incoming/绍兴 h005.pdf', Body: body }));
    const response = await handler(sqsEvent(s3PutRecord('bundled', 'incoming/绍兴 h005.pdf', { size: body.byteLength })), lambdaContext);
    assert.deepEqual(response.batchItemFailures, []);
    const json = await (
      await s3.client.send(new GetObjectCommand({ Bucket: 'bundled', Key: 'results/绍兴 h005.pdf.json' }))
    ).Body?.transformToString();
    const result = ResultSchema.parse(JSON.parse(json ?? ''));
    assert.equal(result.extraction.reader, 'pdf', JSON.stringify(result.findings).slice(0, 600) + JSON.stringify(result.extraction));
    assert.equal(
      result.report.agency,
      '绍兴市自然资源和规划局',
      JSON.stringify(result.findings).slice(0, 600) + JSON.stringify(result.extraction),
    );
    assert.equal(result.status, 'valid');
  });
});
