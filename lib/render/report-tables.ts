import { type CellPath, valueAt } from '../model/cell-path.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion, PROACTIVE_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/form.ts';
import type { Tables } from '../model/tables.ts';
import type { CellMark } from './cell-marks.ts';
import { escapeHtml, escapeTitle } from './escape-html.ts';

export type MarkOf = (path: string) => CellMark;

const RESULTS_GROUP = '三、本年度办理结果';
const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function label(text: string, attrs = ''): string {
  return `<th${attrs}>${escapeHtml(text)}</th>`;
}

/** One value cell: the number, or a marked “无法读取”; classes and a tooltip from its mark. */
function valueCell(tables: Tables, path: CellPath, markOf: MarkOf, attrs = ''): string {
  const value = valueAt(tables, path);
  const mark = markOf(path);
  const classes = ['v'];
  if (mark.severity) classes.push(`sev-${mark.severity}`);
  if (mark.suspect) classes.push('suspect');
  if (mark.lowConfidence) classes.push('lowconf');
  const notes = [...mark.notes];
  let shown: string;
  if (value === null) {
    classes.push('unread');
    notes.unshift('无法读取此单元格');
    shown = '？';
  } else if (value === undefined) {
    classes.push('missing');
    shown = '—';
  } else {
    shown = String(value);
  }
  const title = notes.length > 0 ? ` title="${escapeTitle(notes)}"` : '';
  return `<td class="${classes.join(' ')}" data-cell="${escapeHtml(path)}"${title}${attrs}>${escapeHtml(shown)}</td>`;
}

function missingTable(name: string): string {
  return `<p class="absent">未找到${name}，无法核对其中的数字。</p>`;
}

/** Table 2 in the printed layout of the format: one block per 第二十条 item. */
export function proactiveTable(tables: Tables, format: FormatVersion, markOf: MarkOf): string {
  if (!tables.proactive) return missingTable('表二');
  const rows = PROACTIVE_ROWS[format];
  const width = 1 + Math.max(...rows.map((r) => r.columns.length));
  const out: string[] = [];
  let block = '';
  for (const row of rows) {
    const fill = width - row.columns.length;
    const span = fill > 0 ? ` colspan="${fill + 1}"` : '';
    if (row.block !== block) {
      block = row.block;
      out.push(`<tr>${label(block, ` colspan="${width}" class="block"`)}</tr>`);
      const heads = row.columns.map((c, i) => label(c.label, i === row.columns.length - 1 ? span : ''));
      out.push(`<tr>${label('信息内容')}${heads.join('')}</tr>`);
    }
    const cells = row.columns.map((c, i) =>
      valueCell(tables, `proactive.${row.id}.${c.id}`, markOf, i === row.columns.length - 1 ? span : ''),
    );
    out.push(`<tr>${label(row.label, ' class="row"')}${cells.join('')}</tr>`);
  }
  return `<table class="form t2">${out.join('\n')}</table>`;
}

/** Table 3 with its three-row header and the merged label cells of the form. */
export function applicationsTable(tables: Tables, format: FormatVersion, markOf: MarkOf): string {
  if (!tables.applications) return missingTable('表三');
  const rows = APPLICATION_ROWS[format];
  const [naturalPerson, ...rest] = APPLICANT_COLUMNS;
  const organisations = rest.slice(0, -1);
  const out: string[] = [
    `<tr>${label(BALANCE_NOTE, ' colspan="3" rowspan="3" class="note"')}${label('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${label(naturalPerson?.label ?? '', ' rowspan="2"')}${label('法人或其他组织', ` colspan="${organisations.length}"`)}${label('总计', ' rowspan="2"')}</tr>`,
    `<tr>${organisations.map((c) => label(c.label)).join('')}</tr>`,
  ];
  const resultRows = rows.filter((r) => r.id.startsWith('results.'));
  const subGroup = (g: string | undefined): string | undefined => (g === RESULTS_GROUP ? undefined : g);
  rows.forEach((row, i) => {
    const labels: string[] = [];
    if (!row.id.startsWith('results.')) {
      labels.push(label(row.label, ' colspan="3" class="row"'));
    } else {
      if (row === resultRows[0]) labels.push(label(RESULTS_GROUP, ` rowspan="${resultRows.length}" class="vertical"`));
      const group = subGroup(row.group);
      if (group === undefined) {
        labels.push(label(row.label, ' colspan="2" class="row"'));
      } else {
        if (subGroup(rows[i - 1]?.group) !== group) {
          const size = rows.filter((r) => subGroup(r.group) === group).length;
          labels.push(label(group, ` rowspan="${size}" class="group"`));
        }
        labels.push(label(row.label, ' class="row"'));
      }
    }
    const cells = APPLICANT_COLUMNS.map((c) => valueCell(tables, `applications.${row.id}.${c.id}`, markOf));
    out.push(`<tr>${labels.join('')}${cells.join('')}</tr>`);
  });
  return `<table class="form t3">${out.join('\n')}</table>`;
}

/** Table 4: one row of fifteen numbers under its two-level header. */
export function reviewTable(tables: Tables, markOf: MarkOf): string {
  if (!tables.reviewLitigation) return missingTable('表四');
  const [review, ...litigation] = REVIEW_GROUPS;
  const columns = (attrs: string): string => REVIEW_COLUMNS.map((c) => label(c.label, attrs)).join('');
  const out = [
    `<tr>${label(review?.label ?? '', ` colspan="${REVIEW_COLUMNS.length}"`)}${label('行政诉讼', ` colspan="${REVIEW_COLUMNS.length * litigation.length}"`)}</tr>`,
    `<tr>${columns(' rowspan="2"')}${litigation.map((g) => label(g.label, ` colspan="${REVIEW_COLUMNS.length}"`)).join('')}</tr>`,
    `<tr>${litigation.map(() => columns('')).join('')}</tr>`,
    `<tr>${REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => valueCell(tables, `reviewLitigation.${g.id}.${c.id}`, markOf))).join('')}</tr>`,
  ];
  return `<table class="form t4">${out.join('\n')}</table>`;
}
