/**
 * The record of asynchronous OCR jobs (Textract), shared by every invocation: which job reads
 * which version of which document, and how many jobs are open. Writes are conditional, so two
 * deliveries of one notification never start two jobs and the open-job cap holds under any
 * concurrency.
 */

/** starting: slot taken, job not yet confirmed; open: Textract is working; the rest are final. */
export type JobState = 'starting' | 'open' | 'failed' | 'done' | 'superseded';

export interface OcrJobRecord {
  /** the document's identity: derived from sha256 + key + versionId (see jobIdentity) */
  id: string;
  /** ClientRequestToken and JobTag of the current attempt */
  token: string;
  attempt: number;
  state: JobState;
  bucket: string;
  key: string;
  versionId?: string;
  sha256: string;
  /** the source's page numbers, in the order of the pages sent (page i of the job is pages[i-1]) */
  pages: number[];
  /** the object Textract reads: the source itself or a PDF of just the pages above */
  input: { key: string; versionId?: string };
  jobId?: string;
  /** what Textract said when a job failed */
  message?: string;
  updatedAt: number;
}

export interface JobLedger {
  get(id: string): Promise<OcrJobRecord | null>;
  /**
   * Writes the record only if the stored one is in the state expected (`null`: no record yet) and
   * has the attempt expected; false when another invocation got there first.
   */
  put(record: OcrJobRecord, expected: { state: JobState | null; attempt?: number }): Promise<boolean>;
  /**
   * Takes one of `cap` job slots for `token` if one is free and fewer than `perSecond` jobs were
   * started in this second; true when taken (or already held by `token`).
   */
  acquireSlot(token: string, limits: { cap: number; perSecond: number }, nowMs: number): Promise<boolean>;
  /** Frees the token's slot; freeing a slot not held is no error. */
  releaseSlot(token: string): Promise<void>;
}
