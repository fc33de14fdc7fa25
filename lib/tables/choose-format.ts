import type { FormatVersion } from '../model/form.ts';
import type { MappedProactive } from './map-proactive.ts';
import type { MappedRows } from './mapped-rows.ts';

/** Words only table 2 of one format prints (column and row labels). */
const CUES: Record<FormatVersion, readonly string[]> = {
  '2019': ['本年新制作数量', '对外公开总数量', '上一年项目数量', '政府集中采购', '其他对外管理服务事项'],
  '2021': ['本年制发件数', '现行有效件数', '本年废止件数', '本年度止件数', '本年收费金额'],
};

/**
 * How much each kind of evidence weighs, in units of table 3's alignment score (a row matched by
 * its label is worth about 1.5). Labels are the strongest evidence when they can be read; when
 * they cannot, each column sum that holds under one format's alignment and not the other's is
 * nearly decisive; table 2's shape (3,3,1,1,1,1 against 3,3,3,3,3,3,2,2 numbers a row) counts half;
 * the report year (2021 and later use the 2021 form) only breaks what is otherwise a tie.
 */
const WEIGHTS = {
  table3Alignment: 1,
  sumHolding: 1.5,
  table2Alignment: 0.5,
  table2Cue: 1.5,
  year: 0.8,
} as const;
const FIRST_YEAR_OF_2021_FORM = 2021;

/** 2019 or 2021, from the labels, the shapes and the sums of both alignments, and the year. */
export function chooseFormat(
  t3: Record<FormatVersion, MappedRows>,
  t2: Record<FormatVersion, MappedProactive>,
  t2Text: string,
  year: number | null,
): FormatVersion {
  const cues = (format: FormatVersion) => CUES[format].filter((c) => t2Text.includes(c)).length;
  let score = WEIGHTS.table3Alignment * (t3['2021'].score - t3['2019'].score);
  score += WEIGHTS.sumHolding * (t3['2021'].sumsHolding - t3['2019'].sumsHolding);
  score += WEIGHTS.table2Alignment * (t2['2021'].score - t2['2019'].score);
  score += WEIGHTS.table2Cue * (cues('2021') - cues('2019'));
  if (year !== null) score += year >= FIRST_YEAR_OF_2021_FORM ? WEIGHTS.year : -WEIGHTS.year;
  return score >= 0 ? '2021' : '2019';
}
