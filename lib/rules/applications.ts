import type { ApplicantColumnId, ApplicationRowId, CellPath } from '../model/cell-path.ts';
import type { FormatVersion } from '../model/form.ts';
import type { Finding, MergedRows } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { COLUMN_IDS, columnLabel, rowLabel, sumAt, valueAt } from './figures.ts';
import type { Comparison } from './rule-checks.ts';
import type { SumCheck, SumRule } from './sum-checks.ts';

// Table 3's three sums as findings (each failing check of sum-checks.ts, in the reviewer's words),
// and the one inequality the form implies.

const A = 'applications';

function failing<R extends SumRule>(checks: SumCheck[], rule: R): Extract<SumCheck, { rule: R }>[] {
  return checks.filter((c): c is Extract<SumCheck, { rule: R }> => c.rule === rule && c.holds === false);
}

/** 一 + 二 = 三（七）总计 + 四, per column. */
export function applicationsBalance(checks: SumCheck[]): Finding[] {
  return failing(checks, 'applications.balance').map((c) => ({
    rule: c.rule,
    severity: 'error',
    message: `${columnLabel(c.subject)}列：第一项加第二项之和（${c.left}）不等于第三项加第四项之和（${c.right}）`,
    cells: c.cells,
  }));
}

/** （七）总计 = the sum of every item of （一）…（六）, per column. */
export function applicationsResultTotal(checks: SumCheck[]): Finding[] {
  return failing(checks, 'applications.resultTotal').map((c) => ({
    rule: c.rule,
    severity: 'error',
    message: `${columnLabel(c.subject)}列：“（七）总计”（${c.left}）不等于（一）至（六）各项之和（${c.right}）`,
    cells: c.cells,
  }));
}

/** Per row: 总计 = 自然人 + the five 法人或其他组织 columns. */
export function applicationsRowTotal(checks: SumCheck[], format: FormatVersion, mergedRows: MergedRows = {}): Finding[] {
  return failing(checks, 'applications.rowTotal').map((c) => {
    const id = c.subject.slice('applications.'.length) as ApplicationRowId;
    const label = mergedRows[c.subject]?.label.trim() ?? rowLabel(format, id);
    return {
      rule: c.rule,
      severity: 'error',
      message: `“${label}”行：总计（${c.left}）不等于自然人与法人或其他组织各列之和（${c.right}）`,
      cells: c.cells,
    };
  });
}

/** 四、结转下年度继续办理 against 一 + 二 in one column: the one inequality the form implies. */
export interface LimitCheck extends Comparison {
  rule: 'applications.carryForwardLimit';
  subject: ApplicantColumnId;
  /** 四, then 一 and 二 */
  cells: CellPath[];
  onward: number | null;
  inflow: number | null;
}

/** The carry-forward limit of every column of table 3 (none when the table is absent). */
export function carryForwardChecks(tables: Tables): LimitCheck[] {
  if (!tables.applications) return [];
  return COLUMN_IDS.map((col) => {
    const carriedForward: CellPath = `${A}.carriedForward.${col}`;
    const inflowCells = (['newlyReceived', 'carriedOver'] as const).map((r): CellPath => `${A}.${r}.${col}`);
    const onward = valueAt(tables, carriedForward) ?? null;
    const inflow = sumAt(tables, inflowCells);
    return {
      rule: 'applications.carryForwardLimit',
      subject: col,
      cells: [carriedForward, ...inflowCells],
      onward,
      inflow,
      holds: onward === null || inflow === null ? null : onward <= inflow,
    };
  });
}

/**
 * 四、结转下年度继续办理 ≤ 一 + 二, per column: no more applications can go on to next year than
 * came in. Implied by the balance and checked on its own, so it still speaks when （七）总计 could
 * not be read and the balance is skipped.
 */
export function applicationsCarryForwardLimit(checks: LimitCheck[]): Finding[] {
  return checks
    .filter((c) => c.holds === false)
    .map((c) => ({
      rule: c.rule,
      severity: 'warning',
      message: `${columnLabel(c.subject)}列：“四、结转下年度继续办理”（${c.onward}）多于第一项加第二项之和（${c.inflow}），结转的申请不可能多于收到的申请`,
      cells: c.cells,
    }));
}
