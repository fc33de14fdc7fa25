import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CorrectionsFile, CorrectionsFileSchema } from '../model/corrections.ts';

/** A corrections file that could not be used, and why (the CLI says so; the batch goes on). */
export interface RejectedCorrections {
  file: string;
  reason: string;
}

/** Every `*.corrections.json` below `dir`, parsed; the ones that are not valid are rejected with the reason. */
export async function loadCorrections(dir: string): Promise<{ files: CorrectionsFile[]; rejected: RejectedCorrections[] }> {
  const files: CorrectionsFile[] = [];
  const rejected: RejectedCorrections[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.corrections.json')) continue;
    const path = join(entry.parentPath, entry.name);
    try {
      const parsed = CorrectionsFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (parsed.success) files.push(parsed.data);
      else rejected.push({ file: path, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    } catch (error) {
      rejected.push({ file: path, reason: (error as Error).message });
    }
  }
  return { files, rejected };
}
