import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { load } from 'cheerio';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { processDocument } from '../../lib/process-document.ts';
import { renderReportHtml } from '../../lib/render/outputs.ts';
import { GENERATED, truthOf } from '../support/samples.ts';

async function read(name: string) {
  const bytes = new Uint8Array(readFileSync(join(GENERATED, 'src', name)));
  return processDocument({ name, uri: `file:///${name}`, bytes }, { config: DEFAULT_CONFIG });
}

describe('checks in the result and the report', () => {
  it('lists every rule run on a valid report, passed ones with how many sums held', async () => {
    const name = ['h000.txt', 'h001.txt', 'h003.txt', 'h004.txt'].find((n) => truthOf(n.slice(0, 4)).failingRules.length === 0)!;
    const result = await read(name);
    assert.equal(result.status, 'valid');
    const byRule = Object.fromEntries(result.checks.map((c) => [c.rule, c]));
    for (const rule of ['applications.balance', 'applications.resultTotal', 'applications.rowTotal', 'reviewLitigation.total'])
      assert.equal(byRule[rule]?.outcome, 'pass', rule);
    assert.equal(byRule['applications.balance']?.checked, 7);
    assert.equal(byRule['reviewLitigation.total']?.checked, 3);
    const $ = load(renderReportHtml(result));
    const total = result.checks.reduce((n, c) => n + (c.checked ?? 0), 0);
    assert.equal($('.checks-headline').text(), `${total} 项勾稽关系全部成立。`);
    assert.equal($('table.checks tr[data-rule="applications.balance"] .outcome').text(), '成立');
    assert.equal($('table.checks tr[data-rule="applications.carryOverContinuity"] .outcome').text(), '未核对');
  });

  it('marks the failing rule of an invalid report, with its count', async () => {
    const files = ['h000.txt', 'h001.txt', 'h003.txt', 'h004.txt', 'h006.txt', 'h007.txt', 'h009.txt', 'h010.txt', 'h012.txt'];
    const name = files.find((n) => truthOf(n.slice(0, 4)).failingRules.includes('applications.balance'));
    assert.ok(name, 'a generated sample breaks applications.balance');
    const result = await read(name);
    const balance = result.checks.find((c) => c.rule === 'applications.balance')!;
    assert.equal(balance.outcome, 'fail');
    assert.equal(balance.failed, result.findings.filter((f) => f.rule === 'applications.balance').length);
    assert.match(load(renderReportHtml(result))('.checks-headline').text(), /其中 \d+ 项不成立/);
  });
});
