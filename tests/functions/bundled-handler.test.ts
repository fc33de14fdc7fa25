import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { BUNDLE_BANNER, BUNDLE_EXTERNALS, pdfjsCopyCommands } from '../../infra/gouji-stack.ts';
import { ResultSchema } from '../../lib/model/result.ts';
import { type LocalS3, startLocalS3, useLocalLambdaEnv } from '../adapters/local-s3.ts';
import { lambdaContext, s3PutRecord, sqsEvent } from './events.ts';

// The zip function as the stack bundles it (esbuild options and pdf.js files from infra/), run
// outside the project so nothing resolves from its node_modules by accident.
const root = fileURLToPath(new URL('../../', import.meta.url));
const generated = new URL('../../samples/generated/', import.meta.url);

describe('the bundled process-document function', () => {
  let s3: LocalS3;
  let dir: string;
  let handler: (event: SQSEvent, context: typeof lambdaContext) => Promise<SQSBatchResponse>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gouji-bundled-'));
    await build({
      entryPoints: [join(root, 'functions/process-document/handler.ts')],
      outfile: join(dir, 'index.mjs'),
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      external: [...BUNDLE_EXTERNALS],
      banner: { js: BUNDLE_BANNER },
      logLevel: 'error',
    });
    for (const command of pdfjsCopyCommands(root.replace(/\/$/, ''), dir)) execSync(command);
    s3 = await startLocalS3('bundled');
    useLocalLambdaEnv(s3.endpoint);
    ({ handler } = (await import(join(dir, 'index.mjs'))) as { handler: typeof handler });
  });
  after(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a born-digital Chinese PDF with pdf.js from the shipped files', async () => {
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
