import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../lib/config.ts';
import { processDocument } from '../lib/process-document.ts';
import { cellDifferences, generatedFiles, type Truth } from './support/samples.ts';

/**
 * The development set, every text-layer kind: every cell equals the truth, every injected rule is
 * found, no error appears on a consistent document, the status follows.
 */
const KINDS = [
  ['src', 'text and HTML'],
  ['docx', 'DOCX'],
  ['doc', 'Word 97–2003 .doc'],
  ['pdf', 'born-digital PDF'],
] as const;

function expectMatches(result: Awaited<ReturnType<typeof processDocument>>, truth: Truth) {
  assert.deepEqual(cellDifferences(result.tables, truth.tables), []);
  assert.equal(result.report.formatVersion, truth.report.formatVersion);
  assert.equal(result.report.agency, truth.report.agency);
  assert.equal(result.report.year, truth.report.year);
  const errors = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
  assert.deepEqual([...errors].sort(), [...truth.failingRules].sort(), 'error rules');
  const warnings = new Set(result.findings.filter((f) => f.severity === 'warning').map((f) => f.rule));
  for (const rule of truth.warningRules) assert.ok(warnings.has(rule), `warning ${rule} expected`);
  for (const rule of warnings) assert.ok(truth.warningRules.includes(rule), `unexpected warning ${rule}`);
  assert.equal(result.status, truth.failingRules.length === 0 ? 'valid' : 'invalid');
}

describe('generated set, WPS .wps (the Word binary format under WPS Office’s name)', () => {
  for (const file of generatedFiles('doc')) {
    const name = file.name.replace(/\.doc$/, '.wps');
    it(`${name}: read as the .doc it is, every cell and rule as in the truth`, async () => {
      const result = await processDocument(
        { name, uri: `file://${name}`, bytes: new Uint8Array(readFileSync(file.path)) },
        { config: DEFAULT_CONFIG },
      );
      expectMatches(result, file.truth);
      assert.equal(result.extraction.reader, 'doc');
    });
  }
});

for (const [folder, kind] of KINDS) {
  describe(`generated set, ${kind}`, () => {
    for (const file of generatedFiles(folder)) {
      it(`${file.name}: every cell, rule and warning as in the truth`, async () => {
        const result = await processDocument(
          { name: file.name, uri: `file://${file.path}`, bytes: new Uint8Array(readFileSync(file.path)) },
          { config: DEFAULT_CONFIG },
        );
        expectMatches(result, file.truth);
        if (folder === 'doc') {
          assert.equal(result.extraction.reader, 'doc');
          assert.equal(result.source.mediaType, 'application/msword');
        }
        if (folder === 'pdf') {
          assert.equal(result.extraction.method, 'text', 'a born-digital PDF is never OCR’d');
          assert.equal(result.extraction.ocrPages, undefined);
        }
      });
    }
  });
}
