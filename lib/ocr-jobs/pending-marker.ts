/**
 * What `<result>.pending` says while a document waits on Textract: found with
 * `aws s3 ls --recursive s3://<bucket>/results/ | grep '\.pending$'`, removed when the result is written.
 */
export interface PendingMarker {
  source: string;
  sha256: string;
  versionId?: string;
  state: 'waiting for a Textract slot' | 'Textract is reading the pages';
  /** source pages sent to Textract */
  pages: number[];
  jobId?: string;
  /** when this state began (ISO 8601) */
  since: string;
  /** why it waits, in the words of the system that made it wait */
  detail: string;
}
