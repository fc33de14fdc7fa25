import type { Finding } from '../model/result.ts';
import type { SumCheck } from './sum-checks.ts';

const GROUP_NAMES: Record<string, string> = {
  review: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReview: '行政诉讼（复议后起诉）',
};

/** Per group of table 4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function reviewLitigationTotal(checks: SumCheck[]): Finding[] {
  return checks
    .filter((c) => c.rule === 'reviewLitigation.total' && c.holds === false)
    .map((c) => ({
      rule: c.rule,
      severity: 'error',
      message: `${GROUP_NAMES[c.subject] ?? c.subject}：总计（${c.left}）不等于结果维持、结果纠正、其他结果、尚未审结之和（${c.right}）`,
      cells: c.cells,
    }));
}
