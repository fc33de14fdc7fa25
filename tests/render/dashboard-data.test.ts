import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { processDocument } from '../../lib/process-document.ts';
import { ANOMALY_FACTOR, ANOMALY_MIN_BASE, dashboardData, quantile } from '../../lib/render/dashboard/dashboard-data.ts';
import { archiveContinuity } from '../../lib/rules/year-pairing.ts';
import { agencySeries } from '../support/agency-series.ts';

describe('dashboard data', () => {
  it('computes percentiles by linear interpolation (as spreadsheets do)', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([1, 2, 3, 4], 0.25), 1.75);
    assert.equal(quantile([7], 0.75), 7);
  });

  it('lists a figure that jumps more than the factor over the base, linking both reports’ cells, and not a smaller change', async () => {
    // 行政复议纠正: 2 → 40 (×20, an anomaly), then 40 → 45 (no)
    const corrected: Record<number, number> = { 2022: 2, 2023: 40, 2024: 45 };
    const series = agencySeries({
      names: ['甲市乙区商务局', '乙区商务局', '乙区商务局'],
      firstYear: 2022,
      slug: 'yi',
      seed: 5,
      adjust: (year, raw) => {
        raw['reviewLitigation.review.corrected'] = corrected[year]!;
      },
    });
    const texts = series.map((y) => y.text);
    const read = (text: string, i: number) =>
      processDocument({ name: `y${i}.txt`, uri: `file:///y${i}.txt`, bytes: new TextEncoder().encode(text) }, { config: DEFAULT_CONFIG });
    const results = await Promise.all(texts.map(read));
    const final = (() => {
      const changed = archiveContinuity(results);
      return results.map((r) => changed.get(r) ?? r);
    })();
    const data = dashboardData(
      final.map((result, i) => ({ id: `y${i}`, file: `y${i}.txt`, result, html: `y${i}.report.html`, json: `y${i}.json` })),
    );
    for (const a of data.anomalies) {
      assert.ok(a.factor > ANOMALY_FACTOR && Math.max(a.from, a.to) >= ANOMALY_MIN_BASE, JSON.stringify(a));
      assert.match(a.fromHref, /^y\d\.report\.html#cell-/);
      assert.equal(a.toYear, a.fromYear + 1);
    }
    const jumps = data.anomalies.filter((a) => a.figure === 'reviewCorrected');
    assert.deepEqual(
      jumps.map((a) => [a.fromYear, a.toYear, a.from, a.to, a.factor]),
      [[2022, 2023, 2, 40, 20]],
    );
    assert.equal(jumps[0]!.toHref, 'y1.report.html#cell-reviewLitigation.review.corrected');
    const years = data.percentiles.filter((p) => p.figure === 'received').map((p) => p.year);
    assert.deepEqual(years, [2022, 2023, 2024]);
    assert.deepEqual(
      data.documents.map((d) => d.figures.received),
      series.map((y) => y.values['applications.newlyReceived.total']),
    );
  });
});
