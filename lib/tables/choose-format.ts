import type { FormatVersion } from '../model/form.ts';
import type { MappedRows } from './map-applications.ts';
import type { MappedProactive } from './map-proactive.ts';

/**
 * 2019 or 2021: the labels of table 2 and the (七) items when they can be read; when they cannot,
 * the shapes (25 against 23 rows in table 3, 3,3,1,1,1,1 against 3,3,3,3,3,3,2,2 numbers a row in
 * table 2) and the form's own sums under each alignment; the report year breaks a tie.
 */
export function chooseFormat(
  t3: Record<FormatVersion, MappedRows>,
  t2: Record<FormatVersion, MappedProactive>,
  t2Text: string,
  year: number | null,
): FormatVersion {
  const cues2019 = ['本年新制作数量', '对外公开总数量', '上一年项目数量', '政府集中采购', '其他对外管理服务事项'];
  const cues2021 = ['本年制发件数', '现行有效件数', '本年废止件数', '本年度止件数', '本年收费金额'];
  const count = (cues: string[]) => cues.filter((c) => t2Text.includes(c)).length;
  let score = t3['2021'].score - t3['2019'].score;
  // When labels are unreadable the sums decide: the right alignment makes （七）总计 and the
  // balance hold in (nearly) every column, a shifted one breaks them.
  score += 1.5 * (t3['2021'].sumsHolding - t3['2019'].sumsHolding);
  // table 2's shape differs too: 3,3,1,1,1,1 numbers a row (2021) against 3,3,3,3,3,3,2,2 (2019)
  score += 0.5 * (t2['2021'].score - t2['2019'].score);
  score += 1.5 * (count(cues2021) - count(cues2019));
  if (year !== null) score += year >= 2021 ? 0.8 : -0.8;
  return score >= 0 ? '2021' : '2019';
}
