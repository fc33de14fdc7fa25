import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion, PROACTIVE_ROWS, type RowDef, SECTIONS } from '../model/form.ts';
import type { Finding } from '../model/result.ts';
import type { MergedRow, SplitRow } from './mapped-rows.ts';
import type { SectionId } from './sections.ts';

// The structure.* findings of one document, as data: what was missing, added or printed otherwise.

const TABLE_NAMES = {
  proactive: '表二（主动公开政府信息情况）',
  applications: '表三（收到和处理政府信息公开申请情况）',
  reviewLitigation: '表四（政府信息公开行政复议、行政诉讼情况）',
} as const;
type TableId = keyof typeof TABLE_NAMES;

export function missingTables(found: Record<TableId, boolean>): Finding[] {
  return (Object.keys(TABLE_NAMES) as TableId[])
    .filter((table) => !found[table])
    .map((table) => ({ rule: 'structure.missingTable', severity: 'error', message: `未找到${TABLE_NAMES[table]}`, cells: [table] }));
}

export function missingRows(table: 'proactive' | 'applications', rows: readonly RowDef[], format: FormatVersion): Finding[] {
  if (rows.length === 0) return [];
  const name = table === 'proactive' ? '表二' : '表三';
  const defs = table === 'proactive' ? PROACTIVE_ROWS[format] : APPLICATION_ROWS[format];
  return [
    {
      rule: 'structure.missingRow',
      severity: 'error',
      message: `${name}缺少${rows.length}行：${rows.map((r) => `“${r.label}”`).join('、')}（文件可能不完整，或这些行无法识别）`,
      cells: defs.filter((d) => rows.includes(d)).map((d) => `${table}.${d.id}`),
    },
  ];
}

export function blankCells(paths: string[]): Finding[] {
  if (paths.length === 0) return [];
  return [{ rule: 'value.blankCell', severity: 'warning', message: `${paths.length}个单元格为空白，按0计`, cells: paths }];
}

export function extraRows(rows: { label: string }[]): Finding[] {
  return rows.map((extra) => ({
    rule: 'structure.extraRow',
    severity: 'info',
    message: `表三中的“${extra.label || '无标签行'}”不是格式规定的行（如发布者自加的小计），未计入`,
    cells: [],
  }));
}

/** A group printed as one row: read as printed, used in every sum, its items left null. */
export function mergedRowFindings(rows: MergedRow[], format: FormatVersion): Finding[] {
  return rows.map((row) => {
    const members = APPLICATION_ROWS[format].filter((d) => row.members.includes(d.id));
    return {
      rule: 'structure.mergedRow',
      severity: 'warning',
      message: `表三“${row.label.trim()}”按一行填报，未分列其${members.length}个子项（${members.map((m) => m.label).join('；')}）：该行数字已计入各项勾稽关系核对，子项数值无从得知，留空`,
      cells: APPLICATION_ROWS[format].filter((d) => row.members.includes(d.id)).map((d) => `applications.${d.id}`),
    };
  });
}

/** A form row printed in parts (a 2019 report with 2021's three （六） rows): read as their sum. */
export function splitRowFindings(rows: SplitRow[], format: FormatVersion): Finding[] {
  return rows.map((row) => {
    const def = APPLICATION_ROWS[format].find((d) => d.id === row.id);
    return {
      rule: 'structure.splitRow',
      severity: 'warning',
      message: `表三“${def?.label ?? row.id}”分为${row.parts.length}行填报（${row.labels.map((l) => `“${l.trim()}”`).join('、')}，如2021年版格式）：按各行之和读取并计入勾稽关系核对`,
      cells: APPLICANT_COLUMNS.map((c) => `applications.${row.id}.${c.id}`),
    };
  });
}

export function missingSections(found: Partial<Record<SectionId, number>>): Finding[] {
  const missing = SECTIONS.filter((section) => found[section.id] === undefined);
  // none found at all: not a report laid out in sections (a table alone), nothing to say
  if (missing.length === 0 || missing.length === SECTIONS.length) return [];
  return [
    {
      rule: 'structure.missingSection',
      severity: 'warning',
      message: `未找到${missing.map((x) => `“${x.label}”`).join('、')}部分（标题缺失、措辞不同或无法识别）`,
      cells: [],
    },
  ];
}
