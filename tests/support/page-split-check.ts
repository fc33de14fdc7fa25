/**
 * Compares what gouji read from a generated document with what was printed: every cell of tables
 * 2, 3 and 4, the report's agency, year and format, and whether a misread table came out `valid`.
 */
import type { Result } from '../../lib/model/result.ts';
import { flatten } from './samples.ts';
import type { SyntheticReport } from './synthetic-report.ts';

export interface DocumentCheck {
  cells: number;
  right: number;
  /** "path: read ≠ printed" for every wrong cell */
  wrong: string[];
  /** agency, year or format read wrong */
  header: string[];
  status: Result['status'];
  /** error findings (a consistent document should have none) */
  errors: string[];
  /** every cell right, no error, valid */
  ok: boolean;
  /** a cell read wrong, yet the result says `valid`: the one outcome that must never happen */
  misreadValid: boolean;
}

export function checkDocument(result: Result, report: SyntheticReport): DocumentCheck {
  const got = flatten(result.tables);
  const wrong = Object.entries(report.values)
    .filter(([path, value]) => got[path] !== value)
    .map(([path, value]) => `${path}: ${String(got[path])} ≠ ${value}`);
  const header: string[] = [];
  if (result.report.agency !== report.agency) header.push(`agency ${String(result.report.agency)} ≠ ${report.agency}`);
  if (result.report.year !== report.year) header.push(`year ${String(result.report.year)} ≠ ${report.year}`);
  if (result.report.formatVersion !== report.format) header.push(`format ${String(result.report.formatVersion)} ≠ ${report.format}`);
  const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
  const cells = Object.keys(report.values).length;
  return {
    cells,
    right: cells - wrong.length,
    wrong,
    header,
    status: result.status,
    errors,
    ok: wrong.length === 0 && errors.length === 0 && result.status === 'valid',
    misreadValid: wrong.length > 0 && result.status === 'valid',
  };
}
