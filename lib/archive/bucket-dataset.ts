import { createHash } from 'node:crypto';
import { datasetKeyOf } from '../dataset/bucket-layout.ts';
import { DATASET_COLUMNS, type DatasetTable } from '../dataset/columns.ts';
import { datasetParquet } from '../dataset/parquet.ts';
import type { Result } from '../model/result.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { OUTPUT_PREFIX } from '../result-keys.ts';
import { documentNameOf } from './load-archive.ts';

const TABLES = Object.keys(DATASET_COLUMNS) as DatasetTable[];
const PARQUET = 'application/vnd.apache.parquet';

/** A document's file name in the dataset: a hash of its result key (safe in any key, stable across runs). */
export function documentIdOf(outputKey: string): string {
  return createHash('sha256').update(outputKey).digest('hex').slice(0, 32);
}

/**
 * Keeps the bucket's dataset up to date with one result: its rows of reports, cells and
 * findings, one Parquet file per table under `results/dataset/<table>/year=<year>/`. When the
 * result moved to another year (a better reading), the old year's files are removed, so Athena
 * never counts a document twice.
 */
export async function publishToDataset(store: DocumentStore, outputKey: string, result: Result, previous: Result | null): Promise<void> {
  const id = documentIdOf(outputKey);
  const document = outputKey.startsWith(OUTPUT_PREFIX) ? outputKey.slice(OUTPUT_PREFIX.length) : outputKey;
  const documents = [{ document, path: documentNameOf(result), result }];
  for (const table of TABLES) await store.put(datasetKeyOf(table, result.report.year, id), datasetParquet(table, documents, true), PARQUET);
  if (previous !== null && previous.report.year !== result.report.year) {
    for (const table of TABLES) await store.delete(datasetKeyOf(table, previous.report.year, id));
  }
}
