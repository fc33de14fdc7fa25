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
