// The Lambda zips as the stack builds them (infra/function-asset.ts): size unzipped (Lambda's limit
// is 250 MB) and zipped, and the cold import of the handler in a fresh node process. The local-OCR
// zip is built for arm64 (what deploys: its size) and for this machine's x64 (what can run here:
// its cold import).
// Run: npx tsx bench/aws-bundle.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctionAsset, type LambdaArchitecture } from '../infra/function-asset.ts';

const RUNS = 5;
const out = mkdtempSync(join(tmpdir(), 'gouji-bundle-'));

/** ms to import the module in a new process (median of RUNS), excluding node's own start. */
function median(script: string, cwd: string, runs = RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd,
      env: { PATH: process.env['PATH'] ?? '' },
    });
    if (child.status !== 0) throw new Error(child.stderr);
    times.push(Number(child.stdout.trim().split('\n').at(-1)));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const builds: { label: string; name: string; architecture: LambdaArchitecture; localOcr: boolean; time: boolean }[] = [
  { label: 'process-document, local OCR', name: 'process-document', architecture: 'arm64', localOcr: true, time: false },
  { label: 'process-document, local OCR', name: 'process-document', architecture: 'x64', localOcr: true, time: true },
  { label: 'process-document, -c ocr=textract', name: 'process-document', architecture: 'arm64', localOcr: false, time: true },
  { label: 'textract-complete', name: 'textract-complete', architecture: 'arm64', localOcr: false, time: true },
];
console.log(`function                             arch    unzipped   zipped     cold import (median of ${RUNS})`);
for (const build of builds) {
  const dir = join(out, `${build.name}-${build.architecture}-${build.localOcr}`);
  buildFunctionAsset({ name: build.name, outDir: dir, architecture: build.architecture, localOcr: build.localOcr });
  const unzipped = Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
  execFileSync('zip', ['-qr', '-9', `${dir}.zip`, '.'], { cwd: dir });
  // the bundle is arch-independent JavaScript; its natives load only when the engine starts
  const ms = build.time
    ? `${median("const t = performance.now(); await import('./index.mjs'); console.log(performance.now() - t);", dir).toFixed(0)} ms`
    : '(arm64: see x64)';
  console.log(
    `${build.label.padEnd(37)}${build.architecture.padEnd(8)}${mb(unzipped).padEnd(11)}${mb(statSync(`${dir}.zip`).size).padEnd(11)}${ms}`,
  );
}
rmSync(out, { recursive: true, force: true });
