import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { processDocument } from '../../lib/process-document.ts';
import { applyCorrections } from '../../lib/rules/apply-corrections.ts';
import { valueAt } from '../../lib/rules/figures.ts';
import { hongzeSeries } from '../support/agency-series.ts';

const CELL = 'reviewLitigation.review.corrected';
const correction = (value: number | null) => ({ cell: CELL, value, reason: '对照原件', reviewer: '王', time: '2026-01-05T10:00:00Z' });

async function misread() {
  const year = hongzeSeries()[3]!;
  const truth = year.values[CELL]!;
  // the figure misread as another: the 行政复议 总计 no longer adds up
  const text = year.text.replace(/^(\S*)\t/m, '$1\t');
  const result = await processDocument(
    { name: 'y.txt', uri: 'file:///y.txt', bytes: new TextEncoder().encode(text) },
    { config: DEFAULT_CONFIG },
  );
  const tables = structuredClone(result.tables);
  (tables.reviewLitigation as Record<string, Record<string, number>>)['review']![CELL.split('.').at(-1)!] = truth + 7;
  return { result: { ...result, tables }, truth };
}

describe('applyCorrections', () => {
  it('turns a misread table valid, keeps the value read, says the cell was corrected and makes a new version', async () => {
    const { result, truth } = await misread();
    const recheck = applyCorrections(result, [correction(truth + 1)]);
    const baseline = applyCorrections(recheck, [correction(truth + 7)]);
    assert.equal(baseline.status, 'invalid', 'the misread figure breaks 行政复议 总计');
    const fixed = applyCorrections(result, [correction(truth)]);
    assert.equal(fixed.status, 'valid');
    assert.equal(valueAt(fixed.tables, CELL), truth);
    assert.equal(fixed.cells[CELL]?.method, 'corrected');
    assert.deepEqual(fixed.cells[CELL]?.read, { value: truth + 7, method: 'text' });
    assert.equal(fixed.version, result.version + 1);
    assert.deepEqual(fixed.corrections, [correction(truth)]);
    assert.equal(fixed.checks.find((c) => c.rule === 'reviewLitigation.total')?.outcome, 'pass');
    // the same corrections again change nothing; other corrections start again from the values read
    assert.equal(applyCorrections(fixed, [correction(truth)]), fixed);
    const again = applyCorrections(fixed, [correction(truth + 1)]);
    assert.deepEqual(again.cells[CELL]?.read, { value: truth + 7, method: 'text' });
    assert.equal(again.version, fixed.version + 1);
    assert.equal(again.status, 'invalid');
  });

  it('ignores a correction of a cell the tables do not have', async () => {
    const { result } = await misread();
    const next = applyCorrections(result, [{ ...correction(1), cell: 'applications.nothing.total' }]);
    assert.deepEqual(next.corrections, []);
    assert.equal(next.tables.reviewLitigation?.review.total, result.tables.reviewLitigation?.review.total);
  });
});
