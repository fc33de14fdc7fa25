import type { CellSource, Finding, Result } from '../model/result.ts';
import { checkTables, TABLE_RULES } from './check-tables.ts';
import { markSuspects } from './ocr-confidence.ts';
import { statusOf } from './validate.ts';

/** A correction as the page and the CLI apply it (the fields of `CorrectionSchema`). */
export interface CellCorrection {
  cell: string;
  value: number | null;
  reason: string;
  reviewer: string;
  time: string;
}

/** Findings about single cells that a correction of those cells settles. */
const CELL_RULES = /^(value\.|ocr\.lowConfidence$)/;

/** The value at a path a corrections file names (any string): undefined when the tables have no such cell. */
function valueAt(tables: unknown, path: string): number | null | undefined {
  let node: unknown = tables;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' || node === null ? node : undefined;
}

function setValue(tables: unknown, path: string, value: number | null): void {
  const keys = path.split('.');
  let node = tables as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** The result as read: every corrected cell back to its read value and source. */
function asRead(result: Result): { tables: Result['tables']; cells: Record<string, CellSource> } {
  const tables = structuredClone(result.tables);
  const cells: Record<string, CellSource> = {};
  for (const [path, source] of Object.entries(result.cells)) {
    if (source.method !== 'corrected' || source.read === undefined) {
      cells[path] = source;
      continue;
    }
    const { read, ...rest } = source;
    setValue(tables, path, read.value);
    cells[path] = { ...rest, method: read.method };
  }
  return { tables, cells };
}

/**
 * A reviewer's corrections applied to a result: each corrected cell takes the reviewer's value
 * and keeps the value read (`cells[path].read`, `method: "corrected"`); the rules of the tables
 * run again, the findings the corrections settle go, the status is derived again and the result
 * becomes a new version. Corrections of cells the tables do not have are left out. Pure, and free
 * of zod: the report page runs it in the browser. The same corrections again change nothing.
 */
export function applyCorrections(result: Result, corrections: readonly CellCorrection[]): Result {
  if (JSON.stringify(result.corrections) === JSON.stringify(corrections) || result.status === 'unreadable') return result;
  const { tables, cells } = asRead(result);
  const applied = corrections.filter((c) => valueAt(tables, c.cell) !== undefined);
  for (const c of applied) {
    const before = cells[c.cell];
    const read = {
      value: valueAt(tables, c.cell) ?? null,
      method: before?.method === 'corrected' ? 'text' : (before?.method ?? 'text'),
    } as const;
    cells[c.cell] = { ...(before ?? { text: '' }), method: 'corrected', read };
    setValue(tables, c.cell, c.value);
  }
  const corrected = new Set(applied.map((c) => c.cell));
  const kept: Finding[] = [];
  for (const f of result.findings) {
    if (TABLE_RULES.includes(f.rule)) continue;
    if (!CELL_RULES.test(f.rule)) {
      kept.push(f);
      continue;
    }
    const rest = f.cells.filter((c) => !corrected.has(c));
    if (rest.length > 0) kept.push({ ...f, cells: rest });
  }
  const format = result.report.formatVersion ?? '2021';
  const checked = checkTables({ tables, format, narrative: result.narrative, mergedRows: result.mergedRows });
  const findings = markSuspects([...kept, ...checked.findings], cells);
  const checks = [...checked.checks, ...result.checks.filter((c) => !TABLE_RULES.includes(c.rule))];
  return {
    ...result,
    version: result.version + 1,
    status: statusOf(tables, findings),
    tables,
    cells,
    findings,
    checks,
    corrections: applied.map((c) => ({ ...c })),
  };
}
