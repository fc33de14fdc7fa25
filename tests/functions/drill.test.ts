import '../support/quiet-powertools.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDrill } from '../../scripts/local-aws/drill.ts';

// A small bulk drop through the real handlers, the SQS model, s3rver (with a few 500s), dynalite
// and the Textract double; `npm run drill` is the full one (≥ 300 documents, both engines).
// The fixed cases are all in: the same PDF under two keys, x.doc/x.docx and y.pdf/y.txt, a file
// replaced mid-job, a FAILED Textract job, partly scanned PDFs, hostile files.
const verdict =
  /^drill: (\d+)\/(\d+) documents with a result \| 0 in DLQ \| 0 duplicate results \| textract jobs \d+ for \d+ scanned \| max open jobs (\d+) \(limit (\d+)\) \| wall \d+ s$/;

describe('the bulk-drop drill (small)', () => {
  it('gives every document its own result with Textract, none in the DLQ, open jobs within the limit', async () => {
    const report = await runDrill({ engine: 'textract', documents: 30, maxOpenJobs: 4, startsPerSecond: 1 });
    assert.match(report.line, verdict, report.line);
    assert.equal(report.withResult, report.documents);
    assert.ok(report.documents >= 30);
    assert.ok(report.maxOpenJobs <= report.limit && report.limit === 4);
    assert.ok(report.textractJobs >= report.scanned - 1, 'one job per scanned version (the failed one is not retried in the drill)');
    assert.equal(report.pending, 0);
  });

  it('does the same with the local engine, the Textract fields 0', async () => {
    const report = await runDrill({ engine: 'local', documents: 20, scannedShare: 0 });
    assert.match(report.line, verdict, report.line);
    assert.equal(report.withResult, report.documents);
    assert.equal(report.textractJobs, 0);
  });
});
