import type { CellPath } from '../model/cell-path.ts';
import type { Finding, Narrative } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { normalizeText } from '../tables/normalize.ts';
import { sumAt, valueAt } from './figures.ts';
import type { Comparison } from './rule-checks.ts';

/**
 * The figures 一、总体情况 plainly states: applications received, 行政复议 cases. Sentences about
 * 备案 (filed-case) counts are another scope and are skipped. Kept in the result, so the tables can
 * be checked against them again after a correction, in the browser too.
 */
export function statedFigures(overview: string): Narrative {
  const text = normalizeText(overview);
  const sentences = text.split(/[。；;！!\n]/u).filter((s) => !s.includes('备案'));
  const stated: Narrative = {};
  for (const s of sentences) {
    const m = /(?:收到|新收|受理|接收|收办)[^，,。]{0,16}?申请(?:案件)?(?:共|总计|合计)?(\d+)件/u.exec(s);
    if (m) {
      stated.applicationsReceived = Number(m[1]);
      break;
    }
  }
  for (const s of sentences) {
    const m = /行政复议(?:案件)?(?:共|总计|合计)?(\d+)件/u.exec(s);
    if (m) {
      stated.reviewCases = Number(m[1]);
      break;
    }
  }
  return stated;
}

/** A figure stated in 一、总体情况 against the table figures it may mean (收办 = 新收 + 上年结转). */
export interface NarrativeClaim extends Comparison {
  rule: 'narrative.tableMismatch';
  what: string;
  stated: number;
  /** the readings that could be made (a figure not read is left out); holds when any equals `stated` */
  readings: { value: number; cells: CellPath[]; label: string }[];
}

/** Each figure 一、总体情况 states, compared with the tables (null when none of its figures was read). */
export function narrativeClaims(stated: Narrative, tables: Tables): NarrativeClaim[] {
  const nr: CellPath = 'applications.newlyReceived.total';
  const co: CellPath = 'applications.carriedOver.total';
  const review: CellPath = 'reviewLitigation.review.total';
  const claims: [string, number | undefined, { value: number | null; cells: CellPath[]; label: string }[]][] = [
    [
      '收到政府信息公开申请',
      stated.applicationsReceived,
      [
        { value: valueAt(tables, nr) ?? null, cells: [nr], label: '表三“本年新收政府信息公开申请数量”总计' },
        { value: sumAt(tables, [nr, co]), cells: [nr, co], label: '新收与上年结转之和' },
      ],
    ],
    ['行政复议', stated.reviewCases, [{ value: valueAt(tables, review) ?? null, cells: [review], label: '表四行政复议总计' }]],
  ];
  return claims.flatMap(([what, figure, readings]) => {
    if (figure === undefined) return [];
    const known = readings.filter((r): r is NarrativeClaim['readings'][number] => r.value !== null);
    const holds = known.length === 0 ? null : known.some((r) => r.value === figure);
    return [{ rule: 'narrative.tableMismatch', what, stated: figure, readings: known, holds }];
  });
}

/** The figures stated in 一、总体情况 that the tables contradict. */
export function narrativeMismatch(claims: NarrativeClaim[]): Finding[] {
  return claims
    .filter((c) => c.holds === false)
    .map((claim) => {
      const first = claim.readings[0]!;
      return {
        rule: claim.rule,
        severity: 'warning',
        message: `“一、总体情况”称${claim.what}${claim.stated}件，与${first.label}（${first.value}）不一致`,
        cells: first.cells,
      };
    });
}
