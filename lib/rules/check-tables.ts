import type { FormatVersion } from '../model/form.ts';
import type { Check, Finding, MergedRows, Narrative } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import {
  applicationsBalance,
  applicationsCarryForwardLimit,
  applicationsResultTotal,
  applicationsRowTotal,
  carryForwardChecks,
} from './applications.ts';
import { narrativeClaims, narrativeMismatch } from './narrative.ts';
import { reviewLitigationTotal } from './review-litigation.ts';
import { checkOf } from './rule-checks.ts';
import { type SumCheck, sumChecks } from './sum-checks.ts';

export interface TablesToCheck {
  tables: Tables;
  format: FormatVersion;
  /** figures stated in 一、总体情况 */
  narrative: Narrative;
  /** groups printed as one row: their figures stand for their members in every sum */
  mergedRows?: MergedRows | undefined;
}

/** Rules recomputed from the tables alone: the ones a correction can change (and the browser re-runs). */
export const TABLE_RULES: readonly string[] = [
  'applications.balance',
  'applications.resultTotal',
  'applications.rowTotal',
  'applications.carryForwardLimit',
  'reviewLitigation.total',
  'narrative.tableMismatch',
];

const NO_TABLE_3 = '未找到表三';
const NO_TABLE_4 = '未找到表四';
const NOTHING_STATED = '“一、总体情况”中没有写明可与表格对照的数字';

/**
 * Every 勾稽 rule one report can be checked against on its own: the findings (each rule a view of
 * its failing comparisons), what each rule checked, and the sums (ocr.lowConfidence asks them
 * which cells they confirm). Pure and free of zod: the report page runs it in the browser.
 */
export function checkTables(input: TablesToCheck): { findings: Finding[]; checks: Check[]; sums: SumCheck[] } {
  const { tables, format, mergedRows } = input;
  const sums = sumChecks(tables, format, mergedRows);
  const limits = carryForwardChecks(tables);
  const claims = narrativeClaims(input.narrative, tables);
  const findings = [
    ...applicationsBalance(sums),
    ...applicationsResultTotal(sums),
    ...applicationsRowTotal(sums, format, mergedRows),
    ...applicationsCarryForwardLimit(limits),
    ...reviewLitigationTotal(sums),
    ...narrativeMismatch(claims),
  ];
  const comparisons = [...sums, ...limits, ...claims];
  const absent = (rule: string): string =>
    rule === 'narrative.tableMismatch' ? NOTHING_STATED : rule.startsWith('applications.') ? NO_TABLE_3 : NO_TABLE_4;
  return { findings, checks: TABLE_RULES.map((rule) => checkOf(rule, comparisons, absent(rule))), sums };
}
