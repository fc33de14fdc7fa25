import type { Config } from '../config.ts';
import type { JobLedger, OcrJobRecord } from '../ports/job-ledger.ts';
import { MachineryError } from '../ports/machinery-error.ts';
import { documentPagesNeedingOcr } from '../process-document.ts';
import type { Preparation } from '../process-stored-document.ts';
import { OCR_INPUT_PREFIX } from '../result-keys.ts';
import { pdfOfPages } from './pdf-of-pages.ts';
import type { PendingMarker } from './pending-marker.ts';

/** What starting a Textract job needs from the edge: the ledger, staging in S3 and the Textract call. */
export interface TextractStartDeps {
  ledger: JobLedger;
  /** the open-job cap and start rate, at or below the account's Textract quotas */
  limits: { cap: number; perSecond: number };
  /** the document's identity and a request token per attempt (adapters/ocr/textract/client-request-token.ts) */
  identity(document: { sha256: string; key: string; versionId?: string | undefined }): string;
  token(identity: string, attempt: number): string;
  /** puts a PDF of the pages to read; returns the version written (versioned bucket) */
  stage(bucket: string, key: string, bytes: Uint8Array): Promise<{ versionId?: string }>;
  /** StartDocumentAnalysis on the pinned object; throws a MachineryError, with `quota` when Textract says "too many" */
  start(input: { bucket: string; key: string; versionId?: string; token: string }): Promise<string>;
  now(): number;
}

export interface StoredDocumentToRead {
  bucket: string;
  key: string;
  uri: string;
  name: string;
  bytes: Uint8Array;
  sha256: string;
  versionId?: string;
}

/**
 * The Textract path's preparation, run after the current check: if some pages need OCR, start
 * (at most) one job for this version of the document, reading only those pages, and defer; if the
 * open-job cap or Textract's quotas say wait, defer with `wait` (the edge puts the message back
 * without counting a failure). Nothing to OCR: go on and read the text layer.
 */
export async function startTextractJob(
  deps: TextractStartDeps,
  document: StoredDocumentToRead,
  config: Config,
  signal?: AbortSignal,
): Promise<Preparation> {
  const need = await documentPagesNeedingOcr(document, config, signal);
  if (need === null) return { defer: false };
  const id = deps.identity(document);
  const record = await deps.ledger.get(id);
  const marker = (state: PendingMarker['state'], detail: string, jobId?: string): PendingMarker => ({
    source: document.uri,
    sha256: document.sha256,
    ...(document.versionId === undefined ? {} : { versionId: document.versionId }),
    state,
    pages: need.pages,
    ...(jobId === undefined ? {} : { jobId }),
    since: new Date(deps.now()).toISOString(),
    detail,
  });
  if (record?.state === 'open' && record.jobId !== undefined) {
    // Another delivery of the same notification: the job is running, its completion will write the result.
    return { defer: true, reason: `Textract job ${record.jobId} is already reading this version` };
  }
  // A new attempt after a failed (or finished but since removed) job gets a new token: the old one
  // would only hand back the old job.
  const attempt = record === null ? 1 : record.state === 'starting' ? record.attempt : record.attempt + 1;
  const token = deps.token(id, attempt);
  if (!(await deps.ledger.acquireSlot(token, deps.limits, deps.now()))) {
    const detail = `all ${deps.limits.cap} Textract job slots are taken, or ${deps.limits.perSecond} jobs started this second`;
    return { defer: true, wait: 'slot', reason: detail, pending: marker('waiting for a Textract slot', detail) };
  }
  try {
    const input = record?.state === 'starting' && record.attempt === attempt ? record.input : await inputFor(deps, document, need, token);
    const starting: OcrJobRecord = {
      id,
      token,
      attempt,
      state: 'starting',
      bucket: document.bucket,
      key: document.key,
      ...(document.versionId === undefined ? {} : { versionId: document.versionId }),
      sha256: document.sha256,
      // the job's page i is the source's pages[i-1]; the whole document sent means every page
      pages: input.key === document.key && need.kind === 'pdf' ? range(need.pageCount) : need.pages,
      input,
      updatedAt: deps.now(),
    };
    const expected = record === null ? { state: null } : { state: record.state, attempt: record.attempt };
    if (!(await deps.ledger.put(starting, expected))) {
      return { defer: true, reason: 'another delivery of this document is starting its Textract job' };
    }
    const jobId = await deps.start({
      bucket: document.bucket,
      key: input.key,
      token,
      ...(input.versionId === undefined ? {} : { versionId: input.versionId }),
    });
    await deps.ledger.put({ ...starting, state: 'open', jobId, updatedAt: deps.now() }, { state: 'starting', attempt });
    const detail = `Textract job ${jobId} reads page ${need.pages.join(', ')}`;
    return { defer: true, reason: detail, pending: marker('Textract is reading the pages', detail, jobId) };
  } catch (error) {
    await deps.ledger.releaseSlot(token);
    if (error instanceof MachineryError && (error as { quota?: boolean }).quota === true) {
      return { defer: true, wait: 'throttled', reason: error.message, pending: marker('waiting for a Textract slot', error.message) };
    }
    throw error;
  }
}

/** The object Textract reads: a PDF of just the pages that need OCR, or the source itself when that is all of it. */
async function inputFor(
  deps: TextractStartDeps,
  document: StoredDocumentToRead,
  need: { kind: 'pdf' | 'image'; pages: number[]; pageCount: number },
  token: string,
): Promise<{ key: string; versionId?: string }> {
  const whole = { key: document.key, ...(document.versionId === undefined ? {} : { versionId: document.versionId }) };
  if (need.kind !== 'pdf' || need.pages.length === need.pageCount) return whole;
  const bytes = await pdfOfPages(document.bytes, need.pages);
  if (bytes === null) return whole;
  const key = `${OCR_INPUT_PREFIX}${token}.pdf`;
  const staged = await deps.stage(document.bucket, key, bytes);
  return { key, ...(staged.versionId === undefined ? {} : { versionId: staged.versionId }) };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
