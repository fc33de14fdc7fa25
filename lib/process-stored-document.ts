import { createHash } from 'node:crypto';
import { ObjectTooLargeError } from './adapters/errors.ts';
import type { PositionedPage } from './model/layout.ts';
import type { Result } from './model/result.ts';
import { type DocumentInput, type ProcessOptions, processDocument } from './process-document.ts';
import type { DocumentStore, StoredDocument } from './ports/document-store.ts';
import { renderReportHtml, renderResultJson } from './render/outputs.ts';
import { htmlKeyOf, isCurrentResult, jsonKeyOf, RESULT_METADATA } from './result-keys.ts';
import { GOUJI_VERSION } from './version.ts';

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
  | { outcome: 'current'; jsonKey: string }
  | { outcome: 'deferred'; reason: string; sha256: string }
  | { outcome: 'written'; result: Result; jsonKey: string; htmlKey: string };

/**
 * The use case both edges call around the core: read a stored document, process it and write
 * `<outputKey>.json` + `.report.html`. Skips the work when the existing result was computed from
 * the same object (ETag or sha256). Throws only for store failures (StoreError).
 */
export async function processStoredDocument(store: DocumentStore, key: string, options: StoredProcessOptions): Promise<StoredOutcome> {
  const { outputKey, prepare, outputStore, force, ...processOptions } = options;
  const target = outputStore ?? store;
  const jsonKey = jsonKeyOf(outputKey);
  const maxBytes = processOptions.config.maxBytes;

  const [source, existing] = await Promise.all([store.head(key), force ? null : target.head(jsonKey)]);
  const recorded = existing?.metadata ?? {};
  if (isCurrentResult(recorded, { etag: source?.etag })) return { outcome: 'current', jsonKey };

  let document: StoredDocument;
  try {
    document = await store.get(key, { maxBytes });
  } catch (error) {
    // Over the limit: a result that says so, not a failure to retry.
    if (!(error instanceof ObjectTooLargeError)) throw error;
    const result = tooLargeResult(store.uri(key), error, source?.etag, source?.versionId);
    await writeOutputs(target, outputKey, result);
    return { outcome: 'written', result, jsonKey, htmlKey: htmlKeyOf(outputKey) };
  }

  const sha256 = createHash('sha256').update(document.bytes).digest('hex');
  if (isCurrentResult(recorded, { sha256 })) return { outcome: 'current', jsonKey };

  const input: DocumentInput = {
    name: key.slice(key.lastIndexOf('/') + 1),
    uri: document.uri,
    bytes: document.bytes,
    ...(document.etag === undefined ? {} : { etag: document.etag }),
    ...(document.versionId === undefined ? {} : { versionId: document.versionId }),
    ...(document.contentType === undefined ? {} : { contentType: document.contentType }),
  };
  const preparation: Preparation = prepare === undefined ? { defer: false } : await prepare({ ...input, sha256 });
  if (preparation.defer) return { outcome: 'deferred', reason: preparation.reason, sha256 };
  const ocrPages = preparation.ocrPages ?? processOptions.ocrPages;

  const processed = await processDocument(input, { ...processOptions, ...(ocrPages === undefined ? {} : { ocrPages }) });
  const result: Result = {
    ...processed,
    source: {
      ...processed.source,
      ...(document.etag === undefined ? {} : { etag: document.etag }),
      ...(document.versionId === undefined ? {} : { versionId: document.versionId }),
    },
  };
  await writeOutputs(target, outputKey, result);
  return { outcome: 'written', result, jsonKey, htmlKey: htmlKeyOf(outputKey) };
}

/**
 * Writes the HTML first and the JSON last: the JSON (with its source metadata) is what marks a
 * result as done, so a failure in between leaves no result; the orphan HTML is removed.
 */
export async function writeOutputs(store: DocumentStore, outputKey: string, result: Result): Promise<void> {
  const json = renderResultJson(result);
  const html = renderReportHtml(result);
  const metadata: Record<string, string> = {
    [RESULT_METADATA.sha256]: result.source.sha256,
    [RESULT_METADATA.producer]: GOUJI_VERSION,
    status: result.status,
  };
  if (result.source.etag !== undefined) metadata[RESULT_METADATA.etag] = result.source.etag;
  if (result.source.versionId !== undefined) metadata[RESULT_METADATA.versionId] = result.source.versionId;
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

function tooLargeResult(uri: string, error: ObjectTooLargeError, etag: string | undefined, versionId: string | undefined): Result {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return {
    schemaVersion: 1,
    status: 'unreadable',
    source: {
      uri,
      sha256: SHA256_OF_NOTHING,
      bytes: error.size,
      mediaType: 'application/octet-stream',
      ...(etag === undefined ? {} : { etag }),
      ...(versionId === undefined ? {} : { versionId }),
    },
    report: { agency: null, year: null, formatVersion: null, title: null },
    extraction: { method: 'none', reader: 'none' },
    tables: { proactive: null, applications: null, reviewLitigation: null },
    cells: {},
    findings: [
      {
        rule: 'document.tooLarge',
        severity: 'error',
        message: `文件大小 ${mb(error.size)} MB，超过上限 ${mb(error.maxBytes)} MB，未读取`,
        cells: [],
      },
    ],
  };
}
