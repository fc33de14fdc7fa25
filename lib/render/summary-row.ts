import { z } from 'zod';
import { type Result, StatusSchema } from '../model/result.ts';

/** One document in a batch's summary.csv and index.html. */
export const SummaryRowSchema = z.object({
  /** the input file, as the batch names it (relative path or key) */
  file: z.string(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  formatVersion: z.enum(['2019', '2021']).nullable(),
  status: StatusSchema,
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** distinct rule ids of the error and warning findings, errors first, in finding order */
  rules: z.array(z.string()),
  /** the result JSON and HTML report, relative to where summary.csv and index.html are written */
  json: z.string(),
  html: z.string(),
});
export type SummaryRow = z.infer<typeof SummaryRowSchema>;

/** The summary row of one result. */
export function summaryRowFromResult(result: Result, paths: { file: string; json: string; html: string }): SummaryRow {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  return {
    file: paths.file,
    agency: result.report.agency,
    year: result.report.year,
    formatVersion: result.report.formatVersion,
    status: result.status,
    errors: errors.length,
    warnings: warnings.length,
    rules: [...new Set([...errors, ...warnings].map((f) => f.rule))],
    json: paths.json,
    html: paths.html,
  };
}
