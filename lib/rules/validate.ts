import type { FormatVersion } from '../model/form.ts';
import type { CellSource, Check, Finding, MergedRows, Narrative, Status } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { checkTables } from './check-tables.ts';
import { statedFigures } from './narrative.ts';
import { lowConfidence, markSuspects } from './ocr-confidence.ts';

export interface ValidationInput {
  tables: Tables;
  format: FormatVersion;
  /** the text of 一、总体情况 */
  overview: string;
  cells: Record<string, CellSource>;
  ocrConfidenceThreshold: number;
  /** groups printed as one row: their figures stand for their members in every sum */
  mergedRows?: MergedRows;
}

/** Every 勾稽 rule that one report can be checked against on its own, with the checks it ran. Pure. */
export function validateReport(input: ValidationInput): { findings: Finding[]; checks: Check[]; narrative: Narrative } {
  const narrative = statedFigures(input.overview);
  const checked = checkTables({ tables: input.tables, format: input.format, narrative, mergedRows: input.mergedRows });
  const findings = [...checked.findings, ...lowConfidence(input.cells, input.ocrConfidenceThreshold, checked.sums)];
  return { findings: markSuspects(findings, input.cells), checks: checked.checks, narrative };
}

/** The findings of `validateReport`. */
export function validateTables(input: ValidationInput): Finding[] {
  return validateReport(input).findings;
}

/** valid: no error; invalid: some error; unreadable: no table found at all. */
export function statusOf(tables: Tables, findings: Finding[]): Status {
  if (!tables.proactive && !tables.applications && !tables.reviewLitigation) return 'unreadable';
  return findings.some((f) => f.severity === 'error') ? 'invalid' : 'valid';
}
