import type { PositionedPage } from '../model/layout.ts';
import type { JobLedger, OcrJobRecord } from '../ports/job-ledger.ts';
import type { Preparation } from '../process-stored-document.ts';

export interface TextractCompletion {
  jobId: string;
  status: 'SUCCEEDED' | 'FAILED' | 'ERROR' | 'PARTIAL_SUCCESS';
  /** the JobTag: the token the job was started with */
  jobTag?: string | undefined;
}

export interface TextractCompleteDeps {
  ledger: JobLedger;
  /** the identity a token belongs to, null for a tag not made by gouji */
  identityOfToken(token: string): string | null;
  /** every page of a finished job, page i being the i-th page sent */
  fetchPages(jobId: string, signal?: AbortSignal): Promise<PositionedPage[]>;
  /** Textract's StatusMessage of a failed job */
  failureMessage(jobId: string, signal?: AbortSignal): Promise<string>;
  now(): number;
}

/** What the edge does with a completion: nothing (not ours, or an old attempt), or read the document with the job's pages. */
export type CompletionPlan =
  | { action: 'ignore'; why: string }
  | { action: 'read'; record: OcrJobRecord; prepare: (document: { sha256: string; versionId?: string }) => Promise<Preparation> };

/**
 * Matches a Textract completion to its ledger record and frees its slot. The document is read again
 * from the store and the result written only if it is still the version and bytes the job was
 * for; a file replaced during the job is left to the job of its new version.
 */
export async function planCompletion(
  deps: TextractCompleteDeps,
  completion: TextractCompletion,
  signal?: AbortSignal,
): Promise<CompletionPlan> {
  const id = completion.jobTag === undefined ? null : deps.identityOfToken(completion.jobTag);
  if (id === null) return { action: 'ignore', why: `JobTag ${completion.jobTag ?? '(none)'} is not a gouji job` };
  const record = await deps.ledger.get(id);
  if (record === null || record.token !== completion.jobTag || (record.jobId !== undefined && record.jobId !== completion.jobId)) {
    await deps.ledger.releaseSlot(completion.jobTag!);
    return { action: 'ignore', why: `job ${completion.jobId} is not the current attempt for this document` };
  }
  await deps.ledger.releaseSlot(record.token);
  const succeeded = completion.status === 'SUCCEEDED' || completion.status === 'PARTIAL_SUCCESS';
  const prepare = async (document: { sha256: string; versionId?: string }): Promise<Preparation> => {
    const replaced =
      document.sha256 !== record.sha256 ||
      (record.versionId !== undefined && document.versionId !== undefined && document.versionId !== record.versionId);
    if (replaced) {
      await deps.ledger.put({ ...record, state: 'superseded', updatedAt: deps.now() }, { state: record.state, attempt: record.attempt });
      return { defer: true, reason: 'the object was replaced while Textract read it; its new version has its own job' };
    }
    if (!succeeded) {
      const message = await deps.failureMessage(completion.jobId, signal);
      return {
        defer: false,
        unreadable: {
          reason: 'ocrJobFailed',
          message: `Textract 识别任务 ${completion.jobId} 失败（${message}）。这不是文件本身的问题：重新上传、gouji enqueue 或 redrive 会再试一次。`,
        },
      };
    }
    const sent = await deps.fetchPages(completion.jobId, signal);
    // Textract numbers the pages it was sent; put each back on the source page it came from.
    const ocrPages = sent.flatMap((page) => {
      const source = record.pages[page.page - 1];
      return source === undefined ? [] : [{ ...page, page: source }];
    });
    return { defer: false, ocrPages };
  };
  return { action: 'read', record, prepare };
}

/** After the result is written (or the job found stale), the ledger says how the job ended. */
export async function recordCompletion(
  deps: Pick<TextractCompleteDeps, 'ledger' | 'now'>,
  record: OcrJobRecord,
  ended: 'done' | 'failed',
): Promise<void> {
  await deps.ledger.put({ ...record, state: ended, updatedAt: deps.now() }, { state: record.state, attempt: record.attempt });
}
