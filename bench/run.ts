// npm run bench: every benchmark, each in a fresh process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const parts = ['bench/core.ts', 'bench/ocr-pages.ts', 'bench/ocr-alarms.ts', 'bench/aws-bundle.ts'].filter((p) => existsSync(p));
let failed = 0;
for (const part of parts) {
  console.log(`\n=== ${part} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', part], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
