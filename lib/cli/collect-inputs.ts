import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../read/detect-kind.ts';

/** One input file: the folder it is read from (a store root) and its key below it. */
export interface InputFile {
  root: string;
  key: string;
  /** how it is shown to the user */
  display: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Expands the paths given on the command line: a file as itself, a folder as every supported file
 * below it (hidden files and the output folder skipped), keys relative to that folder.
 */
export async function collectInputs(paths: string[], outDir: string): Promise<InputFile[]> {
  const out = resolve(outDir);
  const files: InputFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => null);
    if (!info) throw new UsageError(`找不到输入：${given}`);
    if (info.isFile()) {
      files.push({ root: dirname(path), key: basename(path), display: given });
      continue;
    }
    if (!info.isDirectory()) throw new UsageError(`不是文件或文件夹：${given}`);
    for (const file of await walk(path, out)) {
      const key = relative(path, file).split(sep).join('/');
      files.push({ root: path, key, display: join(given, key) });
    }
  }
  return files;
}

async function walk(dir: string, skip: string): Promise<string[]> {
  if (dir === skip) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path, skip)));
    else if (entry.isFile() && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

/**
 * The output name of each input below --out: its key (the path below the folder given, the whole
 * file name kept: a.pdf → a.pdf.json), so results mirror the input folders. Two inputs from
 * different folders given in one run can share a key (a/x.pdf and b/x.pdf both give x.pdf): the
 * later one is named by its path below the folders' common parent instead (b/x.pdf), then
 * numbered, so no result ever overwrites another. `renamed` lists those, for the user to be told.
 */
export function outputNames(inputs: InputFile[]): { names: string[]; renamed: { display: string; name: string; clashesWith: string }[] } {
  const parent = commonParent(inputs.map((input) => input.root));
  const taken = new Map<string, string>();
  const renamed: { display: string; name: string; clashesWith: string }[] = [];
  const names = inputs.map((input) => {
    const first = taken.get(input.key.toLowerCase());
    if (first === undefined) {
      taken.set(input.key.toLowerCase(), input.display);
      return input.key;
    }
    const below = relative(parent, join(input.root, input.key)).split(sep).join('/');
    let name = below;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${below}~${n}`;
    taken.set(name.toLowerCase(), input.display);
    renamed.push({ display: input.display, name, clashesWith: first });
    return name;
  });
  return { names, renamed };
}

function commonParent(roots: string[]): string {
  if (roots.length === 0) return '';
  let parts = roots[0]!.split(sep);
  for (const root of roots.slice(1)) {
    const other = root.split(sep);
    let k = 0;
    while (k < parts.length && k < other.length && parts[k] === other[k]) k++;
    parts = parts.slice(0, k);
  }
  return parts.join(sep) || sep;
}
