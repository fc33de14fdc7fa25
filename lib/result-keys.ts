// Where results go and what they record: shared by the use case, the handlers, backfill, the CLI
// and infra. One naming rule everywhere: a result keeps its source's whole file name, so
// `a/x.pdf` and `a/x.txt` (or `x.doc` and `x.docx`) never write the same result, whatever else is
// in the batch.
import type { Result } from './model/result.ts';
import { GOUJI_VERSION } from './version.ts';

/** Only keys under this prefix are processed; results never go here (no trigger loop). */
export const INPUT_PREFIX = 'incoming/';
export const OUTPUT_PREFIX = 'results/';

/** User metadata written on the result JSON: what it was computed from. */
export const RESULT_METADATA = {
  etag: 'source-etag',
  sha256: 'source-sha256',
  versionId: 'source-version-id',
  producer: 'gouji-version',
  /** 'true' when the result says the machinery failed in a way a later attempt may not (a FAILED Textract job) */
  retry: 'retry-later',
} as const;

/**
 * Findings that describe a failure of the machinery, not of the document: a result holding one is
 * written (the reader sees why) but never counts as current, so a redrive or a re-upload retries it.
 */
export const RETRY_LATER_RULES: readonly string[] = ['document.ocrJobFailed'];

/** What a result records of its source and maker, in the metadata's keys. */
export function recordedSourceOf(result: Pick<Result, 'goujiVersion' | 'source' | 'findings'>): Record<string, string> {
  const recorded: Record<string, string> = {
    [RESULT_METADATA.sha256]: result.source.sha256,
    [RESULT_METADATA.producer]: result.goujiVersion,
  };
  if (result.source.etag !== undefined) recorded[RESULT_METADATA.etag] = result.source.etag;
  if (result.source.versionId !== undefined) recorded[RESULT_METADATA.versionId] = result.source.versionId;
  if (result.findings.some((f) => RETRY_LATER_RULES.includes(f.rule))) recorded[RESULT_METADATA.retry] = 'true';
  return recorded;
}

/** A stored result is current when it was made by this version from the same source object and asks for no retry. */
export function isCurrentResult(recorded: Record<string, string>, source: { etag?: string | undefined; sha256?: string }): boolean {
  if (recorded[RESULT_METADATA.producer] !== GOUJI_VERSION || recorded[RESULT_METADATA.retry] === 'true') return false;
  if (source.etag !== undefined && recorded[RESULT_METADATA.etag] === source.etag) return true;
  return source.sha256 !== undefined && recorded[RESULT_METADATA.sha256] === source.sha256;
}

/** `incoming/2023/a.pdf` → `results/2023/a.pdf` (outputs add `.json`, `.report.html`); null outside `incoming/`. */
export function outputKeyFor(sourceKey: string): string | null {
  if (!sourceKey.startsWith(INPUT_PREFIX) || sourceKey.endsWith('/')) return null;
  return `${OUTPUT_PREFIX}${sourceKey.slice(INPUT_PREFIX.length)}`;
}

// A source S gets S.json, S.report.html and, while it waits on Textract, S.pending. The three
// endings differ, so no output of one source can carry the name of another source's output.
export const jsonKeyOf = (outputKey: string): string => `${outputKey}.json`;
export const htmlKeyOf = (outputKey: string): string => `${outputKey}.report.html`;
export const pendingKeyOf = (outputKey: string): string => `${outputKey}.pending`;

/** Where the PDF of just the pages to OCR is put for Textract (no trigger, never a result). */
export const OCR_INPUT_PREFIX = 'textract-input/';
