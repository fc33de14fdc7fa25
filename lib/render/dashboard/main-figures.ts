import { type CellPath, valueAt } from '../../model/cell-path.ts';
import type { Result } from '../../model/result.ts';

/** The figures the dashboard follows across agencies and years. */
export type FigureId = 'received' | 'grantRate' | 'review' | 'reviewCorrected' | 'litigation' | 'correctionRate';

export interface FigureDef {
  id: FigureId;
  label: string;
  unit: '件' | '%';
  /** the cell a link to the report opens (the numerator of a rate) */
  cell: CellPath;
}

export const MAIN_FIGURES: readonly FigureDef[] = [
  { id: 'received', label: '新收申请', unit: '件', cell: 'applications.newlyReceived.total' },
  { id: 'grantRate', label: '予以公开率', unit: '%', cell: 'applications.results.granted.total' },
  { id: 'review', label: '行政复议', unit: '件', cell: 'reviewLitigation.review.total' },
  { id: 'reviewCorrected', label: '行政复议纠正', unit: '件', cell: 'reviewLitigation.review.corrected' },
  { id: 'litigation', label: '行政诉讼', unit: '件', cell: 'reviewLitigation.litigationDirect.total' },
  { id: 'correctionRate', label: '复议诉讼纠正率', unit: '%', cell: 'reviewLitigation.review.corrected' },
];

const GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;

function sum(result: Result, paths: readonly CellPath[]): number | null {
  let total = 0;
  for (const path of paths) {
    const v = valueAt(result.tables, path);
    if (typeof v !== 'number') return null;
    total += v;
  }
  return total;
}

function percent(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/**
 * The main figures of one result; null where a figure was not read or a rate has no base.
 * 予以公开率 = 予以公开 / 办理结果总计; 纠正率 = 结果纠正 / 已审结 (总计 − 尚未审结), 行政复议与行政诉讼合计.
 */
export function mainFigures(result: Result): Record<FigureId, number | null> {
  const corrected = sum(
    result,
    GROUPS.map((g): CellPath => `reviewLitigation.${g}.corrected`),
  );
  const decided = sum(
    result,
    GROUPS.map((g): CellPath => `reviewLitigation.${g}.total`),
  );
  const pending = sum(
    result,
    GROUPS.map((g): CellPath => `reviewLitigation.${g}.pending`),
  );
  return {
    received: sum(result, ['applications.newlyReceived.total']),
    grantRate: percent(sum(result, ['applications.results.granted.total']), sum(result, ['applications.results.total.total'])),
    review: sum(result, ['reviewLitigation.review.total']),
    reviewCorrected: sum(result, ['reviewLitigation.review.corrected']),
    litigation: sum(result, ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total']),
    correctionRate: percent(corrected, decided === null || pending === null ? null : decided - pending),
  };
}
