import type { FormatVersion } from '../model/form.ts';
import type { CellSource, Finding, MergedRows, Status } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { applicationsBalance, applicationsCarryForwardLimit, applicationsResultTotal, applicationsRowTotal } from './applications.ts';
import { narrativeMismatch } from './narrative.ts';
import { lowConfidence, markSuspects } from './ocr-confidence.ts';
import { reviewLitigationTotal } from './review-litigation.ts';
import { sumChecks } from './sum-checks.ts';

export interface ValidationInput {
  tables: Tables;
  format: FormatVersion;
  overview: string;
  cells: Record<string, CellSource>;
  ocrConfidenceThreshold: number;
  /** groups printed as one row: their figures stand for their members in every sum */
  mergedRows?: MergedRows;
}

/** Every 勾稽 rule that one report can be checked against on its own. Pure. */
export function validateTables(input: ValidationInput): Finding[] {
  const { tables, format } = input;
  const checks = sumChecks(tables, format, input.mergedRows);
  const findings = [
    ...applicationsBalance(checks),
    ...applicationsResultTotal(checks),
    ...applicationsRowTotal(checks, format, input.mergedRows),
    ...applicationsCarryForwardLimit(tables),
    ...reviewLitigationTotal(checks),
    ...narrativeMismatch(input.overview, tables),
    ...lowConfidence(input.cells, input.ocrConfidenceThreshold, checks),
  ];
  return markSuspects(findings, input.cells);
}

/** valid: no error; invalid: some error; unreadable: no table found at all. */
export function statusOf(tables: Tables, findings: Finding[]): Status {
  if (!tables.proactive && !tables.applications && !tables.reviewLitigation) return 'unreadable';
  return findings.some((f) => f.severity === 'error') ? 'invalid' : 'valid';
}
