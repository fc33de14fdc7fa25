import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { processDocument } from '../../lib/process-document.ts';
import { GENERATED } from '../support/samples.ts';

const source = (id: string) => readFileSync(join(GENERATED, 'src', `${id}.txt`), 'utf8');

async function run(text: string) {
  return processDocument(
    { name: 'edited.txt', uri: 'file:///edited.txt', bytes: new TextEncoder().encode(text) },
    { config: DEFAULT_CONFIG },
  );
}

describe('structure.* and value.* findings', () => {
  it('passes the unedited document without any of them (control)', async () => {
    const result = await run(source('h007'));
    assert.deepEqual(
      result.findings.filter((f) => /^(structure|value)\./.test(f.rule)),
      [],
    );
  });

  it('warns of a section whose heading is missing', async () => {
    const result = await run(source('h007').replace('五、存在的主要问题及改进情况', '下一步打算'));
    const finding = result.findings.find((f) => f.rule === 'structure.missingSection');
    assert.ok(finding);
    assert.match(finding.message, /存在的主要问题/);
    assert.equal(finding.severity, 'warning');
  });

  it('reports a count printed with a decimal, and a negative count, as errors that name the cell', async () => {
    const lines = source('h007').split('\n');
    const row = lines.findIndex((l) => l.includes('（一）予以公开'));
    assert.ok(row > 0);
    // text-cells layout: the first number of the row is the line after the label
    const first = lines.findIndex((l, i) => i > row && /^\t\d+$/.test(l));
    lines[first] = '\t2.5';
    const negative = lines.findIndex((l, i) => i > first + 2 && /^\t\d+$/.test(l));
    lines[negative] = '\t-3';
    const result = await run(lines.join('\n'));
    const notInteger = result.findings.find((f) => f.rule === 'value.notInteger');
    assert.deepEqual(notInteger?.cells, ['applications.results.granted.naturalPerson']);
    assert.ok(result.findings.some((f) => f.rule === 'value.negative' && f.severity === 'error'));
    assert.equal(result.status, 'invalid');
    assert.equal((result.tables.applications as { results: { granted: { naturalPerson: unknown } } }).results.granted.naturalPerson, null);
  });

  it('leaves a publisher subtotal row out of every sum, with a note', async () => {
    const result = await run(source('h009')); // quirk subtotalRow, consistent
    assert.equal(result.status, 'valid');
    assert.ok(result.findings.some((f) => f.rule === 'structure.extraRow' && f.severity === 'info'));
  });
});
