import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The generated development set, copied into the repository (data, with its truth files). */
export const GENERATED = fileURLToPath(new URL('../../samples/generated/', import.meta.url));
/** The two seed reports, in the repository. */
export const SEEDS = fileURLToPath(new URL('../../samples/seeds/', import.meta.url));
/**
 * Published reports from other public repositories: read where they are, beside the project
 * (CI has ../shared), never copied in. A clone without them skips those tests and says why.
 */
export const REAL = fileURLToPath(new URL('../../../shared/samples/real/', import.meta.url));
export const REAL_AVAILABLE = existsSync(REAL);
/** For node:test's `skip` option: false when the real reports are here, else the reason printed. */
export const skipWithoutReal: false | string = REAL_AVAILABLE
  ? false
  : `../shared/samples/real is not beside this clone: the published reports from other repositories are never committed`;

/** A folder the tests need must exist and hold files: a missing one fails, it never yields no tests. */
export function requireFolder(path: string): string[] {
  if (!existsSync(path)) throw new Error(`test data folder missing: ${path}`);
  const names = readdirSync(path).sort();
  if (names.length === 0) throw new Error(`test data folder is empty: ${path}`);
  return names;
}

/** Bytes of a file of the generated set, e.g. `generatedBytes('pdf/h002.pdf')`. */
export function generatedBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(GENERATED, relative)));
}

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

/** Every file of one folder of the generated set, with its truth; throws when the folder is missing. */
export function generatedFiles(folder: string): { path: string; name: string; truth: Truth }[] {
  const dir = join(GENERATED, folder);
  return requireFolder(dir).map((name) => ({ path: join(dir, name), name, truth: truthOf(name.slice(0, 4)) }));
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
