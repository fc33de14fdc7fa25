/**
 * A batch as an archive holds it, processed by the CLI into a temporary --out: the generated
 * samples (text, HTML, DOCX, born-digital PDF), the seeds, a five-year series of one agency with
 * one continuity break, a two-year series of another whose later report prints rows merged, and
 * the real suqian 2023/2024 when ../shared is there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../../lib/model/result.ts';
import { hongzeSeries, suyuSeries } from './agency-series.ts';
import { GENERATED, REAL, REAL_AVAILABLE, SEEDS } from './samples.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ArchiveBatch {
  input: string;
  out: string;
  /** every result written, by its key below out (without .json) */
  results: Map<string, Result>;
}

/** Runs `gouji process` (no OCR) over the batch; throws with its stderr when it fails. */
export function buildArchiveBatch(): ArchiveBatch {
  const work = mkdtempSync(join(tmpdir(), 'gouji-archive-'));
  const input = join(work, 'in');
  for (const folder of ['src', 'docx', 'pdf']) cpSync(join(GENERATED, folder), join(input, 'generated', folder), { recursive: true });
  cpSync(SEEDS, join(input, 'seeds'), { recursive: true });
  mkdirSync(join(input, 'series'));
  for (const year of [...hongzeSeries(), ...suyuSeries()]) writeFileSync(join(input, 'series', year.name), year.text);
  if (REAL_AVAILABLE) {
    mkdirSync(join(input, 'real'));
    for (const name of ['suqian-2023.txt', 'suqian-2024.txt']) cpSync(join(REAL, name), join(input, 'real', name));
  }
  const out = join(work, 'out');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), 'process', input, '--out', out, '--ocr', 'none', '--quiet'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (run.status !== 0) throw new Error(`gouji process failed (${run.status}): ${run.stderr}`);
  return { input, out, results: resultsUnder(out) };
}

/** Every result JSON below `out` (the archive's own files left out). */
export function resultsUnder(out: string, prefix = ''): Map<string, Result> {
  const found = new Map<string, Result>();
  for (const entry of readdirSync(join(out, prefix), { withFileTypes: true })) {
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (key !== 'dataset') for (const [k, v] of resultsUnder(out, key)) found.set(k, v);
    } else if (entry.name.endsWith('.json') && !entry.name.endsWith('.corrections.json')) {
      found.set(key.slice(0, -'.json'.length), JSON.parse(readFileSync(join(out, key), 'utf8')) as Result);
    }
  }
  return found;
}
