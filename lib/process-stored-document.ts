import type { PositionedPage } from './model/layout.ts';
import type { Result, Source } from './model/result.ts';
import type { PendingMarker } from './ocr-jobs/pending-marker.ts';
import type { DocumentStore, StoredDocument } from './ports/document-store.ts';
import { MachineryError } from './ports/machinery-error.ts';
import { ObjectNotFoundError, ObjectTooLargeError, StoreError } from './ports/store-errors.ts';
import { type DocumentInput, type ProcessOptions, processDocument } from './process-document.ts';
import { htmlKeyOf, isCurrentResult, jsonKeyOf, pendingKeyOf, recordedSourceOf } from './result-keys.ts';
import { readResult, writeOutputs } from './result-outputs.ts';
import { sha256Of } from './sha256.ts';
import { tooLargeMessage, unreadableResult } from './unreadable-result.ts';

/**
 * What to do once the document is in memory: defer (an OCR job was started, or must wait for one:
 * `wait`), or go on, with pages recognised elsewhere or with the reason no reading is possible.
 */
export type Preparation =
  | { defer: true; reason: string; wait?: 'slot' | 'throttled'; pending?: PendingMarker }
  | { defer: false; ocrPages?: PositionedPage[]; unreadable?: { reason: 'ocrFailed' | 'ocrJobFailed'; message: string } };

export interface StoredProcessOptions extends ProcessOptions {
  /** result key without extension, e.g. from `outputKeyFor` */
  outputKey: string;
  /** where results go when not beside the source (the CLI: `--out`); default the same store */
  outputStore?: DocumentStore;
  /** process even when a current result exists */
  force?: boolean;
  /** runs after the idempotency check, before the core: start Textract, or fetch its pages */
  prepare?: (document: DocumentInput & { sha256: string }) => Promise<Preparation>;
  /** remove `<outputKey>.pending` once the result is written (the Textract path) */
  clearPending?: boolean;
  /**
   * runs once a new result is written, with the result it replaced (null when none was read):
   * the bucket keeps its dataset up to date here
   */
  afterWrite?: (written: { outputKey: string; result: Result; previous: Result | null }) => Promise<void>;
  /** runs on a new result before it is written: the bucket applies a reviewer's stored corrections here */
  revise?: (result: Result) => Promise<Result>;
}

export type StoredOutcome =
  | { outcome: 'current'; result: Result; jsonKey: string }
  | { outcome: 'deferred'; reason: string; sha256: string; wait?: 'slot' | 'throttled' }
  | { outcome: 'written'; result: Result; jsonKey: string; htmlKey: string };

/**
 * The use case both edges call around the core: read a stored document, process it and write
 * `<outputKey>.json` + `.report.html`. Skips the work when the existing result was made by this
 * version from the same object (ETag or sha256, as the result itself records). Throws only for
 * store failures (StoreError).
 */
export async function processStoredDocument(store: DocumentStore, key: string, options: StoredProcessOptions): Promise<StoredOutcome> {
  const { outputKey, prepare, outputStore, force, clearPending, afterWrite, revise, ...processOptions } = options;
  const target = outputStore ?? store;
  const jsonKey = jsonKeyOf(outputKey);
  const maxBytes = processOptions.config.maxBytes;

  const [source, existing] = await Promise.all([store.head(key), force ? null : readResult(target, jsonKey)]);
  const recorded = existing === null ? {} : recordedSourceOf(existing);
  if (existing !== null && isCurrentResult(recorded, { etag: source?.etag })) return { outcome: 'current', result: existing, jsonKey };

  const written = async (read: Result): Promise<StoredOutcome> => {
    const result = revise === undefined ? read : await revise(read);
    await writeOutputs(target, outputKey, result);
    if (clearPending) await removePending(target, outputKey);
    await afterWrite?.({ outputKey, result, previous: existing });
    return { outcome: 'written', result, jsonKey, htmlKey: htmlKeyOf(outputKey) };
  };

  let document: StoredDocument;
  try {
    document = await store.get(key, { maxBytes });
  } catch (error) {
    // Over the limit, or refused for good (e.g. access denied): a result that says so, not a
    // failure to retry. A missing object is no document to report on; transient errors retry.
    if (error instanceof ObjectNotFoundError || !(error instanceof StoreError) || error.retryable) throw error;
    const unread = {
      uri: store.uri(key),
      sha256: SHA256_OF_NOTHING,
      bytes: error instanceof ObjectTooLargeError ? error.size : (source?.size ?? 0),
      mediaType: 'application/octet-stream',
      ...(source?.etag === undefined ? {} : { etag: source.etag }),
      ...(source?.versionId === undefined ? {} : { versionId: source.versionId }),
    };
    return written(
      error instanceof ObjectTooLargeError
        ? unreadableResult(unread, 'tooLarge', tooLargeMessage(error.size, error.maxBytes))
        : unreadableResult(unread, 'internalError', `无法读取此文件（${error.message}）：请检查存储权限后重新上传。`),
    );
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
  const preparation = prepare === undefined ? { defer: false as const } : await prepareOrExplain(prepare, { ...input, sha256 });
  if (preparation.defer) {
    if (preparation.pending !== undefined) {
      await target.put(pendingKeyOf(outputKey), `${JSON.stringify(preparation.pending, null, 2)}\n`, 'application/json; charset=utf-8');
    }
    return {
      outcome: 'deferred',
      reason: preparation.reason,
      sha256,
      ...(preparation.wait === undefined ? {} : { wait: preparation.wait }),
    };
  }
  if (preparation.unreadable !== undefined) {
    const { reason, message } = preparation.unreadable;
    const source: Source = { uri: input.uri, sha256, bytes: input.bytes.length, mediaType: 'application/octet-stream' };
    if (input.etag !== undefined) source.etag = input.etag;
    if (input.versionId !== undefined) source.versionId = input.versionId;
    return written(unreadableResult(source, reason, message));
  }
  const ocrPages = preparation.ocrPages ?? processOptions.ocrPages;
  return written(await processDocument(input, { ...processOptions, ...(ocrPages === undefined ? {} : { ocrPages }) }));
}

/** Runs `prepare`; a machinery failure no retry can mend becomes the reason in the result (the real message). */
async function prepareOrExplain(
  prepare: NonNullable<StoredProcessOptions['prepare']>,
  document: DocumentInput & { sha256: string },
): Promise<Preparation> {
  try {
    return await prepare(document);
  } catch (error) {
    if (!(error instanceof MachineryError) || error.retryable) throw error;
    return {
      defer: false,
      unreadable: { reason: 'ocrFailed', message: `OCR 任务无法开始（${error.message}），不是文件本身的问题。` },
    };
  }
}

/** Removes the pending marker if there is one (a HEAD first: a delete in a versioned bucket leaves a marker). */
async function removePending(store: DocumentStore, outputKey: string): Promise<void> {
  if ((await store.head(pendingKeyOf(outputKey))) !== null) await store.delete(pendingKeyOf(outputKey));
}

// sha256 of zero bytes: nothing of the refused object was read, so nothing else can be claimed.
const SHA256_OF_NOTHING = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
