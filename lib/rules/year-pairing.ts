// Which report each report is compared against across years: one agency's consecutive years in an
// archive, paired by the normalised agency key, and the rules across years run over the pairs.
import { agencyKeyOf, sameAgency } from '../model/agency-key.ts';
import type { Finding, Result } from '../model/result.ts';
import { CONTINUITY_RULES, continuityChecks, continuityFindings } from './continuity.ts';
import { statusOf } from './validate.ts';

/** What each report of an archive is compared against: the same agency's report of the year before, if exactly one. */
export interface YearPairing {
  previous: Result | null;
  /** why there is none */
  missing?: string;
}

/**
 * Pairs every report with the same agency's report of the year before, matched by the normalised
 * agency key across name variants. Two reports of that year from different places sharing the key
 * (朝阳区 of two cities) are told apart by the divisions printed; when still more than one fits,
 * none is used and the reason says so. The same document twice (same sha256) counts once.
 */
export function pairYears(results: readonly Result[]): Map<Result, YearPairing> {
  // a result made before the key existed carries its agency only
  const keyOf = (r: Result) => r.report.agencyKey ?? agencyKeyOf(r.report.agency);
  const byKeyYear = new Map<string, Result[]>();
  for (const r of results) {
    const agencyKey = keyOf(r);
    const { year } = r.report;
    if (agencyKey === null || year === null) continue;
    const list = byKeyYear.get(`${agencyKey}|${year}`) ?? [];
    if (!list.some((other) => other.source.sha256 === r.source.sha256)) list.push(r);
    byKeyYear.set(`${agencyKey}|${year}`, list);
  }
  const pairs = new Map<Result, YearPairing>();
  for (const r of results) {
    const agencyKey = keyOf(r);
    const { agency, year } = r.report;
    if (agencyKey === null || agency === null || year === null) {
      pairs.set(r, { previous: null });
      continue;
    }
    const candidates = (byKeyYear.get(`${agencyKey}|${year - 1}`) ?? []).filter((p) => sameAgency(p.report.agency ?? '', agency));
    const exact = candidates.filter((p) => p.report.agency === agency);
    const chosen = candidates.length === 1 ? candidates : exact;
    if (chosen.length === 1) pairs.set(r, { previous: chosen[0]! });
    else if (candidates.length > 1) {
      pairs.set(r, { previous: null, missing: `${year - 1} 年度有 ${candidates.length} 份可能属于同一机关的报告，无法确定对照哪一份` });
    } else pairs.set(r, { previous: null });
  }
  return pairs;
}

/**
 * The result with its rules across years run again against `pairing`: earlier continuity findings
 * and checks replaced, status re-derived. Returns the same object when nothing changed.
 */
export function withContinuity(result: Result, pairing: YearPairing): Result {
  if (result.status === 'unreadable') return result;
  const fresh = pairing.previous === null ? [] : continuityFindings(pairing.previous, result);
  const findings: Finding[] = [...result.findings.filter((f) => !CONTINUITY_RULES.includes(f.rule)), ...fresh];
  const checks = [
    ...result.checks.filter((c) => !CONTINUITY_RULES.includes(c.rule)),
    ...continuityChecks(pairing.previous, result, pairing.missing),
  ];
  if (JSON.stringify(findings) === JSON.stringify(result.findings) && JSON.stringify(checks) === JSON.stringify(result.checks))
    return result;
  return { ...result, findings, checks, status: statusOf(result.tables, findings) };
}

/** The continuity findings of each report of a batch that has its agency's report of the year before. */
export function batchContinuity(results: readonly Result[]): Map<Result, Finding[]> {
  const out = new Map<Result, Finding[]>();
  for (const [result, pairing] of pairYears(results)) {
    if (pairing.previous === null) continue;
    const findings = continuityFindings(pairing.previous, result);
    if (findings.length > 0) out.set(result, findings);
  }
  return out;
}

/** Every result of an archive with its rules across years run; only the changed ones are in the map. */
export function archiveContinuity(results: readonly Result[]): Map<Result, Result> {
  const changed = new Map<Result, Result>();
  for (const [result, pairing] of pairYears(results)) {
    const next = withContinuity(result, pairing);
    if (next !== result) changed.set(result, next);
  }
  return changed;
}
