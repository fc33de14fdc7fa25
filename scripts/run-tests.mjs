// Runs every tests/**/*.test.ts with node:test through tsx (Node 20's --test has no globs), or the
// files named. `--core` (npm run test:core): only the pure core — model, tables, rules, render and
// the text, HTML and Word readers — in seconds: no OCR, no PDF, no S3, no Lambda, no CDK.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const CORE = [
  'tests/architecture.test.ts',
  'tests/model/',
  'tests/tables/',
  'tests/rules/',
  'tests/render/',
  'tests/read/text-',
  'tests/read/html-',
  'tests/read/doc-',
  'tests/read/docx-',
  'tests/read/geometry-',
];
const NOT_CORE = ['tests/rules/document-pdf-image.test.ts'];
const isCore = (file) => CORE.some((prefix) => file.startsWith(prefix)) && !NOT_CORE.includes(file);

const args = process.argv.slice(2);
const core = args.includes('--core');
const only = args.filter((arg) => arg !== '--core');
const all = find('tests').map((file) => file.split('\\').join('/'));
const files = (only.length > 0 ? only : core ? all.filter(isCore) : all).sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
});
// Say once, at the end, why tests were skipped: the suite's own skip reasons are printed per test.
if (!existsSync(new URL('../../shared/samples/real/', import.meta.url))) {
  console.log(
    'ℹ note: ../shared/samples/real is not beside this clone, so the tests of published reports were skipped (see "# SKIP" above); everything else ran.',
  );
}
process.exit(result.status ?? 1);
