import type { CellPath } from '../model/cell-path.ts';
import type { FormatVersion } from '../model/form.ts';
import { APPLICATION_ROWS } from '../model/form.ts';
import type { Finding } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { COLUMN_IDS, columnLabel, PART_COLUMNS, resultItemRows, rowLabel, sumAt, valueAt } from './figures.ts';

const A = 'applications';

/** 一 + 二 = 三（七）总计 + 四, per column. */
export function applicationsBalance(tables: Tables): Finding[] {
  const findings: Finding[] = [];
  for (const col of COLUMN_IDS) {
    const cells = (['newlyReceived', 'carriedOver', 'results.total', 'carriedForward'] as const).map((r): CellPath => `${A}.${r}.${col}`);
    const inflow = sumAt(tables, cells.slice(0, 2));
    const outflow = sumAt(tables, cells.slice(2));
    if (inflow === null || outflow === null || inflow === outflow) continue;
    findings.push({
      rule: 'applications.balance',
      severity: 'error',
      message: `${columnLabel(col)}列：第一项加第二项之和（${inflow}）不等于第三项加第四项之和（${outflow}）`,
      cells,
    });
  }
  return findings;
}

/** （七）总计 = the sum of every item of （一）…（六）, per column. */
export function applicationsResultTotal(tables: Tables, format: FormatVersion): Finding[] {
  const findings: Finding[] = [];
  const items = resultItemRows(format);
  for (const col of COLUMN_IDS) {
    const total = valueAt(tables, `${A}.results.total.${col}`);
    const cells = items.map((r): CellPath => `${A}.${r}.${col}`);
    const sum = sumAt(tables, cells);
    if (total === null || total === undefined || sum === null || total === sum) continue;
    findings.push({
      rule: 'applications.resultTotal',
      severity: 'error',
      message: `${columnLabel(col)}列：“（七）总计”（${total}）不等于（一）至（六）各项之和（${sum}）`,
      cells: [`${A}.results.total.${col}`, ...cells],
    });
  }
  return findings;
}

/** Per row: 总计 = 自然人 + the five 法人或其他组织 columns. */
export function applicationsRowTotal(tables: Tables, format: FormatVersion): Finding[] {
  const findings: Finding[] = [];
  for (const row of APPLICATION_ROWS[format]) {
    const total = valueAt(tables, `${A}.${row.id}.total`);
    const cells = PART_COLUMNS.map((c): CellPath => `${A}.${row.id}.${c}`);
    const sum = sumAt(tables, cells);
    if (total === null || total === undefined || sum === null || total === sum) continue;
    findings.push({
      rule: 'applications.rowTotal',
      severity: 'error',
      message: `“${rowLabel(format, row.id)}”行：总计（${total}）不等于自然人与法人或其他组织各列之和（${sum}）`,
      cells: [`${A}.${row.id}.total`, ...cells],
    });
  }
  return findings;
}

/**
 * 四、结转下年度继续办理 ≤ 一 + 二, per column: no more applications can go on to next year than
 * came in. Implied by the balance and checked on its own, so it still speaks when （七）总计 could
 * not be read and the balance is skipped.
 */
export function applicationsCarryForwardLimit(tables: Tables): Finding[] {
  const findings: Finding[] = [];
  for (const col of COLUMN_IDS) {
    const carriedForward: CellPath = `${A}.carriedForward.${col}`;
    const inflowCells = (['newlyReceived', 'carriedOver'] as const).map((r): CellPath => `${A}.${r}.${col}`);
    const onward = valueAt(tables, carriedForward);
    const inflow = sumAt(tables, inflowCells);
    if (onward === null || onward === undefined || inflow === null || onward <= inflow) continue;
    findings.push({
      rule: 'applications.carryForwardLimit',
      severity: 'warning',
      message: `${columnLabel(col)}列：“四、结转下年度继续办理”（${onward}）多于第一项加第二项之和（${inflow}），结转的申请不可能多于收到的申请`,
      cells: [carriedForward, ...inflowCells],
    });
  }
  return findings;
}
