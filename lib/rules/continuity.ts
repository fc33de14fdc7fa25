import type { Finding, Result } from '../model/result.ts';
import { COLUMN_IDS, columnLabel, valueAt } from './figures.ts';

/**
 * Rules that need two reports of the same agency for consecutive years: 上年结转 (N) must equal
 * 结转下年度继续办理 (N−1); 现行有效件数 (N) should be 现行有效件数 (N−1) + 本年制发 − 本年废止.
 * Findings belong to the later report.
 */
export function continuityFindings(previous: Result, current: Result): Finding[] {
  const { report: a } = previous;
  const { report: b } = current;
  if (!a.agency || a.agency !== b.agency || a.year === null || b.year !== a.year + 1) return [];
  const findings: Finding[] = [];
  for (const col of COLUMN_IDS) {
    const before = valueAt(previous.tables, `applications.carriedForward.${col}`);
    const now = valueAt(current.tables, `applications.carriedOver.${col}`);
    if (typeof before !== 'number' || typeof now !== 'number' || before === now) continue;
    findings.push({
      rule: 'applications.carryOverContinuity',
      severity: 'error',
      message: `${columnLabel(col)}列：本年“上年结转”（${now}）不等于${a.year}年报告的“结转下年度继续办理”（${before}）`,
      cells: [`applications.carriedOver.${col}`],
    });
  }
  if (a.formatVersion === '2021' && b.formatVersion === '2021') {
    for (const [row, name] of [
      ['regulations', '规章'],
      ['normativeDocuments', '行政规范性文件'],
    ] as const) {
      const base = `proactive.${row}` as const;
      const before = valueAt(previous.tables, `${base}.inForce`);
      const issued = valueAt(current.tables, `${base}.issued`);
      const repealed = valueAt(current.tables, `${base}.repealed`);
      const now = valueAt(current.tables, `${base}.inForce`);
      if ([before, issued, repealed, now].some((v) => typeof v !== 'number')) continue;
      const expected = (before as number) + (issued as number) - (repealed as number);
      if (expected === now) continue;
      findings.push({
        rule: 'proactive.inForceContinuity',
        severity: 'warning',
        message: `${name}：现行有效件数（${now}）不等于上年现行有效件数（${before}）加本年制发（${issued}）减本年废止（${repealed}）之和（${expected}）`,
        cells: [`${base}.inForce`, `${base}.issued`, `${base}.repealed`],
      });
    }
  }
  return findings;
}

/** Pairs every report in a batch with the same agency's report of the year before, if present. */
export function batchContinuity(results: Result[]): Map<Result, Finding[]> {
  const byKey = new Map<string, Result>();
  for (const r of results) {
    if (r.report.agency && r.report.year !== null) byKey.set(`${r.report.agency}|${r.report.year}`, r);
  }
  const out = new Map<Result, Finding[]>();
  for (const r of results) {
    if (!r.report.agency || r.report.year === null) continue;
    const previous = byKey.get(`${r.report.agency}|${r.report.year - 1}`);
    if (!previous) continue;
    const findings = continuityFindings(previous, r);
    if (findings.length > 0) out.set(r, findings);
  }
  return out;
}
