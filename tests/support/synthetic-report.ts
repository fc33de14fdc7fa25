/**
 * Renders a report from table values in the layouts agencies publish (text copied from Word/PDF
 * with tabs, a web table copied one cell per line, an HTML page), for property tests.
 */

import type { CellPath } from '../../lib/model/cell-path.ts';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  type FormatVersion,
  PROACTIVE_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
} from '../../lib/model/form.ts';

export type Values = Record<string, number>;
export type TextLayout = 'tabs' | 'cells' | 'html';

export interface SyntheticReport {
  format: FormatVersion;
  agency: string;
  year: number;
  /** flat dotted path (as in the result's tables) → value */
  values: Values;
  quirks?: Quirks;
}

/** Layout variations agencies print (see shared/samples/generated/README.md). */
export interface Quirks {
  halfWidthBrackets?: boolean;
  numberingComma?: boolean;
  fullWidthDigits?: boolean;
  /** zero cells of table 3 and 4 printed blank */
  blankZeros?: boolean;
  /** a publisher's （三）不予公开 row carrying the sums of its items */
  subtotalRow?: boolean;
  /** the table 3 header printed again before （四）, as after a page break */
  repeatedHeader?: boolean;
  /** 2021: （六）其他处理 printed as one row carrying the sum of its three items, as the 2019 form had it */
  mergedOtherHandling?: boolean;
  /** 2019: （六）其他处理 printed as the 2021 form's three rows, whose figures add up to it */
  splitOtherHandling?: boolean;
  /** a long row label wrapped: its end on the next line, in a row of blank cells */
  wrappedLabel?: boolean;
  /** a typo in one row label: two characters of its middle left out */
  labelTypo?: boolean;
}

/** The row whose label a typo or a wrap changes. */
export const TYPO_ROW = 'results.denied.prohibitedByLaw';
export const WRAPPED_ROW = 'results.partiallyGranted';
/** How many characters of the wrapped label stay on its first line. */
const WRAP_AT = 16;

/** A figure printed as three parts that add up to it. */
export function splitInThree(value: number): [number, number, number] {
  const a = Math.floor(value / 2);
  const b = Math.floor((value - a) / 2);
  return [a, b, value - a - b];
}

/** The label as printed with a typo: two characters of its middle left out. */
export function withTypo(label: string): string {
  const middle = Math.floor(label.length / 2);
  return label.slice(0, middle - 1) + label.slice(middle + 1);
}

/** A form label as a publisher with these quirks prints it. */
export function styleLabel(label: string, q: Quirks): string {
  let out = label;
  if (q.halfWidthBrackets) out = out.replace(/（/g, '(').replace(/）/g, ')');
  if (q.numberingComma) out = out.replace(/^(\d)\./, '$1、');
  if (q.fullWidthDigits) out = out.replace(/^(\d)\./, (_, d: string) => `${String.fromCharCode(0xff10 + Number(d))}．`);
  return out;
}

export function proactivePaths(format: FormatVersion): CellPath[] {
  return PROACTIVE_ROWS[format].flatMap((r) => r.columns.map((c): CellPath => `proactive.${r.id}.${c.id}`));
}
export function applicationPaths(format: FormatVersion): CellPath[] {
  return APPLICATION_ROWS[format].flatMap((r) => APPLICANT_COLUMNS.map((c): CellPath => `applications.${r.id}.${c.id}`));
}
export function reviewPaths(): CellPath[] {
  return REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c): CellPath => `reviewLitigation.${g.id}.${c.id}`));
}

/** Lays the report out as rows of cells (label cells then value cells), like the printed form. */
export function rows(report: SyntheticReport): { title: string[]; t2: string[][]; t3: string[][]; t4: string[][] } {
  const q = report.quirks ?? {};
  const v = (path: string) => String(report.values[path] ?? 0);
  // blank zeros only in the tables where publishers do it (3 and 4)
  const b = (path: string) => (q.blankZeros && (report.values[path] ?? 0) === 0 ? '' : v(path));
  const L = (label: string) => styleLabel(label, q);
  const t2: string[][] = [];
  let block = '';
  for (const row of PROACTIVE_ROWS[report.format]) {
    if (row.block !== block) {
      block = row.block;
      t2.push([L(row.block)]);
      t2.push(['信息内容', ...row.columns.map((c) => c.label)]);
    }
    t2.push([row.label, ...row.columns.map((c) => v(`proactive.${row.id}.${c.id}`))]);
  }
  const header: string[][] = [
    [L('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), '', '', '申请人情况'],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  const t3: string[][] = [...header];
  let group = '';
  const blanks = APPLICANT_COLUMNS.map(() => '');
  for (const row of APPLICATION_ROWS[report.format]) {
    if (q.mergedOtherHandling && row.id.startsWith('results.otherHandling.')) {
      if (row.id !== 'results.otherHandling.noCorrection') continue;
      const items = APPLICATION_ROWS[report.format].filter((r) => r.id.startsWith('results.otherHandling.'));
      const sums = APPLICANT_COLUMNS.map((c) =>
        String(items.reduce((n, r) => n + (report.values[`applications.${r.id}.${c.id}`] ?? 0), 0)),
      );
      t3.push(['', L('（六）其他处理'), '', ...sums]);
      group = row.group ?? '';
      continue;
    }
    if (q.splitOtherHandling && row.id === 'results.otherHandling') {
      const items = APPLICATION_ROWS['2021'].filter((r) => r.id.startsWith('results.otherHandling.'));
      items.forEach((item, k) => {
        const parts = APPLICANT_COLUMNS.map((c) => String(splitInThree(report.values[`applications.${row.id}.${c.id}`] ?? 0)[k]));
        t3.push(['', k === 0 ? L('（六）其他处理') : '', L(item.label), ...parts]);
      });
      continue;
    }
    let labels: string[];
    if (!row.id.startsWith('results.')) labels = [row.label, '', ''];
    else if (row.group?.startsWith('三')) labels = [row.group, row.label, ''];
    else if (row.group) labels = ['', row.group === group ? '' : row.group, row.label];
    else labels = ['', row.label, ''];
    if (q.repeatedHeader && row.id === 'results.unableToProvide.notHeld') t3.push(...header);
    if (q.subtotalRow && row.id === 'results.denied.stateSecret') {
      const items = APPLICATION_ROWS[report.format].filter((r) => r.id.startsWith('results.denied.'));
      const sums = APPLICANT_COLUMNS.map((c) =>
        String(items.reduce((n, r) => n + (report.values[`applications.${r.id}.${c.id}`] ?? 0), 0)),
      );
      t3.push(['', L('（三）不予公开'), '', ...sums]);
      labels = ['', '', row.label];
    }
    group = row.group ?? '';
    if (q.labelTypo && row.id === TYPO_ROW) labels = labels.map((l) => (l === row.label ? withTypo(l) : l));
    const wrapped = q.wrappedLabel && row.id === WRAPPED_ROW ? labels.indexOf(row.label) : -1;
    if (wrapped >= 0) {
      const rest = labels.map((l, k) => (k === wrapped ? l.slice(WRAP_AT) : ''));
      labels = labels.map((l, k) => (k === wrapped ? l.slice(0, WRAP_AT) : l));
      t3.push([...labels.map(L), ...APPLICANT_COLUMNS.map((c) => b(`applications.${row.id}.${c.id}`))]);
      t3.push([...rest.map(L), ...blanks]);
      continue;
    }
    t3.push([...labels.map(L), ...APPLICANT_COLUMNS.map((c) => b(`applications.${row.id}.${c.id}`))]);
  }
  const t4: string[][] = [
    ['行政复议', '', '', '', '', '行政诉讼'],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    reviewPaths().map(b),
  ];
  return { title: [`${report.agency}${report.year}年政府信息公开工作年度报告`], t2, t3, t4 };
}

export function renderText(report: SyntheticReport, layout: TextLayout): string {
  const { title, t2, t3, t4 } = rows(report);
  const received = report.values['applications.newlyReceived.total'] ?? 0;
  const overview = ['一、总体情况', `本年度，我单位共收到政府信息公开申请${received}件，均已按时答复。`];
  const sections: [string, string[][]][] = [
    ['二、主动公开政府信息情况', t2],
    ['三、收到和处理政府信息公开申请情况', t3],
    ['四、政府信息公开行政复议、行政诉讼情况', t4],
  ];
  const tail = ['五、存在的主要问题及改进情况', '信息公开工作仍有不足。', '六、其他需要报告的事项', '无。'];
  if (layout === 'html') {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const table = (t: string[][]) =>
      `<table border="1">${t.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title[0]!)}</title></head><body><h1>${esc(title[0]!)}</h1>${overview.map((p) => `<p>${esc(p)}</p>`).join('')}${sections.map(([h, t]) => `<h2>${h}</h2>${table(t)}`).join('')}${tail.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
  }
  const out: string[] = [...title, '', ...overview, ''];
  for (const [heading, table] of sections) {
    out.push(heading);
    for (const row of table) {
      if (layout === 'tabs') out.push(row.join('\t'));
      else {
        out.push(...row.map((c) => `\t${c}`), '');
      }
    }
    out.push('');
  }
  out.push(...tail);
  return out.join('\n');
}

/** Sets the totals so that every rule holds: row totals, （七）总计, the balance, table 4 totals. */
export function makeConsistent(format: FormatVersion, raw: Values): Values {
  const values: Values = { ...raw };
  const parts = APPLICANT_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);
  const items = APPLICATION_ROWS[format].map((r) => r.id).filter((id) => id.startsWith('results.') && id !== 'results.total');
  for (const col of parts) {
    values[`applications.results.total.${col}`] = items.reduce((s, id) => s + (values[`applications.${id}.${col}`] ?? 0), 0);
    const inflow = (values[`applications.newlyReceived.${col}`] ?? 0) + (values[`applications.carriedOver.${col}`] ?? 0);
    const handled = values[`applications.results.total.${col}`]!;
    // carried forward balances the column; raise new applications when it would go negative
    if (inflow < handled)
      values[`applications.newlyReceived.${col}`] = (values[`applications.newlyReceived.${col}`] ?? 0) + handled - inflow;
    values[`applications.carriedForward.${col}`] =
      (values[`applications.newlyReceived.${col}`] ?? 0) + (values[`applications.carriedOver.${col}`] ?? 0) - handled;
  }
  for (const row of APPLICATION_ROWS[format]) {
    values[`applications.${row.id}.total`] = parts.reduce((s, c) => s + (values[`applications.${row.id}.${c}`] ?? 0), 0);
  }
  for (const g of REVIEW_GROUPS) {
    values[`reviewLitigation.${g.id}.total`] = ['upheld', 'corrected', 'other', 'pending'].reduce(
      (s, c) => s + (values[`reviewLitigation.${g.id}.${c}`] ?? 0),
      0,
    );
  }
  return values;
}
