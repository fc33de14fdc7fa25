import type { CellPath } from '../model/cell-path.ts';
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/form.ts';
import type { Finding } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { sumAt, valueAt } from './figures.ts';

const GROUP_NAMES: Record<string, string> = {
  review: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReview: '行政诉讼（复议后起诉）',
};

/** Per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function reviewLitigationTotal(tables: Tables): Finding[] {
  const findings: Finding[] = [];
  for (const group of REVIEW_GROUPS) {
    const base = `reviewLitigation.${group.id}` as const;
    const total = valueAt(tables, `${base}.total`);
    const cells = REVIEW_COLUMNS.filter((c) => c.id !== 'total').map((c): CellPath => `${base}.${c.id}`);
    const sum = sumAt(tables, cells);
    if (total === null || total === undefined || sum === null || total === sum) continue;
    findings.push({
      rule: 'reviewLitigation.total',
      severity: 'error',
      message: `${GROUP_NAMES[group.id]}：总计（${total}）不等于结果维持、结果纠正、其他结果、尚未审结之和（${sum}）`,
      cells: [`${base}.total`, ...cells],
    });
  }
  return findings;
}
