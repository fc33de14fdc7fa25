import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { archiveContinuity, pairYears } from '../../lib/rules/year-pairing.ts';
import { HONGZE_BREAK_YEAR, HONGZE_NAMES, hongzeSeries } from '../support/agency-series.ts';
import { REAL, skipWithoutReal } from '../support/samples.ts';

async function readText(name: string, text: string): Promise<Result> {
  return processDocument({ name, uri: `file:///archive/${name}`, bytes: new TextEncoder().encode(text) }, { config: DEFAULT_CONFIG });
}

const checkOf = (r: Result, rule: string) => r.checks.find((c) => c.rule === rule);
const CARRY = 'applications.carryOverContinuity';
const IN_FORCE = 'proactive.inForceContinuity';

describe('rules across years', () => {
  it('a report on its own lists both rules as skipped, saying why', async () => {
    const [first] = hongzeSeries();
    const result = await readText(first!.name, first!.text);
    assert.deepEqual(
      result.checks.filter((c) => c.rule === CARRY || c.rule === IN_FORCE).map((c) => [c.rule, c.outcome]),
      [
        [CARRY, 'skipped'],
        [IN_FORCE, 'skipped'],
      ],
    );
    assert.match(checkOf(result, CARRY)!.reason!, /2019 年度/);
  });

  it('pairs five years of one agency printed under five names, and finds the one injected break', async () => {
    const series = hongzeSeries();
    const results = await Promise.all(series.map((y) => readText(y.name, y.text)));
    assert.deepEqual(
      results.map((r) => r.report.agency),
      [...HONGZE_NAMES],
    );
    assert.deepEqual(new Set(results.map((r) => r.report.agencyKey)), new Set(['洪泽区人民政府']));
    for (const r of results) assert.equal(r.status, 'valid', JSON.stringify(r.findings));

    const changed = archiveContinuity(results);
    const final = results.map((r) => changed.get(r) ?? r);
    for (const [i, r] of final.entries()) {
      const year = series[i]!.year;
      const carry = checkOf(r, CARRY)!;
      if (i === 0) {
        assert.equal(carry.outcome, 'skipped');
        continue;
      }
      assert.equal(carry.against, results[i - 1]!.source.uri, `${year} compared against ${year - 1}`);
      assert.equal(carry.outcome, year === HONGZE_BREAK_YEAR ? 'fail' : 'pass', `${year}: ${carry.reason}`);
      // 现行有效件数 needs two 2021-format years: 2021 follows a 2019-format 2020
      const inForce = checkOf(r, IN_FORCE)!;
      assert.equal(inForce.outcome, year === 2021 ? 'skipped' : 'pass', `${year}: ${inForce.reason}`);
      if (year !== 2021) assert.equal(inForce.against, results[i - 1]!.source.uri);
    }
    const broken = final[series.findIndex((y) => y.year === HONGZE_BREAK_YEAR)]!;
    assert.equal(broken.status, 'invalid');
    assert.deepEqual(
      broken.findings.filter((f) => f.rule === CARRY).flatMap((f) => f.cells),
      ['applications.carriedOver.naturalPerson', 'applications.carriedOver.total'],
    );
    // the rules are idempotent: running them again over the final results changes nothing
    assert.equal(archiveContinuity(final).size, 0);
  });

  it('does not pair two places that share a district name, and says so when it cannot choose', async () => {
    const [y2020, y2021] = hongzeSeries();
    const a = await readText('a.txt', y2020!.text.replace('淮安市洪泽区人民政府', '北京市朝阳区人民政府'));
    const b = await readText('b.txt', y2020!.text.replace('淮安市洪泽区人民政府', '长春市朝阳区人民政府'));
    const later = await readText('c.txt', y2021!.text.replace('洪泽区人民政府', '长春市朝阳区人民政府'));
    const unsure = await readText('d.txt', y2021!.text.replace('洪泽区人民政府', '朝阳区人民政府'));
    const pairs = pairYears([a, b, later, unsure]);
    assert.equal(pairs.get(later)!.previous, b);
    assert.equal(pairs.get(unsure)!.previous, null);
    assert.match(pairs.get(unsure)!.missing!, /2 份/);
  });

  it('suqian 2023 / 2024 (real tables, the agency printed two ways): both rules pass against 2023', { skip: skipWithoutReal }, async () => {
    // The texts carry no title line: give each year the title a publisher might print.
    const text = (year: number) => readFileSync(join(REAL, `suqian-${year}.txt`), 'utf8');
    const y2023 = await readText('suqian-2023.txt', `江苏省宿迁市人民政府2023年政府信息公开工作年度报告\n${text(2023)}`);
    const y2024 = await readText('suqian-2024.txt', `宿迁市政府办公室2024年政府信息公开工作年度报告\n${text(2024)}`);
    assert.equal(y2023.report.agencyKey, y2024.report.agencyKey);
    const later = archiveContinuity([y2023, y2024]).get(y2024)!;
    for (const rule of [CARRY, IN_FORCE]) {
      const check = checkOf(later, rule)!;
      assert.equal(check.outcome, 'pass', `${rule}: ${check.reason}`);
      assert.equal(check.against, y2023.source.uri);
    }
    assert.equal(later.status, 'valid');
  });
});
