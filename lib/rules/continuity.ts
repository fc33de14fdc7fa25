import { agencyKeyOf, sameAgency } from '../model/agency-key.ts';
import type { ApplicantColumnId, CellPath } from '../model/cell-path.ts';
import type { Check, Finding, Result } from '../model/result.ts';
import { COLUMN_IDS, columnLabel, valueAt } from './figures.ts';
import { type Comparison, checkOf } from './rule-checks.ts';
import { statusOf } from './validate.ts';

const CARRY_OVER = 'applications.carryOverContinuity';
const IN_FORCE = 'proactive.inForceContinuity';
/** Rules that need the same agency's report of the year before. */
export const CONTINUITY_RULES: readonly string[] = [CARRY_OVER, IN_FORCE];

type YearReport = Pick<Result, 'tables' | 'report'> & { source?: Pick<Result['source'], 'uri'> };

/** One figure carried on from the year before: a column's 上年结转, or a row's 现行有效件数. */
export type ContinuityCheck =
  | (Comparison & {
      rule: typeof CARRY_OVER;
      subject: ApplicantColumnId;
      cells: CellPath[];
      year: number | null;
      before: number | null;
      now: number | null;
    })
  | (Comparison & {
      rule: typeof IN_FORCE;
      subject: '规章' | '行政规范性文件';
      cells: CellPath[];
      year: number | null;
      before: number | null;
      issued: number | null;
      repealed: number | null;
      now: number | null;
    });

const figure = (v: number | null | undefined): number | null => (typeof v === 'number' ? v : null);

/**
 * 上年结转 (N) must equal 结转下年度继续办理 (N−1), per column; 现行有效件数 (N) should be 现行有效件数
 * (N−1) + 本年制发 − 本年废止, for 规章 and 行政规范性文件 when both years use the 2021 form.
 */
export function continuityComparisons(previous: YearReport, current: YearReport): ContinuityCheck[] {
  const year = previous.report.year;
  const checks: ContinuityCheck[] = [];
  if (previous.tables.applications && current.tables.applications) {
    for (const col of COLUMN_IDS) {
      const before = figure(valueAt(previous.tables, `applications.carriedForward.${col}`));
      const now = figure(valueAt(current.tables, `applications.carriedOver.${col}`));
      const holds = before === null || now === null ? null : before === now;
      checks.push({
        rule: 'applications.carryOverContinuity',
        subject: col,
        cells: [`applications.carriedOver.${col}`],
        year,
        before,
        now,
        holds,
      });
    }
  }
  if (bothIn2021(previous, current) && previous.tables.proactive && current.tables.proactive) {
    for (const [row, name] of [
      ['regulations', '规章'],
      ['normativeDocuments', '行政规范性文件'],
    ] as const) {
      const base = `proactive.${row}` as const;
      const cells: CellPath[] = [`${base}.inForce`, `${base}.issued`, `${base}.repealed`];
      const [now, issued, repealed] = cells.map((p) => figure(valueAt(current.tables, p))) as [number | null, number | null, number | null];
      const before = figure(valueAt(previous.tables, `${base}.inForce`));
      const known = before !== null && now !== null && issued !== null && repealed !== null;
      const holds = known ? before + issued - repealed === now : null;
      checks.push({ rule: 'proactive.inForceContinuity', subject: name, cells, year, before, issued, repealed, now, holds });
    }
  }
  return checks;
}

function bothIn2021(previous: YearReport, current: YearReport): boolean {
  return previous.report.formatVersion === '2021' && current.report.formatVersion === '2021';
}

/** The findings of the later report: a view of the failing comparisons. */
export function continuityFindings(previous: YearReport, current: YearReport): Finding[] {
  return continuityComparisons(previous, current)
    .filter((c) => c.holds === false)
    .map((c): Finding => {
      if (c.rule === CARRY_OVER) {
        return {
          rule: c.rule,
          severity: 'error',
          message: `${columnLabel(c.subject)}列：本年“上年结转”（${c.now}）不等于${c.year}年报告的“结转下年度继续办理”（${c.before}）`,
          cells: c.cells,
        };
      }
      const expected = c.before! + c.issued! - c.repealed!;
      return {
        rule: c.rule,
        severity: 'warning',
        message: `${c.subject}：现行有效件数（${c.now}）不等于${c.year}年现行有效件数（${c.before}）加本年制发（${c.issued}）减本年废止（${c.repealed}）之和（${expected}）`,
        cells: c.cells,
      };
    });
}

/**
 * What the rules across years checked on `current`, each naming the report it compared against.
 * `previous` null: both are skipped, with `missing` (or why no report of the year before fits) as the reason.
 */
export function continuityChecks(previous: YearReport | null, current: YearReport, missing?: string): Check[] {
  if (previous === null) {
    const why = missing ?? missingReason(current);
    return CONTINUITY_RULES.map((rule) => checkOf(rule, [], why));
  }
  const comparisons = continuityComparisons(previous, current);
  const against = previous.source?.uri;
  const absent: Record<string, string> = {
    [CARRY_OVER]: '两年报告中有一份未找到表三',
    [IN_FORCE]: bothIn2021(previous, current) ? '两年报告中有一份未找到表二' : '仅适用于两年均为 2021 版格式的报告',
  };
  return CONTINUITY_RULES.map((rule) => {
    const check = checkOf(rule, comparisons, absent[rule]);
    const compared = comparisons.some((c) => c.rule === rule);
    return compared && against !== undefined ? { ...check, against } : check;
  });
}

function missingReason(current: YearReport): string {
  const { agencyKey, year } = current.report;
  if (agencyKey === null || year === null) return '机关或年度未能识别，无法与上一年度报告对照';
  return `没有同一机关 ${year - 1} 年度的报告可对照`;
}

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
