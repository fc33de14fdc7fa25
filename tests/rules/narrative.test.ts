import assert from 'node:assert/strict';
import { ruleCases, sampleTables, validate } from './rule-cases.ts';

// h009: 357 applications newly received, 4 carried over, 7 行政复议 cases.
const tables = sampleTables('h009');
const overview = (received: number) => `一、总体情况\n本年度共收到政府信息公开申请${received}件，均已按时答复。`;

ruleCases('narrative.tableMismatch', 'warning', {
  passes: {
    what: '一、总体情况 states the 361 applications 收办 (新收 357 + 上年结转 4)',
    findings: () => validate(tables, '2021', { overview: `${overview(361)}全年行政复议7件。` }),
  },
  fails: {
    what: '一、总体情况 states 358 applications where table 3 has 357',
    findings: () => validate(tables, '2021', { overview: overview(358) }),
    check: (finding) => {
      assert.deepEqual(finding.cells, ['applications.newlyReceived.total']);
      assert.match(finding.message, /358件.*357/);
    },
  },
});
