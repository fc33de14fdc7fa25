import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion } from '../model/form.ts';

/** Reads a dotted path out of the tables object; undefined when absent. */
export function valueAt(tables: unknown, path: string): number | null | undefined {
  let node: unknown = tables;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' || node === null ? node : undefined;
}

/** Sum of the values at the paths, or null when any of them is missing or unreadable. */
export function sumAt(tables: unknown, paths: string[]): number | null {
  let sum = 0;
  for (const path of paths) {
    const v = valueAt(tables, path);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return round(sum);
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export const COLUMN_IDS = APPLICANT_COLUMNS.map((c) => c.id);
export const PART_COLUMNS = COLUMN_IDS.filter((c) => c !== 'total');
export const columnLabel = (id: string) => APPLICANT_COLUMNS.find((c) => c.id === id)?.label ?? id;

/** Row ids of the items of （一）…（六） (everything that （七）总计 sums). */
export function resultItemRows(format: FormatVersion): string[] {
  return APPLICATION_ROWS[format].map((r) => r.id).filter((id) => id.startsWith('results.') && id !== 'results.total');
}

export function rowLabel(format: FormatVersion, id: string): string {
  const def = APPLICATION_ROWS[format].find((r) => r.id === id);
  if (!def) return id;
  return def.group && !def.group.startsWith('三') ? `${def.group}${def.label}` : def.label;
}
