import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsDocumentStore } from '../../lib/adapters/fs-document-store.ts';
import { parseConfig } from '../../lib/config.ts';
import type { Finding } from '../../lib/model/result.ts';
import { planCompletion } from '../../lib/ocr-jobs/complete-textract-job.ts';
import type { JobLedger, OcrJobRecord } from '../../lib/ports/job-ledger.ts';
import { processStoredDocument } from '../../lib/process-stored-document.ts';
import { sha256Of } from '../../lib/sha256.ts';
import { generatedBytes } from '../support/samples.ts';
import { ruleCases } from './rule-cases.ts';

const saysWhy = (words: RegExp) => (finding: Finding) => assert.match(finding.message, words);

// document.ocrJobFailed: the Textract job of a scanned report ended FAILED. The result says so in
// Textract's words (and is never current, see tests/functions/textract-path.test.ts).
const TOKEN = `g2-${'a'.repeat(52)}-1`;

async function completed(status: 'SUCCEEDED' | 'FAILED') {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-job-'));
  const bytes = generatedBytes('pdf/h005.pdf');
  writeFileSync(join(dir, 'report.pdf'), bytes);
  const record: OcrJobRecord = {
    id: TOKEN.slice(0, -2),
    token: TOKEN,
    attempt: 1,
    state: 'open',
    bucket: 'b',
    key: 'report.pdf',
    sha256: sha256Of(bytes),
    pages: [1],
    input: { key: 'report.pdf' },
    jobId: 'job-1',
    updatedAt: 0,
  };
  const ledger: JobLedger = {
    get: async () => record,
    put: async () => true,
    acquireSlot: async () => true,
    releaseSlot: async () => undefined,
  };
  const plan = await planCompletion(
    {
      ledger,
      identityOfToken: (token) => token.slice(0, -2),
      fetchPages: async () => [],
      failureMessage: async () => 'UNSUPPORTED_DOCUMENT',
      now: () => 0,
    },
    { jobId: 'job-1', status, jobTag: TOKEN },
  );
  if (plan.action !== 'read') throw new Error(plan.why);
  const outcome = await processStoredDocument(new FsDocumentStore(dir), 'report.pdf', {
    outputKey: 'report.pdf',
    config: parseConfig({ ocrEngine: 'textract' }),
    prepare: plan.prepare,
  });
  if (outcome.outcome === 'deferred') throw new Error(outcome.reason);
  return outcome.result.findings;
}

ruleCases('document.ocrJobFailed', 'error', {
  passes: { what: 'a Textract job that SUCCEEDED', findings: () => completed('SUCCEEDED') },
  fails: { what: 'a Textract job that ended FAILED', findings: () => completed('FAILED'), check: saysWhy(/UNSUPPORTED_DOCUMENT/) },
});
