import { fileURLToPath } from 'node:url';
import type { Result } from '../model/result.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { readResult } from '../result-outputs.ts';

/** One result kept in an archive (an --out folder, or results/ in the bucket). */
export interface ArchiveEntry {
  /** the result's key without `.json`: `<outputKey>.json`, `<outputKey>.report.html` */
  outputKey: string;
  result: Result;
}

/** Keys under `prefix` that may hold a result: JSON files other than the archive's own. */
function isResultKey(key: string, prefix: string): boolean {
  if (!key.endsWith('.json') || key.endsWith('.corrections.json')) return false;
  const rest = key.slice(prefix.length);
  return !rest.startsWith('dataset/');
}

/**
 * Every result stored under `prefix`, in key order. Files that are not results of this schema
 * (a stray JSON, a result of an older schema) are left out: the archive covers what it can read.
 */
export async function loadArchive(
  store: DocumentStore,
  prefix = '',
  written: ReadonlyMap<string, Result> = new Map(),
): Promise<ArchiveEntry[]> {
  const keys: string[] = [];
  for await (const object of store.list(prefix)) if (isResultKey(object.key, prefix)) keys.push(object.key);
  keys.sort();
  const entries: ArchiveEntry[] = [];
  for (const key of keys) {
    const outputKey = key.slice(0, -'.json'.length);
    const result = written.get(outputKey) ?? (await readResult(store, key));
    if (result !== null) entries.push({ outputKey, result });
  }
  return entries;
}

/** How the archive names a result's document: its path for local files, its key in a bucket. */
export function documentNameOf(result: Result): string {
  const { uri } = result.source;
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri.replace(/^s3:\/\/[^/]+\//, '');
}
