import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { buildFunctionAsset, nativeBinaries, PROJECT_ROOT } from '../../infra/function-asset.ts';
import { type Result, ResultSchema } from '../../lib/model/result.ts';
import { type LocalS3, startLocalS3 } from '../adapters/local-s3.ts';
import { GENERATED } from '../support/samples.ts';
import { lambdaContext, s3PutRecord, sqsEvent } from './events.ts';

// The default process function: a zip with the local OCR engine. Built by the stack's own
// bundling code for this machine (x64), unpacked outside the project and run by a fresh Node
// process whose only modules are the asset's: it must read a scanned report as the CLI does.
const SCAN = join(GENERATED, 'scan', 'h014.scan.pdf');

describe('the local-OCR zip function', () => {
  let s3: LocalS3;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gouji-asset-'));
    buildFunctionAsset({ name: 'process-document', outDir: dir, architecture: 'x64', localOcr: true });
    s3 = await startLocalS3('asset');
  });
  after(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships only x64 Linux binaries for this machine', () => {
    const binaries = nativeBinaries(dir);
    assert.ok(binaries.length >= 4, binaries.map((b) => b.path).join('\n'));
    assert.deepEqual(
      binaries.filter((b) => b.machine !== 'x64').map((b) => b.path),
      [],
    );
  });

  it('reads a scanned report from the bucket with nothing else on the module path, as the CLI does', async () => {
    const key = 'incoming/2022/宜昌 扫描.pdf';
    const body = readFileSync(SCAN);
    await s3.client.send(new PutObjectCommand({ Bucket: 'asset', Key: key, Body: body }));
    const event = sqsEvent(s3PutRecord('asset', key, { size: body.byteLength }));
    // A child process started in the asset's folder: node resolves modules from there only.
    const script = `const { handler } = await import('./index.mjs');
const context = ${JSON.stringify({ ...lambdaContext, getRemainingTimeInMillis: undefined })};
context.getRemainingTimeInMillis = () => 600000;
const response = await handler(${JSON.stringify(event)}, context);
process.stdout.write(JSON.stringify(response));`;
    // asynchronously: the local S3 this test serves must keep answering the child
    const run = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_PATH: '',
        GOUJI_OCR_ENGINE: 'local',
        GOUJI_S3_ENDPOINT: s3.endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        POWERTOOLS_METRICS_DISABLED: 'true',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
    });
    assert.deepEqual(JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('{"batchItemFailures"'))), { batchItemFailures: [] });
    const object = await s3.client.send(new GetObjectCommand({ Bucket: 'asset', Key: 'results/2022/宜昌 扫描.pdf.json' }));
    const fromZip = ResultSchema.parse(JSON.parse((await object.Body?.transformToString('utf-8')) ?? ''));

    const out = mkdtempSync(join(tmpdir(), 'gouji-asset-cli-'));
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'lib/cli/main.ts'), 'process', SCAN, '--out', out, '--quiet'],
      {
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    const fromCli = ResultSchema.parse(JSON.parse(readFileSync(join(out, 'h014.scan.pdf.json'), 'utf8')));
    rmSync(out, { recursive: true, force: true });

    const essence = (r: Result) => ({
      status: r.status,
      tables: r.tables,
      findings: r.findings,
      ocrPages: r.extraction.ocrPages,
      engine: r.extraction.ocrEngine,
    });
    assert.equal(fromZip.extraction.ocrEngine, 'paddleocr-v4');
    assert.deepEqual(essence(fromZip), essence(fromCli));
  });
});

describe('the deployed (arm64) asset', () => {
  it('holds arm64 binaries only', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-asset-arm64-'));
    try {
      try {
        buildFunctionAsset({ name: 'process-document', outDir: dir, architecture: 'arm64', localOcr: true });
      } catch (error) {
        // the arm64 platform packages come from the npm registry when not cached: offline, say so
        t.skip(`cannot fetch the arm64 packages: ${(error as Error).message.split('\n')[0]}`);
        return;
      }
      const binaries = nativeBinaries(dir);
      assert.ok(binaries.length >= 4);
      assert.deepEqual(
        binaries.filter((b) => b.machine !== 'arm64').map((b) => b.path),
        [],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
