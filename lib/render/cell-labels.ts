import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion, PROACTIVE_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from '../model/form.ts';

export const TABLE_NAMES = { proactive: '表二', applications: '表三', reviewLitigation: '表四' } as const;

function otherFormat(format: FormatVersion): FormatVersion {
  return format === '2021' ? '2019' : '2021';
}

function applicationLabel(rest: string, format: FormatVersion): string | undefined {
  for (const f of [format, otherFormat(format)]) {
    for (const row of APPLICATION_ROWS[f]) {
      if (rest !== row.id && !rest.startsWith(`${row.id}.`)) continue;
      const colId = rest.slice(row.id.length + 1);
      const col = APPLICANT_COLUMNS.find((c) => c.id === colId);
      if (colId !== '' && !col) continue;
      const rowLabel = [row.group, row.label].filter((s) => s !== undefined).join(' ');
      return col ? `${rowLabel} · ${col.label}` : rowLabel;
    }
  }
  return undefined;
}

function proactiveLabel(rest: string, format: FormatVersion): string | undefined {
  const [rowId, colId] = rest.split('.');
  for (const f of [format, otherFormat(format)]) {
    const row = PROACTIVE_ROWS[f].find((r) => r.id === rowId);
    if (!row) continue;
    if (colId === undefined) return row.label;
    const col = row.columns.find((c) => c.id === colId);
    if (col) return `${row.label} · ${col.label}`;
  }
  return undefined;
}

function reviewLabel(rest: string): string | undefined {
  const [groupId, colId] = rest.split('.');
  const group = REVIEW_GROUPS.find((g) => g.id === groupId);
  if (!group) return undefined;
  const groupLabel = group.id === 'review' ? group.label : `行政诉讼 ${group.label}`;
  if (colId === undefined) return groupLabel;
  const col = REVIEW_COLUMNS.find((c) => c.id === colId);
  return col ? `${groupLabel} · ${col.label}` : undefined;
}

/**
 * A dotted cell path in the words of the printed form, e.g. `applications.newlyReceived.total`
 * → `表三 一、本年新收政府信息公开申请数量 · 总计`. Unknown paths come back unchanged.
 */
export function describeCell(path: string, format: FormatVersion): string {
  const dot = path.indexOf('.');
  const table = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? '' : path.slice(dot + 1);
  if (!(table in TABLE_NAMES)) return path;
  const name = TABLE_NAMES[table as keyof typeof TABLE_NAMES];
  if (rest === '') return name;
  const label =
    table === 'applications' ? applicationLabel(rest, format) : table === 'proactive' ? proactiveLabel(rest, format) : reviewLabel(rest);
  return label === undefined ? path : `${name} ${label}`;
}
