import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** ../shared/samples beside the project (CI has it); tests never copy the real files in. */
export const SHARED_SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
export const GENERATED = join(SHARED_SAMPLES, 'generated');
export const REAL = join(SHARED_SAMPLES, 'real');

export interface Truth {
  id: string;
  report: { agency: string; year: number; formatVersion: '2019' | '2021' };
  tables: Record<string, unknown>;
  failingRules: string[];
  warningRules: string[];
  quirks: string[];
  layout: string;
  narrative?: { applicationsReceived?: number };
}

export function truthOf(id: string): Truth {
  return JSON.parse(readFileSync(join(GENERATED, 'truth', `${id}.json`), 'utf8')) as Truth;
}

/** Every file of one folder of the generated set, with its truth. */
export function generatedFiles(folder: string): { path: string; name: string; truth: Truth }[] {
  const dir = join(GENERATED, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: join(dir, name), name, truth: truthOf(name.slice(0, 4)) }));
}

/** Flattens nested tables into dotted paths → numbers. */
export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
  return out;
}

/** Cells whose value differs from the truth (missing ones included), as "path: got ≠ want". */
export function cellDifferences(got: unknown, want: unknown): string[] {
  const g = flatten(got);
  const w = flatten(want);
  return Object.keys(w)
    .filter((k) => g[k] !== w[k])
    .map((k) => `${k}: ${String(g[k])} ≠ ${String(w[k])}`);
}
