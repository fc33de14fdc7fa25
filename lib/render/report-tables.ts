import { type CellPath, valueAt } from '../model/cell-path.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion, PROACTIVE_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/form.ts';
import type { MergedRows } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import type { CellMark } from './cell-marks.ts';
import { escapeHtml, escapeTitle } from './escape-html.ts';

export type MarkOf = (path: string) => CellMark;

const RESULTS_GROUP = '三、本年度办理结果';
const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function label(text: string, attrs = ''): string {
  return `<th${attrs}>${escapeHtml(text)}</th>`;
}

/** A merged row's figure by `<group path>.<column>`, else undefined. */
function mergedValue(mergedRows: MergedRows, path: string): number | null | undefined {
  const dot = path.lastIndexOf('.');
  const row = mergedRows[path.slice(0, dot)];
  return row ? ((row.values as Record<string, number | null>)[path.slice(dot + 1)] ?? null) : undefined;
}

/** One value cell: the number, or a marked “无法读取”; classes and a tooltip from its mark. */
function valueCell(tables: Tables, path: CellPath, markOf: MarkOf, attrs = '', mergedRows: MergedRows = {}): string {
  const value = mergedValue(mergedRows, path) ?? valueAt(tables, path);
  const mark = markOf(path);
  const classes = ['v'];
  if (mark.severity) classes.push(`sev-${mark.severity}`);
  if (mark.suspect) classes.push('suspect');
  if (mark.lowConfidence) classes.push('lowconf');
  if (mark.arithmetic) classes.push('arith');
  if (mark.corrected) classes.push('corrected');
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
  // the page image behind a flagged OCR'd cell, so the figure is checked without the PDF
  const evidence = mark.evidence
    ? `<img class="evidence" src="${escapeHtml(mark.evidence.image)}" alt="第 ${mark.evidence.page} 页原图">`
    : '';
  return `<td class="${classes.join(' ')}" id="cell-${escapeHtml(path)}" data-cell="${escapeHtml(path)}"${title}${attrs}>${escapeHtml(shown)}${evidence}</td>`;
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

/**
 * Table 3 with its three-row header and the merged label cells of the form. A group the publisher
 * printed as one row (`mergedRows`) is drawn as that one row, as printed.
 */
export function applicationsTable(tables: Tables, format: FormatVersion, markOf: MarkOf, mergedRows: MergedRows = {}): string {
  if (!tables.applications) return missingTable('表三');
  const rows = APPLICATION_ROWS[format];
  const [naturalPerson, ...rest] = APPLICANT_COLUMNS;
  const organisations = rest.slice(0, -1);
  const out: string[] = [
    `<tr>${label(BALANCE_NOTE, ' colspan="3" rowspan="3" class="note"')}${label('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${label(naturalPerson?.label ?? '', ' rowspan="2"')}${label('法人或其他组织', ` colspan="${organisations.length}"`)}${label('总计', ' rowspan="2"')}</tr>`,
    `<tr>${organisations.map((c) => label(c.label)).join('')}</tr>`,
  ];
  const mergedOf = new Map(
    Object.entries(mergedRows).flatMap(([path, merged]) =>
      merged.members.map((member, k) => [member, { path, merged, first: k === 0 }] as const),
    ),
  );
  const shown = rows.filter((r) => mergedOf.get(`applications.${r.id}`)?.first !== false);
  const resultRows = shown.filter((r) => r.id.startsWith('results.'));
  const subGroup = (g: string | undefined): string | undefined => (g === RESULTS_GROUP ? undefined : g);
  shown.forEach((row, i) => {
    const labels: string[] = [];
    const merged = mergedOf.get(`applications.${row.id}`);
    if (merged) {
      labels.push(label(`${merged.merged.label.trim()}（合并填报）`, ' colspan="2" class="row merged"'));
      const cells = APPLICANT_COLUMNS.map((c) => valueCell(tables, `${merged.path}.${c.id}` as CellPath, markOf, '', mergedRows));
      out.push(`<tr>${labels.join('')}${cells.join('')}</tr>`);
      return;
    }
    if (!row.id.startsWith('results.')) {
      labels.push(label(row.label, ' colspan="3" class="row"'));
    } else {
      if (row === resultRows[0]) labels.push(label(RESULTS_GROUP, ` rowspan="${resultRows.length}" class="vertical"`));
      const group = subGroup(row.group);
      if (group === undefined) {
        labels.push(label(row.label, ' colspan="2" class="row"'));
      } else {
        if (subGroup(shown[i - 1]?.group) !== group || mergedOf.has(`applications.${shown[i - 1]?.id}`)) {
          const size = shown.filter((r) => subGroup(r.group) === group && !mergedOf.has(`applications.${r.id}`)).length;
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
