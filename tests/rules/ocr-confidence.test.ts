import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CellSource } from '../../lib/model/result.ts';
import { ruleCases, sampleTables, validate, withValue } from './rule-cases.ts';

const tables = sampleTables('h009');
const ocrCell = (confidence: number): CellSource => ({ method: 'ocr', page: 2, bbox: [10, 10, 40, 20], text: '357', confidence });

ruleCases('ocr.lowConfidence', 'warning', {
  passes: {
    what: 'an OCR’d cell read with confidence 0.95 (threshold 0.8)',
    findings: () => validate(tables, '2021', { cells: { 'applications.newlyReceived.total': ocrCell(0.95) } }),
  },
  fails: {
    what: 'an OCR’d cell read with confidence 0.5 that no sum crosses (table 2)',
    findings: () =>
      validate(tables, '2021', {
        cells: { 'proactive.licensing.decisions': ocrCell(0.5), 'applications.carriedOver.total': ocrCell(0.99) },
      }),
    check: (finding) => {
      assert.deepEqual(finding.cells, ['proactive.licensing.decisions']);
      assert.match(finding.message, /^1个单元格/);
    },
  },
});

describe('ocr.lowConfidence where the sums vouch for the reading', () => {
  it('is only an info note when every sum crossing the cell holds (its row total and its column)', async () => {
    const findings = await validate(tables, '2021', { cells: { 'applications.newlyReceived.total': ocrCell(0.5) } });
    const low = findings.filter((f) => f.rule === 'ocr.lowConfidence');
    assert.deepEqual(
      low.map((f) => [f.severity, f.cells]),
      [['info', ['applications.newlyReceived.total']]],
    );
  });

  it('stays a warning when a sum crossing the cell fails', async () => {
    const broken = withValue(tables, 'applications.newlyReceived.naturalPerson', (v) => v + 1);
    const findings = await validate(broken, '2021', { cells: { 'applications.newlyReceived.total': ocrCell(0.5) } });
    assert.ok(findings.some((f) => f.rule === 'ocr.lowConfidence' && f.severity === 'warning'));
  });

  it('stays a warning when its one sum holds but another cell of that sum is as unsure (two misreads can cancel out)', async () => {
    const findings = await validate(tables, '2021', {
      cells: { 'reviewLitigation.review.upheld': ocrCell(0.5), 'reviewLitigation.review.other': ocrCell(0.5) },
    });
    const warned = findings.filter((f) => f.rule === 'ocr.lowConfidence' && f.severity === 'warning').flatMap((f) => f.cells);
    assert.deepEqual(warned.sort(), ['reviewLitigation.review.other', 'reviewLitigation.review.upheld']);
  });
});
