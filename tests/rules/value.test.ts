import assert from 'node:assert/strict';
import { CellReader } from '../../lib/tables/cell-values.ts';
import { editLine, processText, ruleCases, sampleText } from './rule-cases.ts';

// h000: a consistent format-2021 report copied as tab-separated text, every cell a number.
const report = sampleText('h000');
const unedited = { what: 'the unedited report, every cell a non-negative integer', findings: () => processText(report) };
/** The report with the 自然人 cell of 一、本年新收 printed as `printed`. */
const newlyReceived = (printed: string) =>
  processText(editLine(report, '一、本年新收政府信息公开申请数量', (line) => line.replace(/\t\t\t0\t/, `\t\t\t${printed}\t`)));
const namesTheCell = (finding: { cells: string[] }) => assert.deepEqual(finding.cells, ['applications.newlyReceived.naturalPerson']);

ruleCases('value.blankCell', 'warning', {
  passes: unedited,
  // 无 and dashes are what publishers print for none: read as 0, with the same warning
  fails: { what: 'a cell printed blank', findings: () => newlyReceived(''), check: namesTheCell },
});

// Through the text readers a row with a word among its figures is not taken for a form row at all
// (structure.missingRow); the cell reader that every reader's tables go through is checked here.
function readCell(printed: string) {
  const reader = new CellReader();
  reader.read(
    'applications.newlyReceived.naturalPerson',
    { text: printed, page: 2, bbox: [100, 200, 130, 212], confidence: 0.9 },
    'naturalPerson',
  );
  return reader.findings;
}

ruleCases('value.notANumber', 'error', {
  passes: { what: 'an OCR’d cell read as 357', findings: () => readCell('357') },
  fails: { what: 'an OCR’d cell read as 不详', findings: () => readCell('不详'), check: namesTheCell },
});

ruleCases('value.negative', 'error', {
  passes: unedited,
  fails: { what: 'a cell printed -3', findings: () => newlyReceived('-3'), check: namesTheCell },
});

ruleCases('value.notInteger', 'error', {
  passes: unedited,
  fails: { what: 'a cell printed 2.5', findings: () => newlyReceived('2.5'), check: namesTheCell },
});
