import assert from 'node:assert/strict';
import { ruleCases, sampleTables, validate, withValue } from './rule-cases.ts';

// h009: a consistent format-2021 report with 357 applications; h019: a consistent format-2019 one.
const consistent = sampleTables('h009');

ruleCases('applications.balance', 'error', {
  passes: { what: 'a consistent report: 一 + 二 = 三（七）总计 + 四 in every column', findings: () => validate(consistent, '2021') },
  fails: {
    what: '上年结转 one too high in the 自然人 column and in its total',
    findings: () =>
      validate(
        withValue(
          withValue(consistent, 'applications.carriedOver.naturalPerson', (v) => v + 1),
          'applications.carriedOver.total',
          (v) => v + 1,
        ),
        '2021',
      ),
    check: (finding) => {
      assert.ok(finding.cells.includes('applications.carriedOver.naturalPerson'));
      assert.match(finding.message, /^自然人列/);
    },
  },
});

ruleCases('applications.resultTotal', 'error', {
  passes: { what: 'a consistent format-2019 report, （六）其他处理 one row', findings: () => validate(sampleTables('h019'), '2019') },
  fails: {
    what: 'an item of （五） one too high with its row total kept in step (format 2019)',
    findings: () =>
      validate(
        withValue(
          withValue(sampleTables('h019'), 'applications.results.notProcessed.repeated.naturalPerson', (v) => v + 1),
          'applications.results.notProcessed.repeated.total',
          (v) => v + 1,
        ),
        '2019',
      ),
    check: (finding) => {
      assert.equal(finding.cells[0], 'applications.results.total.naturalPerson');
      assert.ok(finding.cells.includes('applications.results.otherHandling.naturalPerson'), 'the 2019 （六） row is summed');
      assert.match(finding.message, /（七）总计/);
    },
  },
});

ruleCases('applications.rowTotal', 'error', {
  passes: { what: 'a consistent report: 总计 = the six applicant columns in every row', findings: () => validate(consistent, '2021') },
  fails: {
    what: 'the 总计 of 一、本年新收 one too high',
    findings: () =>
      validate(
        withValue(consistent, 'applications.newlyReceived.total', (v) => v + 1),
        '2021',
      ),
    check: (finding) => {
      assert.equal(finding.cells[0], 'applications.newlyReceived.total');
      assert.match(finding.message, /本年新收/);
    },
  },
});

ruleCases('applications.carryForwardLimit', 'warning', {
  passes: { what: 'a consistent report: 四 ≤ 一 + 二 in every column', findings: () => validate(consistent, '2021') },
  fails: {
    what: '自然人: 120 carried forward of 112 + 1 received, with （七）总计 unreadable (the balance cannot be checked)',
    findings: () =>
      validate(
        withValue(
          withValue(consistent, 'applications.carriedForward.naturalPerson', () => 120),
          'applications.results.total.naturalPerson',
          () => null,
        ),
        '2021',
      ),
    check: (finding) => {
      assert.deepEqual(finding.cells, [
        'applications.carriedForward.naturalPerson',
        'applications.newlyReceived.naturalPerson',
        'applications.carriedOver.naturalPerson',
      ]);
      assert.match(finding.message, /^自然人列：“四、结转下年度继续办理”（120）多于第一项加第二项之和（113）/);
    },
  },
});
