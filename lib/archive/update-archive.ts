import { DATASET_COLUMNS, type DatasetTable } from '../dataset/columns.ts';
import { datasetParquet } from '../dataset/parquet.ts';
import type { CorrectionsFile } from '../model/corrections.ts';
import type { Result } from '../model/result.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { DASHBOARD_APP } from '../render/browser/bundles.generated.ts';
import { dashboardData } from '../render/dashboard/dashboard-data.ts';
import { renderDashboardHtml } from '../render/dashboard/render-dashboard.ts';
import { renderSummaryCsv, summaryRowFromResult } from '../render/outputs.ts';
import { htmlKeyOf, jsonKeyOf } from '../result-keys.ts';
import { writeOutputs } from '../result-outputs.ts';
import { applyCorrections } from '../rules/apply-corrections.ts';
import { archiveContinuity } from '../rules/year-pairing.ts';
import { loadChartLibrary } from './chart-library.ts';
import { type ArchiveEntry, documentNameOf, loadArchive } from './load-archive.ts';

/** Where an archive keeps its dataset: `dataset/reports.parquet`, `cells.parquet`, `findings.parquet`. */
export const DATASET_FOLDER = 'dataset/';
const DATASET_TABLES = Object.keys(DATASET_COLUMNS) as DatasetTable[];
const PARQUET = 'application/vnd.apache.parquet';

export interface ArchiveUpdate {
  /** every result of the archive, as written */
  entries: ArchiveEntry[];
  /** output keys whose result was rewritten (continuity changed) */
  rewritten: string[];
  /** corrections files whose document has no result in the archive (nothing was applied) */
  unmatched: CorrectionsFile[];
}

export interface UpdateArchiveOptions {
  /** how to name this run's documents in the summary (output key → the path the user gave) */
  names?: ReadonlyMap<string, string>;
  /** reviewers' corrections: each applies to the results of the document with its sha256 */
  corrections?: readonly CorrectionsFile[];
  /**
   * results this run has just written, by output key: taken as they are instead of read back and
   * parsed again (the rest of the archive is read from the store)
   */
  written?: ReadonlyMap<string, Result>;
}

/**
 * After a batch: the whole archive in `store` — every result there, not only this run's — gets
 * the reviewers' corrections applied and its rules across years run again (a new year's report
 * pairs with last year's result), the changed results rewritten, then summary.csv, index.html and the Parquet dataset over all of it.
 */
export async function updateArchive(store: DocumentStore, options: UpdateArchiveOptions = {}): Promise<ArchiveUpdate> {
  const entries = await loadArchive(store, '', options.written);
  const before = new Map(entries.map((e) => [e.outputKey, e.result]));
  // corrections first: the rules across years then see the corrected figures
  const bySha = new Map((options.corrections ?? []).map((f) => [f.document.sha256, f.corrections]));
  for (const entry of entries) {
    const corrections = bySha.get(entry.result.source.sha256);
    if (corrections !== undefined) entry.result = applyCorrections(entry.result, corrections);
  }
  const changed = archiveContinuity(entries.map((e) => e.result));
  const rewritten: string[] = [];
  for (const entry of entries) {
    entry.result = changed.get(entry.result) ?? entry.result;
    if (entry.result === before.get(entry.outputKey)) continue;
    await writeOutputs(store, entry.outputKey, entry.result);
    rewritten.push(entry.outputKey);
  }
  if (entries.length > 0) await writeBatchOutputs(store, entries, options.names ?? new Map());
  const shas = new Set(entries.map((e) => e.result.source.sha256));
  const unmatched = (options.corrections ?? []).filter((f) => !shas.has(f.document.sha256));
  return { entries, rewritten, unmatched };
}

async function writeBatchOutputs(store: DocumentStore, entries: ArchiveEntry[], names: ReadonlyMap<string, string>): Promise<void> {
  const rows = entries.map(({ outputKey, result }) =>
    summaryRowFromResult(result, { file: names.get(outputKey) ?? nameOf(result), json: jsonKeyOf(outputKey), html: htmlKeyOf(outputKey) }),
  );
  await store.put('summary.csv', renderSummaryCsv(rows), 'text/csv; charset=utf-8');
  const dashboard = dashboardData(
    entries.map(({ outputKey, result }, i) => ({
      id: outputKey,
      file: rows[i]!.file,
      result,
      html: htmlKeyOf(outputKey),
      json: jsonKeyOf(outputKey),
    })),
  );
  const chartLibrary = await loadChartLibrary();
  await store.put('index.html', renderDashboardHtml(dashboard, { chartLibrary, app: DASHBOARD_APP }), 'text/html; charset=utf-8');
  const documents = entries.map(({ outputKey, result }) => ({ document: outputKey, path: nameOf(result), result }));
  for (const table of DATASET_TABLES) await store.put(`${DATASET_FOLDER}${table}.parquet`, datasetParquet(table, documents), PARQUET);
}

function nameOf(result: Result): string {
  return documentNameOf(result);
}
