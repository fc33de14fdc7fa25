// Where results go and what they record: shared by the use case, the handlers, backfill and infra.

/** Only keys under this prefix are processed; results never go here (no trigger loop). */
export const INPUT_PREFIX = 'incoming/';
export const OUTPUT_PREFIX = 'results/';

/** User metadata written on the result JSON: what it was computed from. */
export const RESULT_METADATA = { etag: 'source-etag', sha256: 'source-sha256', versionId: 'source-version-id' } as const;

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
