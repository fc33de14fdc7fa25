import type { Result } from '../../model/result.ts';
import { CONTINUITY_RULES } from '../../rules/continuity.ts';
import { pairYears } from '../../rules/year-pairing.ts';
import { type FigureId, MAIN_FIGURES, mainFigures } from './main-figures.ts';

/** A figure is listed as a year-over-year anomaly when it changes by more than this factor… */
export const ANOMALY_FACTOR = 3;
/** …and the larger of the two years is at least this (small counts swing by chance). */
export const ANOMALY_MIN_BASE = 10;
/** Count figures checked for anomalies (rates swing with small bases). */
const ANOMALY_FIGURES: readonly FigureId[] = ['received', 'review', 'reviewCorrected', 'litigation'];

export interface DashboardEntry {
  /** result key below the archive, without `.json` */
  id: string;
  file: string;
  result: Result;
  /** links relative to index.html */
  html: string;
  json: string;
}

export interface DashboardDocument {
  id: string;
  file: string;
  agency: string | null;
  agencyKey: string | null;
  year: number | null;
  format: string | null;
  status: Result['status'];
  errors: number;
  warnings: number;
  rules: string[];
  html: string;
  json: string;
  /** continuity rules this report fails: a break in the agency's series */
  breaks: string[];
  figures: Record<FigureId, number | null>;
}

export interface Percentiles {
  year: number;
  figure: FigureId;
  n: number;
  p25: number;
  p50: number;
  p75: number;
}

export interface Anomaly {
  agencyKey: string;
  agency: string;
  figure: FigureId;
  fromYear: number;
  toYear: number;
  from: number;
  to: number;
  factor: number;
  /** links to the cell in both reports */
  fromHref: string;
  toHref: string;
}

export interface DashboardData {
  documents: DashboardDocument[];
  figures: typeof MAIN_FIGURES;
  percentiles: Percentiles[];
  anomalies: Anomaly[];
  /** error and warning rules by how many reports break them */
  rules: { rule: string; reports: number }[];
  anomalyRule: { factor: number; minBase: number };
}

/** Quantile with linear interpolation between order statistics (R type 7, Excel PERCENTILE.INC). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const value = sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  return Math.round(value * 100) / 100;
}

export const cellHref = (html: string, cell: string): string => `${html}#cell-${cell}`;

/** Everything the dashboard shows, computed once from the archive's results. Pure. */
export function dashboardData(entries: readonly DashboardEntry[]): DashboardData {
  const documents: DashboardDocument[] = entries.map(({ id, file, result, html, json }) => {
    const significant = result.findings.filter((f) => f.severity !== 'info');
    return {
      id,
      file,
      agency: result.report.agency,
      agencyKey: result.report.agencyKey,
      year: result.report.year,
      format: result.report.formatVersion,
      status: result.status,
      errors: significant.filter((f) => f.severity === 'error').length,
      warnings: significant.filter((f) => f.severity === 'warning').length,
      rules: [...new Set(significant.map((f) => f.rule))],
      html,
      json,
      breaks: result.checks.filter((c) => CONTINUITY_RULES.includes(c.rule) && c.outcome === 'fail').map((c) => c.rule),
      figures: mainFigures(result),
    };
  });
  const ruleCounts = new Map<string, number>();
  for (const d of documents) for (const rule of d.rules) ruleCounts.set(rule, (ruleCounts.get(rule) ?? 0) + 1);
  return {
    documents,
    figures: MAIN_FIGURES,
    percentiles: percentiles(documents),
    anomalies: anomalies(entries, documents),
    rules: [...ruleCounts]
      .map(([rule, reports]) => ({ rule, reports }))
      .sort((a, b) => b.reports - a.reports || (a.rule < b.rule ? -1 : 1)),
    anomalyRule: { factor: ANOMALY_FACTOR, minBase: ANOMALY_MIN_BASE },
  };
}

function percentiles(documents: readonly DashboardDocument[]): Percentiles[] {
  const out: Percentiles[] = [];
  const years = [...new Set(documents.map((d) => d.year).filter((y): y is number => y !== null))].sort();
  for (const year of years) {
    for (const { id } of MAIN_FIGURES) {
      const values = documents
        .filter((d) => d.year === year && d.status !== 'unreadable')
        .map((d) => d.figures[id])
        .filter((v): v is number => v !== null)
        .sort((a, b) => a - b);
      if (values.length === 0) continue;
      out.push({
        year,
        figure: id,
        n: values.length,
        p25: quantile(values, 0.25),
        p50: quantile(values, 0.5),
        p75: quantile(values, 0.75),
      });
    }
  }
  return out;
}

function anomalies(entries: readonly DashboardEntry[], documents: readonly DashboardDocument[]): Anomaly[] {
  const byResult = new Map(entries.map((e, i) => [e.result, { entry: e, document: documents[i]! }]));
  const out: Anomaly[] = [];
  for (const [result, pairing] of pairYears(entries.map((e) => e.result))) {
    if (pairing.previous === null || result.status === 'unreadable' || pairing.previous.status === 'unreadable') continue;
    const now = byResult.get(result)!;
    const before = byResult.get(pairing.previous)!;
    for (const figure of ANOMALY_FIGURES) {
      const from = before.document.figures[figure];
      const to = now.document.figures[figure];
      if (from === null || to === null || Math.max(from, to) < ANOMALY_MIN_BASE) continue;
      const factor = Math.max(from, to) / Math.max(Math.min(from, to), 1);
      if (factor <= ANOMALY_FACTOR) continue;
      const cell = MAIN_FIGURES.find((f) => f.id === figure)!.cell;
      out.push({
        agencyKey: now.document.agencyKey!,
        agency: now.document.agency ?? now.document.agencyKey!,
        figure,
        fromYear: before.document.year!,
        toYear: now.document.year!,
        from,
        to,
        factor: Math.round(factor * 10) / 10,
        fromHref: cellHref(before.entry.html, cell),
        toHref: cellHref(now.entry.html, cell),
      });
    }
  }
  return out.sort((a, b) => b.factor - a.factor || (a.agencyKey < b.agencyKey ? -1 : 1));
}
