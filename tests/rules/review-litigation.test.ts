import assert from 'node:assert/strict';
import { ruleCases, sampleTables, validate, withValue } from './rule-cases.ts';

// h009: 7 行政复议 cases, consistent.
const consistent = sampleTables('h009');

ruleCases('reviewLitigation.total', 'error', {
  passes: { what: 'a consistent table 4', findings: () => validate(consistent, '2021') },
  fails: {
    what: 'the 行政复议 总计 one too high',
    findings: () =>
      validate(
        withValue(consistent, 'reviewLitigation.review.total', (v) => v + 1),
        '2021',
      ),
    check: (finding) => {
      assert.deepEqual(finding.cells, [
        'reviewLitigation.review.total',
        'reviewLitigation.review.upheld',
        'reviewLitigation.review.corrected',
        'reviewLitigation.review.other',
        'reviewLitigation.review.pending',
      ]);
      assert.match(finding.message, /^行政复议：总计（8）/);
    },
  },
});
