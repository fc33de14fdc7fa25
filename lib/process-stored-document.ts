import type { PositionedPage } from './model/layout.ts';
import { type Result, ResultSchema } from './model/result.ts';
import type { DocumentStore, StoredDocument } from './ports/document-store.ts';
import { ObjectNotFoundError, ObjectTooLargeError } from './ports/store-errors.ts';
import { type DocumentInput, type ProcessOptions, processDocument, sha256Of } from './process-document.ts';
import { renderReportHtml, renderResultJson } from './render/outputs.ts';
import { htmlKeyOf, isCurrentResult, jsonKeyOf, recordedSourceOf } from './result-keys.ts';
import { tooLargeMessage, unreadableResult } from './unreadable-result.ts';

/** What to do once the document is in memory: defer (an OCR job was started) or go on. */
export type Preparation = { defer: true; reason: string } | { defer: false; ocrPages?: PositionedPage[] };

export interface StoredProcessOptions extends ProcessOptions {
  /** result key without extension, e.g. from `outputKeyFor` */
  outputKey: string;
  /** where results go when not beside the source (the CLI: `--out`); default the same store */
  outputStore?: DocumentStore;
  /** process even when a current result exists */
  force?: boolean;
  /** runs after the idempotency check, before the core: start Textract, or fetch its pages */
  prepare?: (document: DocumentInput & { sha256: string }) => Promise<Preparation>;
}

export type StoredOutcome =
  | { outcome: 'current'; result: Result; jsonKey: string }
  | { outcome: 'deferred'; reason: string; sha256: string }
  | { outcome: 'written'; result: Result; jsonKey: string; htmlKey: string };

/** A result JSON is small; anything bigger than this under a result key is not one of ours. */
const MAX_RESULT_BYTES = 64 * 1024 * 1024;

/**
 * The use case both edges call around the core: read a stored document, process it and write
 * `<outputKey>.json` + `.report.html`. Skips the work when the existing result was made by this
 * version from the same object (ETag or sha256, as the result itself records). Throws only for
 * store failures (StoreError).
 */
export async function processStoredDocument(store: DocumentStore, key: string, options: StoredProcessOptions): Promise<StoredOutcome> {
  const { outputKey, prepare, outputStore, force, ...processOptions } = options;
  const target = outputStore ?? store;
  const jsonKey = jsonKeyOf(outputKey);
  const maxBytes = processOptions.config.maxBytes;

  const [source, existing] = await Promise.all([store.head(key), force ? null : readResult(target, jsonKey)]);
  const recorded = existing === null ? {} : recordedSourceOf(existing);
  if (existing !== null && isCurrentResult(recorded, { etag: source?.etag })) return { outcome: 'current', result: existing, jsonKey };

  let document: StoredDocument;
  try {
    document = await store.get(key, { maxBytes });
  } catch (error) {
    // Over the limit: a result that says so, not a failure to retry.
    if (!(error instanceof ObjectTooLargeError)) throw error;
    const result = unreadableResult(
      {
        uri: store.uri(key),
        sha256: SHA256_OF_NOTHING,
        bytes: error.size,
        mediaType: 'application/octet-stream',
        ...(source?.etag === undefined ? {} : { etag: source.etag }),
        ...(source?.versionId === undefined ? {} : { versionId: source.versionId }),
      },
      'tooLarge',
      tooLargeMessage(error.size, error.maxBytes),
    );
    await writeOutputs(target, outputKey, result);
    return { outcome: 'written', result, jsonKey, htmlKey: htmlKeyOf(outputKey) };
  }

  const sha256 = sha256Of(document.bytes);
  if (existing !== null && isCurrentResult(recorded, { sha256 })) return { outcome: 'current', result: existing, jsonKey };

  const input: DocumentInput = {
    name: key.slice(key.lastIndexOf('/') + 1),
    uri: document.uri,
    bytes: document.bytes,
    sha256,
    ...(document.etag === undefined ? {} : { etag: document.etag }),
    ...(document.versionId === undefined ? {} : { versionId: document.versionId }),
    ...(document.contentType === undefined ? {} : { contentType: document.contentType }),
  };
  const preparation: Preparation = prepare === undefined ? { defer: false } : await prepare({ ...input, sha256 });
  if (preparation.defer) return { outcome: 'deferred', reason: preparation.reason, sha256 };
  const ocrPages = preparation.ocrPages ?? processOptions.ocrPages;

  const result = await processDocument(input, { ...processOptions, ...(ocrPages === undefined ? {} : { ocrPages }) });
  await writeOutputs(target, outputKey, result);
  return { outcome: 'written', result, jsonKey, htmlKey: htmlKeyOf(outputKey) };
}

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

// sha256 of zero bytes: nothing of the refused object was read, so nothing else can be claimed.
const SHA256_OF_NOTHING = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
