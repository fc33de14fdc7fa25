import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  type FormatVersion,
  PROACTIVE_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTIONS,
} from '../model/form.ts';
import type { Layout } from '../model/layout.ts';
import type { Finding, ReportInfo } from '../model/result.ts';
import type { Tables } from '../model/tables.ts';
import { CellReader } from './cell-values.ts';
import { chooseFormat } from './choose-format.ts';
import { detectHeader } from './detect-report.ts';
import { nonStandardLabels } from './label-check.ts';
import { type MappedRows, mapApplications } from './map-applications.ts';
import { mapProactive } from './map-proactive.ts';
import { mapReview } from './map-review.ts';
import { normalizeText } from './normalize.ts';
import { findSections } from './sections.ts';
import { lineText } from './value-row.ts';

export interface Extracted {
  report: ReportInfo;
  tables: Tables;
  cells: Record<string, import('../model/result.ts').CellSource>;
  findings: Finding[];
  /** text of 一、总体情况, for the narrative rule */
  overview: string;
  /** printed labels of table 3 rows by form id */
  labels: Record<string, string>;
}

/** Finds tables 2, 3 and 4 in a layout and maps every cell to its id. Pure. */
export function extractTables(layout: Layout, metadataTitle?: string): Extracted {
  const { lines } = layout;
  const sections = findSections(lines);
  const header = detectHeader(lines, sections.overview ?? -1, metadataTitle);
  const end = lines.length;
  const t2Start = sections.proactive ?? 0;
  const t3Start = sections.applications ?? t2Start;
  const t4Start = sections.reviewLitigation ?? end;
  const t4End = sections.problems ?? end;

  const t3 = {
    '2021': mapApplications(lines, t3Start, t4Start, '2021'),
    '2019': mapApplications(lines, t3Start, t4Start, '2019'),
  };
  const t2Text = normalizeText(
    lines
      .slice(t2Start, t3Start === t2Start ? end : t3Start)
      .map(lineText)
      .join(''),
  );
  const t2End = (format: FormatVersion) => sections.applications ?? firstLine(t3[format]) ?? end;
  const t2 = {
    '2021': mapProactive(lines, t2Start, t2End('2021'), '2021'),
    '2019': mapProactive(lines, t2Start, t2End('2019'), '2019'),
  };
  const format = chooseFormat(t3, t2, t2Text, header.year);
  const applicationsMap = t3[format];
  const proactiveMap = t2[format];
  const reviewStart = sections.reviewLitigation ?? lastLine(applicationsMap) ?? end;
  const reviewCells = mapReview(lines, reviewStart, t4End);

  const reader = new CellReader();
  const findings: Finding[] = [];
  const missing = { proactive: [] as string[], applications: [] as string[] };

  const proactiveFound = [...proactiveMap.rows.values()].some((r) => r !== null);
  let proactive: Record<string, Record<string, number | null>> | null = null;
  if (proactiveFound) {
    proactive = {};
    for (const def of PROACTIVE_ROWS[format]) {
      const cells = proactiveMap.rows.get(def.id) ?? null;
      if (!cells) missing.proactive.push(def.label);
      const row: Record<string, number | null> = {};
      def.columns.forEach((col, k) => {
        row[col.id] = reader.read(`proactive.${def.id}.${col.id}`, cells?.[k], col.id);
      });
      proactive[def.id] = row;
    }
  }

  const applicationsFound = [...applicationsMap.rows.values()].filter((r) => r !== null).length >= 3;
  let applications: Record<string, unknown> | null = null;
  if (applicationsFound) {
    applications = {};
    for (const def of APPLICATION_ROWS[format]) {
      const cells = applicationsMap.rows.get(def.id) ?? null;
      if (!cells) missing.applications.push(def.label);
      const row: Record<string, number | null> = {};
      APPLICANT_COLUMNS.forEach((col, k) => {
        row[col.id] = reader.read(`applications.${def.id}.${col.id}`, cells?.[k], col.id);
      });
      setPath(applications, def.id, row);
    }
  }

  let reviewLitigation: Record<string, Record<string, number | null>> | null = null;
  if (reviewCells) {
    reviewLitigation = {};
    REVIEW_GROUPS.forEach((group, g) => {
      const row: Record<string, number | null> = {};
      REVIEW_COLUMNS.forEach((col, c) => {
        row[col.id] = reader.read(`reviewLitigation.${group.id}.${col.id}`, reviewCells[g * 5 + c], col.id);
      });
      reviewLitigation![group.id] = row;
    });
  }

  for (const [table, found, name] of [
    ['proactive', proactive, '表二（主动公开政府信息情况）'],
    ['applications', applications, '表三（收到和处理政府信息公开申请情况）'],
    ['reviewLitigation', reviewLitigation, '表四（政府信息公开行政复议、行政诉讼情况）'],
  ] as const) {
    if (!found) {
      findings.push({ rule: 'structure.missingTable', severity: 'error', message: `未找到${name}`, cells: [table] });
    }
  }
  for (const [table, name] of [
    ['proactive', '表二'],
    ['applications', '表三'],
  ] as const) {
    const rows = missing[table];
    if (rows.length === 0) continue;
    findings.push({
      rule: 'structure.missingRow',
      severity: 'error',
      message: `${name}缺少${rows.length}行：${rows.map((r) => `“${r}”`).join('、')}（文件可能不完整，或这些行无法识别）`,
      cells: missingPaths(table, rows, format),
    });
  }
  if (reader.blank.length > 0) {
    findings.push({
      rule: 'value.blankCell',
      severity: 'warning',
      message: `${reader.blank.length}个单元格为空白，按0计`,
      cells: reader.blank,
    });
  }
  for (const extra of applicationsMap.extraRows) {
    findings.push({
      rule: 'structure.extraRow',
      severity: 'info',
      message: `表三中的“${extra.label || '无标签行'}”不是格式规定的行（如发布者自加的小计），未计入`,
      cells: [],
    });
  }
  findings.push(...nonStandardLabels(lines, t2Start, t4End));
  const missingSections = SECTIONS.filter((section) => sections[section.id] === undefined);
  if (missingSections.length > 0 && missingSections.length < SECTIONS.length) {
    findings.push({
      rule: 'structure.missingSection',
      severity: 'warning',
      message: `未找到${missingSections.map((x) => `“${x.label}”`).join('、')}部分（标题缺失、措辞不同或无法识别）`,
      cells: [],
    });
  }
  findings.push(...reader.findings);

  const overviewStart = sections.overview ?? 0;
  const overviewEnd = sections.proactive ?? Math.min(end, overviewStart + 30);
  const overview = lines.slice(overviewStart, overviewEnd).map(lineText).join('\n');
  const anyTable = proactive || applications || reviewLitigation;
  return {
    report: {
      agency: header.agency,
      year: header.year,
      formatVersion: anyTable ? format : null,
      title: header.title,
    },
    tables: { proactive, applications, reviewLitigation } as unknown as Tables,
    cells: reader.cells,
    findings,
    overview,
    labels: Object.fromEntries(applicationsMap.labels),
  };
}

function firstLine(mapped: MappedRows): number | undefined {
  const lines = [...mapped.lines.values()];
  return lines.length > 0 ? Math.min(...lines) : undefined;
}

function lastLine(mapped: MappedRows): number | undefined {
  const lines = [...mapped.lines.values()];
  return lines.length > 0 ? Math.max(...lines) + 1 : undefined;
}

/** Dotted paths of the missing rows, for the report to mark them. */
function missingPaths(table: 'proactive' | 'applications', labels: string[], format: FormatVersion): string[] {
  const defs = table === 'proactive' ? PROACTIVE_ROWS[format] : APPLICATION_ROWS[format];
  return defs.filter((d) => labels.includes(d.label)).map((d) => `${table}.${d.id}`);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
