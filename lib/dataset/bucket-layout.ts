import { OUTPUT_PREFIX } from '../result-keys.ts';
import { type DatasetTable, PARTITION_COLUMN, UNKNOWN_YEAR_PARTITION } from './columns.ts';

/** The bucket's copy of the dataset: `results/dataset/<table>/year=<year>/<document id>.parquet`. */
export const DATASET_PREFIX = `${OUTPUT_PREFIX}dataset/`;
/** Where the Athena workgroup writes query results (never under incoming/, so never processed). */
export const ATHENA_RESULTS_PREFIX = 'athena-results/';

/**
 * The key of one document's file of one table: one file per document, so Lambdas processing
 * different documents never write the same object, and reprocessing replaces it.
 */
export function datasetKeyOf(table: DatasetTable, year: number | null, documentId: string): string {
  return `${DATASET_PREFIX}${table}/${PARTITION_COLUMN}=${year ?? UNKNOWN_YEAR_PARTITION}/${documentId}.parquet`;
}
