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

describe('table 4 printed with every cell blank', () => {
  it('reads fifteen blank cells as 0 with a value.blankCell warning naming them, not a missing table', async () => {
    // the figures' lines taken out: only table 4's headers are left, as a web page or an unruled PDF prints an all-blank table
    const lines = source('h007').split('\n');
    const from = lines.findIndex((l) => l.includes('四、政府信息公开行政复议'));
    const to = lines.findIndex((l) => l.includes('五、存在的主要问题'));
    assert.ok(from > 0 && to > from);
    const text = [...lines.slice(0, from), ...lines.slice(from, to).filter((l) => !/\d/.test(l)), ...lines.slice(to)].join('\n');
    const result = await run(text);
    assert.equal(
      result.findings.find((f) => f.rule === 'structure.missingTable'),
      undefined,
    );
    const review = result.tables.reviewLitigation;
    assert.ok(review);
    assert.deepEqual(
      Object.values(review).flatMap((group) => Object.values(group)),
      new Array(15).fill(0),
    );
    const blank = result.findings.find((f) => f.rule === 'value.blankCell');
    assert.ok(blank);
    assert.equal(blank.cells.filter((c) => c.startsWith('reviewLitigation.')).length, 15);
  });

  it('still reports table 4 missing when its region holds a figure it cannot place', async () => {
    const lines = source('h007').split('\n');
    const from = lines.findIndex((l) => l.includes('四、政府信息公开行政复议'));
    const to = lines.findIndex((l) => l.includes('五、存在的主要问题'));
    const kept = lines.slice(from, to).filter((l) => !/\d/.test(l));
    const text = [...lines.slice(0, from), ...kept, '\t7', ...lines.slice(to)].join('\n');
    const result = await run(text);
    assert.ok(result.findings.some((f) => f.rule === 'structure.missingTable'));
  });
});
