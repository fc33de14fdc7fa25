import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GENERATED } from '../support/samples.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/gouji.js');

/** The published entry, run as a user runs it: plain node, no TypeScript loader. */
function gouji(args: string[]) {
  const { NODE_OPTIONS: _, ...env } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
}

describe('the compiled CLI (npm run build)', () => {
  before(() => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('runs without tsx: --help, and a batch in worker threads', () => {
    const help = gouji(['--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--jobs/);
    const work = mkdtempSync(join(tmpdir(), 'gouji-bin-'));
    cpSync(join(GENERATED, 'pdf', 'h005.pdf'), join(work, 'h005.pdf'));
    cpSync(join(GENERATED, 'src', 'h002.html'), join(work, 'h002.html'));
    const out = join(work, 'out');
    const run = gouji(['process', work, '--out', out, '--ocr', 'none', '--jobs', '2']);
    assert.equal(run.status, 0, run.stderr);
    const truth = (id: string) => JSON.parse(readFileSync(join(GENERATED, 'truth', `${id}.json`), 'utf8'));
    for (const [id, name] of [
      ['h005', 'h005.pdf'],
      ['h002', 'h002.html'],
    ] as const) {
      const result = JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'));
      assert.equal(result.report.agency, truth(id).report.agency, id);
      assert.equal(result.status, truth(id).failingRules.length === 0 ? 'valid' : 'invalid', id);
    }
  });
});
