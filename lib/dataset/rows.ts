import type { Result } from '../model/result.ts';
import type { DatasetTable } from './columns.ts';
import { cellSemantic } from './semantic.ts';

/** One result as the dataset names it. */
export interface DatasetDocument {
  /** the result's key below the archive, without `.json` */
  document: string;
  /** the source document's path or key */
  path: string;
  result: Result;
}

export type Row = Record<string, string | number | boolean | null | readonly (string | number)[]>;

/** A value of a result: a leaf of its tables, or a figure of a row printed merged. */
export interface ResultCell {
  cell: string;
  value: number | null;
  /** a member row of a group printed as one row: its figure is in the group's row */
  merged: boolean;
}

/**
 * Every value of a result in the form's order: the leaves of the tables, and where the publisher
 * printed a group of rows as one row (`mergedRows`), that row's figures (`<group path>.<column>`)
 * before its members, which are null and marked merged.
 */
export function resultCells(result: Pick<Result, 'tables' | 'mergedRows'>): ResultCell[] {
  const merged = Object.entries(result.mergedRows ?? {});
  const groupOf = new Map(merged.flatMap(([group, row]) => row.members.map((member) => [member, group] as const)));
  const emitted = new Set<string>();
  const out: ResultCell[] = [];
  for (const [cell, value] of tableLeaves(result.tables)) {
    const group = groupOf.get(cell.slice(0, cell.lastIndexOf('.')));
    if (group !== undefined && !emitted.has(group)) {
      emitted.add(group);
      for (const [column, figure] of Object.entries(result.mergedRows?.[group]?.values ?? {}))
        out.push({ cell: `${group}.${column}`, value: figure, merged: false });
    }
    out.push({ cell, value, merged: group !== undefined });
  }
  return out;
}

/** Dotted paths and values of every leaf of the tables, in the form's order. */
export function tableLeaves(node: unknown, prefix = '', out: [string, number | null][] = []): [string, number | null][] {
  if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) tableLeaves(value, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix !== '' && (typeof node === 'number' || node === null)) {
    out.push([prefix, node]);
  }
  return out;
}

function reportRow({ document, path, result }: DatasetDocument): Row {
  const { report, extraction, findings, checks } = result;
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const outcomes = (outcome: string) => checks.filter((c) => c.outcome === outcome).length;
  return {
    document,
    path,
    sha256: result.source.sha256,
    bytes: result.source.bytes,
    agency: report.agency,
    agency_key: report.agencyKey,
    year: report.year,
    format: report.formatVersion,
    title: report.title,
    status: result.status,
    errors: count('error'),
    warnings: count('warning'),
    failed_rules: [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.rule))],
    checks_passed: outcomes('pass'),
    checks_failed: outcomes('fail'),
    checks_skipped: outcomes('skipped'),
    reader: extraction.reader,
    extraction: extraction.method,
    pages: extraction.pages ?? null,
    ocr_pages: extraction.ocrPages?.length ?? 0,
    ocr_engine: extraction.ocrEngine ?? null,
    mean_confidence: extraction.meanConfidence ?? null,
    gouji_version: result.goujiVersion,
    version: result.version,
    corrected_cells: Object.values(result.cells).filter((c) => c.method === 'corrected').length,
  };
}

function cellRows({ document, result }: DatasetDocument): Row[] {
  const flagged = new Map<string, Set<string>>();
  for (const f of result.findings) {
    if (f.severity === 'info') continue;
    for (const cell of f.cells) flagged.set(cell, (flagged.get(cell) ?? new Set()).add(f.rule));
  }
  return resultCells(result).map(({ cell, value, merged }) => {
    const source = result.cells[cell];
    const parts = cell.split('.');
    return {
      document,
      agency_key: result.report.agencyKey,
      year: result.report.year,
      format: result.report.formatVersion,
      table_id: parts[0]!,
      row_id: parts.slice(1, -1).join('.'),
      column_id: parts.at(-1)!,
      cell,
      value,
      semantic: merged ? 'merged' : cellSemantic(value, source),
      raw_text: source?.text ?? null,
      page: source?.page ?? null,
      bbox: source?.bbox ?? null,
      confidence: source?.confidence ?? null,
      method: source?.method ?? null,
      read_value: source?.read?.value ?? null,
      read_method: source?.read?.method ?? null,
      rules: [...(flagged.get(cell) ?? [])],
    };
  });
}

function findingRows({ document, result }: DatasetDocument): Row[] {
  return result.findings.map((f, i) => ({
    document,
    agency_key: result.report.agencyKey,
    year: result.report.year,
    finding: i,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    cells: f.cells,
    suspect_cells: f.suspectCells ?? [],
  }));
}

/** The rows of one table of the dataset for these documents. */
export function datasetRows(table: DatasetTable, documents: readonly DatasetDocument[]): Row[] {
  if (table === 'reports') return documents.map(reportRow);
  if (table === 'cells') return documents.flatMap(cellRows);
  return documents.flatMap(findingRows);
}
