import { type ApplicantColumnId, type ApplicationRowId, type CellPath, valueAt } from '../model/cell-path.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion } from '../model/form.ts';
import type { Tables } from '../model/tables.ts';

export { valueAt };

/** Sum of the values at the paths, or null when any of them is missing or unreadable. */
export function sumAt(tables: Tables, paths: readonly CellPath[]): number | null {
  let sum = 0;
  for (const path of paths) {
    const v = valueAt(tables, path);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return round(sum);
}

/** Amounts are decimals: keep float noise out of sums and comparisons. */
export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export const COLUMN_IDS: readonly ApplicantColumnId[] = APPLICANT_COLUMNS.map((c) => c.id);
export const columnLabel = (id: ApplicantColumnId) => APPLICANT_COLUMNS.find((c) => c.id === id)?.label ?? id;

export function rowLabel(format: FormatVersion, id: ApplicationRowId): string {
  const def = APPLICATION_ROWS[format].find((r) => r.id === id);
  if (!def) return id;
  return def.group && !def.group.startsWith('三') ? `${def.group}${def.label}` : def.label;
}
