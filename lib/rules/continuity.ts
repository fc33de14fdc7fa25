import type { ApplicantColumnId, CellPath } from '../model/cell-path.ts';
import type { Check, Finding, Result } from '../model/result.ts';
import { COLUMN_IDS, columnLabel, valueAt } from './figures.ts';
import { type Comparison, checkOf } from './rule-checks.ts';

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
