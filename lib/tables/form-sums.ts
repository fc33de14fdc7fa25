import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion, REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/form.ts';

/** One term of a sum the form fixes: `coef × cell`. */
export interface SumTerm {
  path: string;
  coef: number;
}

/** A sum of the form as Σ terms = 0; `row` sums stay inside one printed row. */
export interface FormSum {
  kind: 'row' | 'column';
  terms: SumTerm[];
}

const A = 'applications';
const PART_COLUMNS = APPLICANT_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);

/**
 * Every sum of table 3 the rules check (docs/format.md): each row's 总计, （七）总计 = its items and
 * 一 + 二 = （七）总计 + 四 in every column.
 */
export function applicationSums(format: FormatVersion): FormSum[] {
  const rows = APPLICATION_ROWS[format].map((r) => r.id);
  const items = rows.filter((id) => id.startsWith('results.') && id !== 'results.total');
  const sums: FormSum[] = rows.map((id) => ({
    kind: 'row',
    terms: [{ path: `${A}.${id}.total`, coef: 1 }, ...PART_COLUMNS.map((c) => ({ path: `${A}.${id}.${c}`, coef: -1 }))],
  }));
  for (const col of APPLICANT_COLUMNS.map((c) => c.id)) {
    const at = (id: string, coef: number) => ({ path: `${A}.${id}.${col}`, coef });
    sums.push({ kind: 'column', terms: [at('results.total', 1), ...items.map((id) => at(id, -1))] });
    sums.push({ kind: 'column', terms: [at('newlyReceived', 1), at('carriedOver', 1), at('results.total', -1), at('carriedForward', -1)] });
  }
  return sums;
}

/** Table 4: 总计 = 维持 + 纠正 + 其他 + 尚未审结, in each of its three groups. */
export function reviewSums(): FormSum[] {
  return REVIEW_GROUPS.map((g) => ({
    kind: 'row',
    terms: REVIEW_COLUMNS.map((c) => ({ path: `reviewLitigation.${g.id}.${c.id}`, coef: c.id === 'total' ? 1 : -1 })),
  }));
}
