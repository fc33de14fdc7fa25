import type { APPLICANT_COLUMNS, APPLICATION_ROWS, FormatVersion, PROACTIVE_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from './form.ts';
import type { Tables } from './tables.ts';

// The ids of the form (form.ts) as types: a misspelt id is a compile error wherever these are used.
export type ApplicantColumnId = (typeof APPLICANT_COLUMNS)[number]['id'];
export type ApplicationRowId = (typeof APPLICATION_ROWS)[FormatVersion][number]['id'];
export type ProactiveRowId = (typeof PROACTIVE_ROWS)[FormatVersion][number]['id'];
export type ProactiveColumnId = (typeof PROACTIVE_ROWS)[FormatVersion][number]['columns'][number]['id'];
export type ReviewGroupId = (typeof REVIEW_GROUPS)[number]['id'];
export type ReviewColumnId = (typeof REVIEW_COLUMNS)[number]['id'];

/**
 * A cell of tables 2–4 by its dotted path, e.g. `applications.results.total.naturalPerson`: the
 * names findings and `cells` use. Built from the form's ids, so a misspelt path is a compile error
 * instead of a rule that silently finds nothing to check. Table 2's columns differ per row; its
 * paths are every row with every table-2 column, so only the ids themselves are checked there.
 */
export type CellPath =
  | `proactive.${ProactiveRowId}.${ProactiveColumnId}`
  | `applications.${ApplicationRowId}.${ApplicantColumnId}`
  | `reviewLitigation.${ReviewGroupId}.${ReviewColumnId}`;

/**
 * The value at a cell path: a number, null when the cell could not be read, undefined when the
 * table (or, for the other format, the row) is absent.
 */
export function valueAt(tables: Tables, path: CellPath): number | null | undefined {
  let node: unknown = tables;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' || node === null ? node : undefined;
}
