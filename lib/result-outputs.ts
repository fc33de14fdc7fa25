import { type Result, ResultSchema } from './model/result.ts';
import type { DocumentStore, StoredDocument } from './ports/document-store.ts';
import { ObjectNotFoundError, ObjectTooLargeError } from './ports/store-errors.ts';
import { renderReportHtml, renderResultJson } from './render/outputs.ts';
import { htmlKeyOf, jsonKeyOf, recordedSourceOf } from './result-keys.ts';

// A result's two outputs in a store, written and read back. Apart from the use case that makes
// results, so the CLI's main thread and the archive step load no document reader.

/** A result JSON is small; anything bigger than this under a result key is not one of ours. */
const MAX_RESULT_BYTES = 64 * 1024 * 1024;

/** The result stored under `jsonKey`, or null when there is none or it is not a result of this schema. */
export async function readResult(store: DocumentStore, jsonKey: string): Promise<Result | null> {
  let stored: StoredDocument;
  try {
    stored = await store.get(jsonKey, { maxBytes: MAX_RESULT_BYTES });
  } catch (error) {
    if (error instanceof ObjectNotFoundError || error instanceof ObjectTooLargeError) return null;
    throw error;
  }
  try {
    const parsed = ResultSchema.safeParse(JSON.parse(new TextDecoder().decode(stored.bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    // not JSON (a stray file under the result's name): redo the document
    return null;
  }
}

/**
 * Writes the HTML first and the JSON last: the JSON is what marks a result as done, so a failure
 * in between leaves no result; the orphan HTML is removed. Stores that keep user metadata (S3)
 * also get the source's identity on the JSON, so the backfill can tell a current result from a HEAD.
 */
export async function writeOutputs(store: DocumentStore, outputKey: string, result: Result): Promise<void> {
  const json = renderResultJson(result);
  const html = renderReportHtml(result);
  const metadata: Record<string, string> = { ...recordedSourceOf(result), status: result.status };
  await store.put(htmlKeyOf(outputKey), html, 'text/html; charset=utf-8');
  try {
    await store.put(jsonKeyOf(outputKey), json, 'application/json; charset=utf-8', metadata);
  } catch (error) {
    await store.delete(htmlKeyOf(outputKey)).catch(() => undefined);
    throw error;
  }
}
