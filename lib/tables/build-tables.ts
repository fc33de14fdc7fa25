import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  type FormatVersion,
  PROACTIVE_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type RowDef,
} from '../model/form.ts';
import type { LayoutCell } from '../model/layout.ts';
import type { MergedRows } from '../model/result.ts';
import { ApplicantRowSchema } from '../model/tables.ts';
import type { CellReader } from './cell-values.ts';
import type { MappedProactive } from './map-proactive.ts';
import type { MappedRows } from './mapped-rows.ts';

// One builder per table: each reads the mapped cells through the CellReader (values, provenance,
// value.* findings) into the plain shape of its zod schema, and says which form rows were missing.

type Row = Record<string, number | null>;

export interface Built<T> {
  /** null when the table was not found at all */
  table: T | null;
  missing: RowDef[];
}

/** A table counts as found when at least this many of table 3's rows were mapped. */
const MIN_APPLICATION_ROWS = 3;

export function buildProactive(mapped: MappedProactive, format: FormatVersion, reader: CellReader): Built<Record<string, Row>> {
  if (![...mapped.rows.values()].some((r) => r !== null)) return { table: null, missing: [] };
  const table: Record<string, Row> = {};
  const missing: RowDef[] = [];
  for (const def of PROACTIVE_ROWS[format]) {
    const cells = mapped.rows.get(def.id) ?? null;
    if (!cells) missing.push(def);
    table[def.id] = Object.fromEntries(
      def.columns.map((col, k) => [col.id, reader.read(`proactive.${def.id}.${col.id}`, cells?.[k], col.id)]),
    );
  }
  return { table, missing };
}

export function buildApplications(
  mapped: MappedRows,
  format: FormatVersion,
  reader: CellReader,
): Built<Record<string, unknown>> & { mergedRows: MergedRows } {
  const found = [...mapped.rows.values()].filter((r) => r !== null).length + mapped.merged.length;
  if (found < MIN_APPLICATION_ROWS) return { table: null, missing: [], mergedRows: {} };
  const table: Record<string, unknown> = {};
  const missing: RowDef[] = [];
  const mergedMembers = new Set(mapped.merged.flatMap((m) => m.members));
  const splitOf = new Map(mapped.split.map((s) => [s.id, s]));
  for (const def of APPLICATION_ROWS[format]) {
    const split = splitOf.get(def.id);
    if (split) {
      // printed in parts: the form's figure is their sum, and its provenance says so
      const path = `applications.${def.id}`;
      setPath(
        table,
        def.id,
        Object.fromEntries(
          APPLICANT_COLUMNS.map((col, k) => [
            col.id,
            reader.readSum(
              `${path}.${col.id}`,
              split.parts.map((p) => p[k]!),
              col.id,
            ),
          ]),
        ),
      );
      continue;
    }
    const cells = mapped.rows.get(def.id) ?? null;
    if (!cells && !mergedMembers.has(def.id)) missing.push(def);
    // a row printed merged into its group has no figures of its own: null, never invented
    setPath(table, def.id, applicantRow(`applications.${def.id}`, mergedMembers.has(def.id) ? undefined : cells, reader));
  }
  const mergedRows: MergedRows = {};
  for (const merged of mapped.merged) {
    const path = `applications.${merged.group}`;
    mergedRows[path] = {
      label: merged.label,
      members: merged.members.map((m) => `applications.${m}`),
      values: ApplicantRowSchema.parse(applicantRow(path, merged.cells, reader)),
    };
  }
  return { table, missing, mergedRows };
}

function applicantRow(path: string, cells: LayoutCell[] | null | undefined, reader: CellReader): Row {
  return Object.fromEntries(APPLICANT_COLUMNS.map((col, k) => [col.id, cells ? reader.read(`${path}.${col.id}`, cells[k], col.id) : null]));
}

export function buildReviewLitigation(cells: LayoutCell[] | null, reader: CellReader): Built<Record<string, Row>> {
  if (!cells) return { table: null, missing: [] };
  const table: Record<string, Row> = {};
  REVIEW_GROUPS.forEach((group, g) => {
    table[group.id] = Object.fromEntries(
      REVIEW_COLUMNS.map((col, c) => [
        col.id,
        reader.read(`reviewLitigation.${group.id}.${col.id}`, cells[g * REVIEW_COLUMNS.length + c], col.id),
      ]),
    );
  });
  return { table, missing: [] };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
