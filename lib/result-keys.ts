// Where results go and what they record: shared by the use case, the handlers, backfill and infra.
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
} as const;

/** What a result records of its source and maker, in the metadata's keys. */
export function recordedSourceOf(result: Pick<Result, 'goujiVersion' | 'source'>): Record<string, string> {
  const recorded: Record<string, string> = {
    [RESULT_METADATA.sha256]: result.source.sha256,
    [RESULT_METADATA.producer]: result.goujiVersion,
  };
  if (result.source.etag !== undefined) recorded[RESULT_METADATA.etag] = result.source.etag;
  if (result.source.versionId !== undefined) recorded[RESULT_METADATA.versionId] = result.source.versionId;
  return recorded;
}

/** A stored result is current when it was made by this version from the same source object. */
export function isCurrentResult(recorded: Record<string, string>, source: { etag?: string | undefined; sha256?: string }): boolean {
  if (recorded[RESULT_METADATA.producer] !== GOUJI_VERSION) return false;
  if (source.etag !== undefined && recorded[RESULT_METADATA.etag] === source.etag) return true;
  return source.sha256 !== undefined && recorded[RESULT_METADATA.sha256] === source.sha256;
}

/** `incoming/2023/a.pdf` → `results/2023/a` (outputs add `.json`, `.report.html`); null outside `incoming/`. */
export function outputKeyFor(sourceKey: string): string | null {
  if (!sourceKey.startsWith(INPUT_PREFIX) || sourceKey.endsWith('/')) return null;
  const rest = sourceKey.slice(INPUT_PREFIX.length);
  const slash = rest.lastIndexOf('/');
  const dot = rest.lastIndexOf('.');
  const stem = dot > slash + 1 ? rest.slice(0, dot) : rest;
  return `${OUTPUT_PREFIX}${stem}`;
}

export const jsonKeyOf = (outputKey: string): string => `${outputKey}.json`;
export const htmlKeyOf = (outputKey: string): string => `${outputKey}.report.html`;
