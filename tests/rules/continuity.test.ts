import assert from 'node:assert/strict';
import { APPLICANT_COLUMNS } from '../../lib/model/form.ts';
import type { Result } from '../../lib/model/result.ts';
import { ResultSchema } from '../../lib/model/result.ts';
import type { Tables } from '../../lib/model/tables.ts';
import { batchContinuity } from '../../lib/rules/year-pairing.ts';
import { GOUJI_VERSION } from '../../lib/version.ts';
import { ruleCases, sampleTables, withValue } from './rule-cases.ts';

const AGENCY = '二七区财政局';

/** A valid result of the agency for a year, as the use case would have written it. */
function report(year: number, tables: Tables): Result {
  return ResultSchema.parse({
    schemaVersion: 1,
    goujiVersion: GOUJI_VERSION,
    status: 'valid',
    source: { uri: `file:///in/${year}.txt`, sha256: String(year % 10).repeat(64), bytes: 1000, mediaType: 'text/plain' },
    report: { agency: AGENCY, year, formatVersion: '2021', title: `${AGENCY}${year}年政府信息公开工作年度报告` },
    extraction: { method: 'text', reader: 'text' },
    tables,
    cells: {},
    findings: [],
  });
}

/** The findings the batch adds to the later report of the pair. */
function continuity(previous: Result, current: Result) {
  return batchContinuity([current, previous]).get(current) ?? [];
}

// h008 (2024): 2 applications carried over from 2023; 规章 5 issued, 0 repealed, 6 in force; 行政规范性文件 3, 0, 33.
const current = report(2024, sampleTables('h008'));
const year2023 = (change: (tables: Tables) => Tables = (t) => t) => {
  let tables = sampleTables('h008');
  for (const { id } of APPLICANT_COLUMNS) {
    tables = withValue(tables, `applications.carriedForward.${id}`, () => current.tables.applications?.carriedOver[id] ?? 0);
  }
  // in force at the end of 2023 = in force at the end of 2024 − issued in 2024 + repealed in 2024
  for (const row of ['regulations', 'normativeDocuments'] as const) {
    const figures = current.tables.proactive && 'inForce' in current.tables.proactive[row] ? current.tables.proactive[row] : undefined;
    tables = withValue(
      tables,
      `proactive.${row}.inForce`,
      () => (figures?.inForce ?? 0) - (figures?.issued ?? 0) + (figures?.repealed ?? 0),
    );
  }
  return report(2023, change(tables));
};

ruleCases('applications.carryOverContinuity', 'error', {
  passes: { what: '2024’s 上年结转 equals 2023’s 结转下年度继续办理 in every column', findings: () => continuity(year2023(), current) },
  fails: {
    what: '2023 carried one more 自然人 application forward than 2024 took over',
    findings: () =>
      continuity(
        year2023((t) => withValue(t, 'applications.carriedForward.naturalPerson', (v) => v + 1)),
        current,
      ),
    check: (finding) => {
      assert.deepEqual(finding.cells, ['applications.carriedOver.naturalPerson']);
      assert.match(finding.message, /^自然人列.*2023年/);
    },
  },
});

ruleCases('proactive.inForceContinuity', 'warning', {
  passes: { what: '规章 in force: 1 (2023) + 5 issued − 0 repealed = 6 (2024)', findings: () => continuity(year2023(), current) },
  fails: {
    what: '规章 in force in 2023 was 2, so 2024 should have 7, not 6',
    findings: () =>
      continuity(
        year2023((t) => withValue(t, 'proactive.regulations.inForce', () => 2)),
        current,
      ),
    check: (finding) => {
      assert.deepEqual(finding.cells, ['proactive.regulations.inForce', 'proactive.regulations.issued', 'proactive.regulations.repealed']);
      assert.match(finding.message, /^规章：现行有效件数（6）.*（7）/);
    },
  },
});
