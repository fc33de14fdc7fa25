import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  DECIMAL_COLUMNS,
  type FormatVersion,
  PROACTIVE_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
} from '../model/form.ts';
import type { LayoutCell } from '../model/layout.ts';
import type { Finding } from '../model/result.ts';
import { applicationSums, type FormSum, reviewSums } from './form-sums.ts';
import { parseCell } from './parse-number.ts';
import { isPending, type RunRow } from './pending-cells.ts';
import { type RowSplit, type SplitProblem, type SplitRow, splitDigitRuns, type Term } from './split-digit-runs.ts';

/** What the cell reader reads in place of a cell: the piece of its run, and how it was obtained. */
export interface ResolvedCell {
  cell: LayoutCell | undefined;
  /** the printed run the value was split from, when it was split by arithmetic */
  run?: string;
}

export interface RunResolution {
  resolve(cell: LayoutCell | undefined): ResolvedCell;
  findings: Finding[];
}

export interface MappedTables {
  format: FormatVersion;
  proactive: Map<string, LayoutCell[] | null>;
  applications: Map<string, LayoutCell[] | null> | null;
  review: LayoutCell[] | null;
}

interface TableRows {
  name: string;
  /** form path prefix of each row (`applications.newlyReceived`), its label and its cells */
  rows: { path: string; label: string; columns: string[]; cells: LayoutCell[] | null }[];
}

/**
 * Splits every run row of tables 2, 3 and 4 by the form's sums (splitDigitRuns) and says what
 * came of it: findings for the runs it split, could not split, or found no consistent split for.
 */
export function resolveRuns(mapped: MappedTables): RunResolution {
  const pieces = new Map<RunRow, string[] | null>();
  const findings: Finding[] = [];
  const { format } = mapped;
  const blanks = printsBlanks(mapped);
  const solveTable = (table: TableRows, sums: FormSum[]) => solve(table, sums, blanks, pieces, findings);

  if (mapped.applications) {
    const rows = APPLICATION_ROWS[format].map((def) => ({
      path: `applications.${def.id}`,
      label: def.group && !def.group.startsWith('三') ? `${def.group}${def.label}` : def.label,
      columns: APPLICANT_COLUMNS.map((c) => c.id),
      cells: mapped.applications!.get(def.id) ?? null,
    }));
    solveTable({ name: '表三', rows }, applicationSums(format));
  }
  if (mapped.review?.some(isPending)) {
    // table 4 is one row of fifteen figures: three groups of five, each ending in its 总计
    const columns = REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => `${g.id}.${c.id}`));
    const rows = [{ path: 'reviewLitigation', label: '表四', columns, cells: mapped.review }];
    solveTable({ name: '表四', rows }, reviewSums());
  }
  for (const def of PROACTIVE_ROWS[format]) {
    const cells = mapped.proactive.get(def.id) ?? null;
    if (!cells?.some(isPending)) continue;
    const rows = [{ path: `proactive.${def.id}`, label: def.label, columns: def.columns.map((c) => c.id), cells }];
    solveTable({ name: '表二', rows }, []);
  }

  return {
    findings,
    resolve(cell) {
      if (!isPending(cell)) return { cell };
      const { run, index } = cell.pending;
      const split = pieces.get(run);
      const printed = run.tokens.join(' ');
      return split ? { cell: { text: split[index]! }, run: printed } : { cell: undefined };
    },
  };
}

/**
 * Whether the document's run-together tables print blank cells: a row of table 3 or 4 whose runs
 * hold fewer digits than it has cells (or none) can only be read with blank cells. A publisher who
 * leaves zeros blank does so throughout; one who prints 0 leaves every cell a digit, and then no
 * cell is read as blank (which would only widen the splits).
 */
function printsBlanks(mapped: MappedTables): boolean {
  const rows = [...(mapped.applications?.values() ?? []), mapped.review];
  return rows.some((cells) => {
    const first = cells?.[0];
    if (!cells || !isPending(first)) return false;
    return first.pending.run.tokens.reduce((n, t) => n + t.length, 0) < cells.length;
  });
}

function solve(table: TableRows, sums: FormSum[], blanks: boolean, pieces: Map<RunRow, string[] | null>, findings: Finding[]) {
  const runOf = table.rows.map((r) => (r.cells && isPending(r.cells[0]) ? r.cells[0].pending.run : null));
  if (!runOf.some((r) => r !== null)) return;
  const width = table.rows[0]!.columns.length;
  const index = new Map<string, [number, number]>();
  table.rows.forEach((r, i) => {
    r.columns.forEach((c, k) => {
      index.set(`${r.path}.${c}`, [i, k]);
    });
  });
  const toTerms = (terms: { path: string; coef: number }[]): Term[] =>
    terms.map((t) => {
      const [row, col] = index.get(t.path)!;
      return { row, col, coef: t.coef };
    });
  // sums inside a printed row are the same for every row: read them off the first row's
  const rowSums = sums
    .filter((s) => s.kind === 'row' && s.terms.every((t) => index.get(t.path)?.[0] === 0))
    .map((s) => {
      const terms = toTerms(s.terms);
      return { total: terms.find((t) => t.coef === 1)!.col, parts: terms.filter((t) => t.coef === -1).map((t) => t.col) };
    });
  const equations = sums.filter((s) => s.kind === 'column').map((s) => toTerms(s.terms));
  const decimalColumns = new Set(table.rows[0]!.columns.flatMap((c, k) => (DECIMAL_COLUMNS.has(c) ? [k] : [])));
  const rows: SplitRow[] = table.rows.map((r, i) => {
    const run = runOf[i];
    if (run) return { runs: run.tokens };
    return { values: r.columns.map((_, k) => givenValue(r.cells?.[k])) };
  });
  // run-together text drops a blank cell with its boundary: where the document prints blanks, any cell of a run may be one
  const problem: SplitProblem = { width, rows, rowSums, equations, decimalColumns, blanks };
  const outcome = splitDigitRuns(problem);
  outcome.rows.forEach((split, i) => {
    const run = runOf[i];
    if (run) pieces.set(run, split.kind === 'split' ? split.pieces : null);
  });
  findings.push(...runFindings(table, runOf, outcome.rows, outcome.inconsistent, sums.length > 0));
}

/** A cell printed apart: its number; a blank counts 0 unless a converter may have lost it. */
function givenValue(cell: LayoutCell | undefined): number | null {
  if (!cell) return null;
  const parsed = parseCell(cell.text, cell.confidence !== undefined);
  if (parsed.kind === 'number') return parsed.value;
  return parsed.kind === 'blank' && !cell.mayBeLost ? 0 : null;
}

function runFindings(table: TableRows, runOf: (RunRow | null)[], splits: RowSplit[], inconsistent: boolean, summed: boolean): Finding[] {
  const paths = (i: number) => table.rows[i]!.columns.map((c) => `${table.rows[i]!.path}.${c}`);
  const describe = (i: number) => `“${table.rows[i]!.label}”（${runOf[i]!.tokens.join(' ')}）`;
  const runRows = runOf.flatMap((r, i) => (r ? [i] : []));
  const split = runRows.filter((i) => splits[i]!.kind === 'split');
  const ambiguous = runRows.filter((i) => splits[i]!.kind === 'ambiguous');
  const stopped = runRows.filter((i) => splits[i]!.kind === 'limit');
  const impossible = runRows.filter((i) => splits[i]!.kind === 'impossible');
  const out: Finding[] = [];
  if (split.length > 0 && !inconsistent) {
    out.push({
      rule: 'value.runTogether',
      severity: 'info',
      message: summed
        ? `${table.name}有${split.length}行的数字连在一起印出（单元格的分隔丢失），已按表格的勾稽关系拆分：每行只有一种拆分能使全部勾稽关系成立`
        : `${table.name}有${split.length}行的数字连在一起印出（单元格的分隔丢失），其数字只有一种拆分方式（数值不以0开头），已按此拆分`,
      cells: split.flatMap(paths),
    });
  }
  if (inconsistent) {
    const unread = [...ambiguous, ...impossible, ...stopped];
    out.push({
      rule: 'value.inconsistentRun',
      severity: 'error',
      message:
        `${table.name}的数字连在一起印出，但无论怎样拆分都不能使全部勾稽关系成立：表格本身有误，或文本丢失了数字。` +
        (split.length > 0 ? `${split.length}行按其本行合计只有一种拆分，已按此读取，其余勾稽关系由相应规则核对。` : '') +
        (unread.length > 0 ? `无法确定的行：${unread.map(describe).join('、')}` : ''),
      cells: [...split, ...unread].flatMap(paths),
    });
    return out;
  }
  if (ambiguous.length > 0) {
    out.push({
      rule: 'value.ambiguousRun',
      severity: 'warning',
      message: summed
        ? `${table.name}中数字连在一起印出的${ambiguous.map(describe).join('、')}有多种拆分都能使勾稽关系成立，无法确定各单元格的数值，未读取`
        : `${table.name}中数字连在一起印出的${ambiguous.map(describe).join('、')}可以有多种拆分，且没有勾稽关系可以确定，未读取`,
      cells: ambiguous.flatMap(paths),
    });
  }
  if (stopped.length > 0) {
    out.push({
      rule: 'value.runSearchLimit',
      severity: 'warning',
      message: `${table.name}中数字连在一起印出的${stopped.map(describe).join('、')}可能的拆分太多，超出搜索上限，未读取`,
      cells: stopped.flatMap(paths),
    });
  }
  return out;
}
