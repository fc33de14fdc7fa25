import { OUTPUT_PREFIX } from '../result-keys.ts';

/**
 * Where reviewers put the files the report page exports, beside results/: the corrections of
 * `results/a/b.pdf` are `corrections/a/b.pdf.corrections.json` (the page names its export so).
 */
export const CORRECTIONS_PREFIX = 'corrections/';
export const CORRECTIONS_SUFFIX = '.corrections.json';

/** `results/a/b.pdf` → `corrections/a/b.pdf.corrections.json` */
export function correctionsKeyOf(outputKey: string): string {
  return `${CORRECTIONS_PREFIX}${outputKey.slice(OUTPUT_PREFIX.length)}${CORRECTIONS_SUFFIX}`;
}

/** `corrections/a/b.pdf.corrections.json` → `results/a/b.pdf`; null for any other key. */
export function outputKeyOfCorrections(key: string): string | null {
  if (!key.startsWith(CORRECTIONS_PREFIX) || !key.endsWith(CORRECTIONS_SUFFIX)) return null;
  const name = key.slice(CORRECTIONS_PREFIX.length, -CORRECTIONS_SUFFIX.length);
  return name === '' ? null : `${OUTPUT_PREFIX}${name}`;
}
