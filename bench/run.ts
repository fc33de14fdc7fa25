// npm run bench: every benchmark, each in a fresh process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

// Timings mean something only on a quiet machine: say what it was doing.
console.log(
  `${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (figures are comparable below 1)`,
);
const parts = ['bench/core.ts', 'bench/batch.ts', 'bench/ocr-pages.ts', 'bench/ocr-alarms.ts', 'bench/aws-bundle.ts'].filter((p) =>
  existsSync(p),
);
let failed = 0;
for (const part of parts) {
  console.log(`\n=== ${part} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', part], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
