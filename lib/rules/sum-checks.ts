import type { ApplicantColumnId, ApplicationRowId, CellPath, ReviewGroupId } from '../model/cell-path.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion, REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/form.ts';
import type { MergedRows } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { round } from './figures.ts';

/**
 * Every arithmetic check of one report as data — the one place the sums of the form are written
 * down: which rule, which cells, both sides, and whether it holds (null when a cell it needs is
 * missing or unreadable, so it could not be checked). Rows printed merged (`mergedRows`) stand
 * for their members in every sum. The rules turn failing checks into findings. Pure.
 */
interface Check<Rule extends string, Subject extends string> {
  rule: Rule;
  /** what the check is about */
  subject: Subject;
  /** the cells, total (or the left side) first */
  cells: CellPath[];
  /** the two sides: the stated total (or 一 + 二) and the sum it must equal (or 总计 + 四) */
  left: number | null;
  right: number | null;
  holds: boolean | null;
}

/** A row of table 3 by its path (a form row, or a merged group standing for its rows). */
export type ApplicationRowPath = `applications.${ApplicationRowId}`;

export type SumCheck =
  | Check<'applications.balance', ApplicantColumnId>
  | Check<'applications.resultTotal', ApplicantColumnId>
  | Check<'applications.rowTotal', ApplicationRowPath>
  | Check<'reviewLitigation.total', ReviewGroupId>;
export type SumRule = SumCheck['rule'];

const COLUMNS: readonly ApplicantColumnId[] = APPLICANT_COLUMNS.map((c) => c.id);
const PARTS = COLUMNS.filter((c) => c !== 'total');
const FLOW = ['newlyReceived', 'carriedOver', 'results.total', 'carriedForward'] as const;

export function sumChecks(tables: Tables, format: FormatVersion, mergedRows: MergedRows = {}): SumCheck[] {
  const value = valueReader(tables, mergedRows);
  const sum = (paths: readonly CellPath[]): number | null => {
    let total = 0;
    for (const path of paths) {
      const v = value(path);
      if (v === null) return null;
      total += v;
    }
    return round(total);
  };
  const sides = (left: CellPath[], right: CellPath[]) => {
    const a = sum(left);
    const b = sum(right);
    return { cells: [...left, ...right], left: a, right: b, holds: a === null || b === null ? null : a === b };
  };
  const checks: SumCheck[] = [];
  if (tables.applications) {
    const merged = Object.entries(mergedRows) as [ApplicationRowPath, MergedRows[string]][];
    const mergedMembers = new Set<string>(merged.flatMap(([, row]) => row.members));
    const standing = (ids: readonly ApplicationRowId[]): ApplicationRowPath[] => [
      ...ids.map((id): ApplicationRowPath => `applications.${id}`).filter((path) => !mergedMembers.has(path)),
      ...merged.map(([path]) => path),
    ];
    for (const row of standing(APPLICATION_ROWS[format].map((r) => r.id))) {
      checks.push({
        rule: 'applications.rowTotal',
        subject: row,
        ...sides(
          [`${row}.total`],
          PARTS.map((c): CellPath => `${row}.${c}`),
        ),
      });
    }
    const items = standing(resultItemIds(format));
    for (const col of COLUMNS) {
      const total: CellPath = `applications.results.total.${col}`;
      checks.push({
        rule: 'applications.resultTotal',
        subject: col,
        ...sides(
          [total],
          items.map((row): CellPath => `${row}.${col}`),
        ),
      });
      const flow = FLOW.map((r): CellPath => `applications.${r}.${col}`);
      checks.push({ rule: 'applications.balance', subject: col, ...sides(flow.slice(0, 2), flow.slice(2)) });
    }
  }
  if (tables.reviewLitigation) {
    for (const group of REVIEW_GROUPS) {
      const parts = REVIEW_COLUMNS.filter((c) => c.id !== 'total').map((c): CellPath => `reviewLitigation.${group.id}.${c.id}`);
      checks.push({ rule: 'reviewLitigation.total', subject: group.id, ...sides([`reviewLitigation.${group.id}.total`], parts) });
    }
  }
  return checks;
}

/** Row ids of the items of （一）…（六）: everything （七）总计 sums. */
export function resultItemIds(format: FormatVersion): ApplicationRowId[] {
  return APPLICATION_ROWS[format].map((r) => r.id).filter((id) => id.startsWith('results.') && id !== 'results.total');
}

/** A value by dotted path: a merged row's figures first, then the tables; null when absent or unread. */
export function valueReader(tables: Tables, mergedRows: MergedRows): (path: CellPath) => number | null {
  return (path) => {
    const dot = path.lastIndexOf('.');
    const merged = mergedRows[path.slice(0, dot)];
    if (merged) return (merged.values as Record<string, number | null>)[path.slice(dot + 1)] ?? null;
    let node: unknown = tables;
    for (const key of path.split('.')) {
      if (node === null || typeof node !== 'object') return null;
      node = (node as Record<string, unknown>)[key];
    }
    return typeof node === 'number' ? node : null;
  };
}

/**
 * Cells the sums vouch for: at least one sum crosses them and every one holds, and either two or
 * more sums cross them (a row and a column) or they are the only unsure cell of their one sum —
 * two misreads that cancel out in one sum are possible, in two crossing sums they are not.
 */
export function confirmedBySums(checks: SumCheck[], unsure: ReadonlySet<string>): Set<string> {
  const crossing = new Map<string, SumCheck[]>();
  for (const check of checks) for (const cell of check.cells) crossing.set(cell, [...(crossing.get(cell) ?? []), check]);
  const confirmed = new Set<string>();
  for (const [cell, sums] of crossing) {
    if (!sums.every((s) => s.holds === true)) continue;
    if (sums.length >= 2 || sums[0]!.cells.filter((c) => unsure.has(c)).length === 1) confirmed.add(cell);
  }
  return confirmed;
}
