import assert from 'node:assert/strict';
import type { CellSource } from '../../lib/model/result.ts';
import { ruleCases, sampleTables, validate } from './rule-cases.ts';

const tables = sampleTables('h009');
const ocrCell = (confidence: number): CellSource => ({ method: 'ocr', page: 2, bbox: [10, 10, 40, 20], text: '357', confidence });

ruleCases('ocr.lowConfidence', 'warning', {
  passes: {
    what: 'an OCR’d cell read with confidence 0.95 (threshold 0.8)',
    findings: () => validate(tables, '2021', { cells: { 'applications.newlyReceived.total': ocrCell(0.95) } }),
  },
  fails: {
    what: 'an OCR’d cell read with confidence 0.5',
    findings: () =>
      validate(tables, '2021', {
        cells: { 'applications.newlyReceived.total': ocrCell(0.5), 'applications.carriedOver.total': ocrCell(0.99) },
      }),
    check: (finding) => {
      assert.deepEqual(finding.cells, ['applications.newlyReceived.total']);
      assert.match(finding.message, /^1个单元格/);
    },
  },
});
