import type { CellPath } from '../model/cell-path.ts';
import type { Finding } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { normalizeText } from '../tables/normalize.ts';
import { sumAt, valueAt } from './figures.ts';

interface Claim {
  what: string;
  stated: number;
  /** table figures any of which the statement may mean (e.g. 收办 = 新收 + 上年结转) */
  readings: { value: number | null; cells: CellPath[]; label: string }[];
}

/**
 * Figures stated in 一、总体情况 against the tables. Only sentences that plainly state the same
 * measure are compared; 备案 (filed-case) counts are a different scope and are skipped.
 */
export function narrativeMismatch(overview: string, tables: Tables): Finding[] {
  const text = normalizeText(overview);
  const sentences = text.split(/[。；;！!\n]/u).filter((s) => !s.includes('备案'));
  const claims: Claim[] = [];
  const nr: CellPath = 'applications.newlyReceived.total';
  const co: CellPath = 'applications.carriedOver.total';
  for (const s of sentences) {
    const m = /(?:收到|新收|受理|接收|收办)[^，,。]{0,16}?申请(?:案件)?(?:共|总计|合计)?(\d+)件/u.exec(s);
    if (m) {
      const newly = valueAt(tables, nr) ?? null;
      claims.push({
        what: '收到政府信息公开申请',
        stated: Number(m[1]),
        readings: [
          { value: newly, cells: [nr], label: '表三“本年新收政府信息公开申请数量”总计' },
          { value: sumAt(tables, [nr, co]), cells: [nr, co], label: '新收与上年结转之和' },
        ],
      });
      break;
    }
  }
  for (const s of sentences) {
    const m = /行政复议(?:案件)?(?:共|总计|合计)?(\d+)件/u.exec(s);
    if (m) {
      const cell: CellPath = 'reviewLitigation.review.total';
      claims.push({
        what: '行政复议',
        stated: Number(m[1]),
        readings: [{ value: valueAt(tables, cell) ?? null, cells: [cell], label: '表四行政复议总计' }],
      });
      break;
    }
  }
  const findings: Finding[] = [];
  for (const claim of claims) {
    const known = claim.readings.filter((r) => r.value !== null);
    if (known.length === 0 || known.some((r) => r.value === claim.stated)) continue;
    const first = known[0]!;
    findings.push({
      rule: 'narrative.tableMismatch',
      severity: 'warning',
      message: `“一、总体情况”称${claim.what}${claim.stated}件，与${first.label}（${first.value}）不一致`,
      cells: first.cells,
    });
  }
  return findings;
}
