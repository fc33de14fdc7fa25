/**
 * Tables 2, 3 and 4 of a synthetic report as printed grids (cells with row and column spans), the
 * shape Word and WPS give them, and the headers a publisher repeats after a page break.
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS, PROACTIVE_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from '../../lib/model/form.ts';
import { type Quirks, reviewPaths, type SyntheticReport, styleLabel } from './synthetic-report.ts';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** '\n' forces a line break */
  text: string;
  role: 'header' | 'label' | 'value';
}

export interface Grid {
  /** column widths in points */
  widths: number[];
  rows: number;
  cells: GridCell[];
  /** rows at the top that are the table's header */
  headerRows: number;
}

/** How a publisher repeats a table's header on the page after a break. */
export type HeaderRepeat = 'full' | 'partial' | 'split' | 'none';

export interface GridStyle {
  /** width of table 3's first column (三、本年度办理结果): narrow writes it one character per line */
  resultsColumn: number;
  groupColumn: number;
  itemColumn: number;
  tableWidth: number;
  /** header words broken over lines (商业 / 企业) */
  splitHeaders: boolean;
}

/** Header words as publishers break them over two lines. */
const SPLIT_WORDS: Record<string, string> = {
  申请人情况: '申请人\n情况',
  自然人: '自然\n人',
  法人或其他组织: '法人或\n其他组织',
  商业企业: '商业\n企业',
  科研机构: '科研\n机构',
  社会公益组织: '社会\n公益\n组织',
  法律服务机构: '法律\n服务\n机构',
  结果维持: '结果\n维持',
  结果纠正: '结果\n纠正',
  其他结果: '其他\n结果',
  尚未审结: '尚未\n审结',
  未经复议直接起诉: '未经复议\n直接起诉',
  本年制发件数: '本年制发\n件数',
  本年废止件数: '本年废止\n件数',
  现行有效件数: '现行有效\n件数',
};

function splitWords(cells: GridCell[]): GridCell[] {
  return cells.map((c) => (c.role === 'header' && SPLIT_WORDS[c.text] ? { ...c, text: SPLIT_WORDS[c.text]! } : c));
}

/** Points a figure column needs for four digits and its padding. */
const MIN_VALUE_WIDTH = 34;

const cell = (row: number, col: number, text: string, role: GridCell['role'], rowSpan = 1, colSpan = 1): GridCell => ({
  row,
  col,
  rowSpan,
  colSpan,
  text,
  role,
});

function printed(report: SyntheticReport, path: string, blankable: boolean): string {
  const value = report.values[path] ?? 0;
  return blankable && report.quirks?.blankZeros && value === 0 ? '' : String(value);
}

/** Table 3: three header rows, then the form's rows (plus a publisher's subtotal row as a quirk). */
export function applicationsGrid(report: SyntheticReport, style: GridStyle): Grid {
  const q: Quirks = report.quirks ?? {};
  const L = (label: string) => styleLabel(label, q);
  // figure columns wide enough for four digits; the item labels take what is left
  const valueWidth = Math.max(MIN_VALUE_WIDTH, (style.tableWidth - style.resultsColumn - style.groupColumn - style.itemColumn) / 7);
  const itemColumn = style.tableWidth - style.resultsColumn - style.groupColumn - 7 * valueWidth;
  const widths = [style.resultsColumn, style.groupColumn, itemColumn, ...Array<number>(7).fill(valueWidth)];
  let cells: GridCell[] = [
    cell(0, 0, L('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), 'header', 3, 3),
    cell(0, 3, '申请人情况', 'header', 1, 7),
    cell(1, 3, '自然人', 'header', 2),
    cell(1, 4, '法人或其他组织', 'header', 1, 5),
    cell(1, 9, '总计', 'header', 2),
    ...APPLICANT_COLUMNS.slice(1, 6).map((c, k) => cell(2, 4 + k, c.label, 'header')),
  ];
  if (style.splitHeaders) cells = splitWords(cells);
  const form = APPLICATION_ROWS[report.format];
  let row = 3;
  const values = (r: number, id: string) =>
    APPLICANT_COLUMNS.map((c, k) => cell(r, 3 + k, printed(report, `applications.${id}.${c.id}`, true), 'value'));
  let resultsStart = -1;
  let totalRow = -1;
  for (let i = 0; i < form.length; i++) {
    const def = form[i]!;
    if (!def.id.startsWith('results.')) {
      cells.push(cell(row, 0, L(def.label), 'label', 1, 3), ...values(row, def.id));
      row++;
      continue;
    }
    if (resultsStart < 0) resultsStart = row;
    const group = def.group && !def.group.startsWith('三') ? def.group : undefined;
    if (group === undefined) {
      if (def.id === 'results.total') totalRow = row;
      cells.push(cell(row, 1, L(def.label), 'label', 1, 2), ...values(row, def.id));
      row++;
      continue;
    }
    if (form[i - 1]?.group === group) continue;
    const items = form.filter((r) => r.group === group);
    let groupRow = row;
    if (q.subtotalRow && group === '（三）不予公开') {
      const sums = APPLICANT_COLUMNS.map((c, k) => {
        const sum = items.reduce((n, r) => n + (report.values[`applications.${r.id}.${c.id}`] ?? 0), 0);
        return cell(row, 3 + k, String(sum), 'value');
      });
      cells.push(cell(row, 1, L(group), 'label', 1, 2), ...sums);
      row++;
      groupRow = row;
    }
    cells.push(cell(groupRow, 1, groupRow === row ? L(group) : '', 'label', items.length));
    for (const item of items) {
      cells.push(cell(row, 2, L(item.label), 'label'), ...values(row, item.id));
      row++;
    }
    i += items.length - 1;
  }
  cells.push(cell(resultsStart, 0, L('三、本年度办理结果'), 'label', totalRow - resultsStart + 1));
  return { widths, rows: row, cells, headerRows: 3 };
}

/** The header printed again at the top of a page that continues table 3. */
export function applicationsRepeat(table: Grid, repeat: HeaderRepeat): Grid | undefined {
  if (repeat === 'none') return undefined;
  const header = table.cells.filter((c) => c.row < table.headerRows);
  if (repeat === 'full') return { ...table, rows: table.headerRows, cells: header, headerRows: table.headerRows };
  if (repeat === 'split') return { ...table, rows: table.headerRows, cells: splitWords(header), headerRows: table.headerRows };
  // partial: one row with the seven column names, the label columns left empty
  return {
    ...table,
    rows: 1,
    headerRows: 1,
    cells: [cell(0, 0, '', 'header', 1, 3), ...APPLICANT_COLUMNS.map((c, k) => cell(0, 3 + k, c.label, 'header'))],
  };
}

/** Table 2: per block a caption row, a header row, then its rows. */
export function proactiveGrid(report: SyntheticReport, tableWidth: number, splitHeaders: boolean): Grid {
  const q = report.quirks ?? {};
  const rows = PROACTIVE_ROWS[report.format];
  const labelWidth = tableWidth * 0.3;
  const widths = [labelWidth, ...Array<number>(3).fill((tableWidth - labelWidth) / 3)];
  const cells: GridCell[] = [];
  let row = 0;
  let block = '';
  for (const def of rows) {
    const spans = (n: number, k: number) => (n === 1 ? 3 : n === 2 && k === 1 ? 2 : 1);
    if (def.block !== block) {
      block = def.block;
      cells.push(cell(row++, 0, styleLabel(def.block, q), 'header', 1, 4));
      cells.push(cell(row, 0, '信息内容', 'header'));
      let col = 1;
      def.columns.forEach((c, k) => {
        const text = splitHeaders && SPLIT_WORDS[c.label] ? SPLIT_WORDS[c.label]! : c.label;
        cells.push(cell(row, col, text, 'header', 1, spans(def.columns.length, k)));
        col += spans(def.columns.length, k);
      });
      row++;
    }
    cells.push(cell(row, 0, def.label, 'label'));
    let col = 1;
    def.columns.forEach((c, k) => {
      cells.push(cell(row, col, printed(report, `proactive.${def.id}.${c.id}`, false), 'value', 1, spans(def.columns.length, k)));
      col += spans(def.columns.length, k);
    });
    row++;
  }
  return { widths, rows: row, cells, headerRows: 0 };
}

/** Table 4: three header rows and one row of fifteen figures. */
export function reviewGrid(report: SyntheticReport, tableWidth: number, splitHeaders: boolean): Grid {
  const widths = Array<number>(15).fill(tableWidth / 15);
  let cells: GridCell[] = [
    cell(0, 0, REVIEW_GROUPS[0]!.label, 'header', 2, 5),
    cell(0, 5, '行政诉讼', 'header', 1, 10),
    cell(1, 5, REVIEW_GROUPS[1]!.label, 'header', 1, 5),
    cell(1, 10, REVIEW_GROUPS[2]!.label, 'header', 1, 5),
    ...[0, 5, 10].flatMap((at) => REVIEW_COLUMNS.map((c, k) => cell(2, at + k, c.label, 'header'))),
    ...reviewPaths().map((path, k) => cell(3, k, printed(report, path, true), 'value')),
  ];
  if (splitHeaders) cells = splitWords(cells);
  return { widths, rows: 4, cells, headerRows: 3 };
}

/** Table 4's header repeated over its value row. */
export function reviewRepeat(table: Grid, repeat: HeaderRepeat): Grid | undefined {
  if (repeat === 'none' || repeat === 'partial') return undefined;
  const header = table.cells.filter((c) => c.row < table.headerRows);
  return { ...table, rows: table.headerRows, cells: repeat === 'split' ? splitWords(header) : header };
}

/**
 * A table printed as two, the second from row `at` on under the first's header printed again (a
 * publisher who splits table 3 by hand, as the word processor then lays it out): a label merged
 * over rows on both sides of `at` goes on in the second table as an empty merged cell, and a
 * label column with no text of its own there is squeezed to `squeeze` points, its width going to
 * the other columns.
 */
export function splitGrid(grid: Grid, at: number, squeeze: number): [Grid, Grid] {
  const shift = grid.headerRows - at;
  const first = grid.cells.filter((c) => c.row < at).map((c) => ({ ...c, rowSpan: Math.min(c.rowSpan, at - c.row) }));
  const body = [
    ...grid.cells
      .filter((c) => c.row < at && c.row + c.rowSpan > at)
      .map((c) => ({ ...c, row: grid.headerRows, rowSpan: c.row + c.rowSpan - at, text: '' })),
    ...grid.cells.filter((c) => c.row >= at).map((c) => ({ ...c, row: c.row + shift })),
  ];
  const columns = (c: GridCell) => Array.from({ length: c.colSpan }, (_, k) => c.col + k);
  const squeezed = new Set(
    grid.widths.map((_, k) => k).filter((k) => body.every((c) => c.col !== k || c.colSpan > 1 || (c.role === 'label' && c.text === ''))),
  );
  // a cell with text keeps at least one column of its own width
  for (const c of body) {
    const own = columns(c);
    if (c.text !== '' && own.every((k) => squeezed.has(k))) squeezed.delete(own.at(-1)!);
  }
  const freed = [...squeezed].reduce((n, k) => n + grid.widths[k]! - squeeze, 0);
  const kept = grid.widths.length - squeezed.size;
  const widths = grid.widths.map((w, k) => (squeezed.has(k) ? squeeze : w + freed / kept));
  const header = grid.cells.filter((c) => c.row < grid.headerRows);
  return [
    { ...grid, rows: at, cells: first },
    { ...grid, widths, rows: grid.rows + shift, cells: [...header, ...body] },
  ];
}
