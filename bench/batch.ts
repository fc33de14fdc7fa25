// npm run bench (batch part): whole `gouji process` runs of the compiled CLI, startup included,
// as a user runs them — 60 born-digital PDFs against a `pdftotext -layout` loop over the same
// files, 300 mixed documents with one worker and with every core (documents/s, peak RSS), and
// the CLI's startup (`gouji --help`). The inputs are copies of samples/generated made here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GENERATED = join(ROOT, 'samples/generated');
const BIN = join(ROOT, 'bin/gouji.js');
const RSS_PRELOAD = join(ROOT, 'bench/rss-at-exit.mjs');
const BORN_DIGITAL = 60;
const MIXED = 300;
const STARTUP_RUNS = 10;
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'gouji-bench-'));

/** `count` copies cycling through `sources`, each under its own name (results never collide). */
function copies(dir: string, sources: string[], count: number): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const name = source.slice(source.lastIndexOf('/') + 1);
    copyFileSync(source, join(dir, `${String(i).padStart(3, '0')}-${name}`));
  }
  return dir;
}

const files = (dir: string, ext: RegExp) =>
  readdirSync(join(GENERATED, dir))
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(GENERATED, dir, f));

/** Wall seconds and peak RSS (MB) of one `gouji process` run, startup included. */
function gouji(input: string, jobs: number): { seconds: number; rssMb: number; documents: number } {
  const out = mkdtempSync(join(work, 'out-'));
  const { NODE_OPTIONS: _, ...env } = process.env;
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', RSS_PRELOAD, BIN, 'process', input, '--out', out, '--ocr', 'none', '--quiet', '--jobs', String(jobs)],
    { encoding: 'utf8', env },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`gouji process failed: ${run.stderr}`);
  const rss = Number(/bench:maxRSS=(\d+)/.exec(run.stderr)?.[1]);
  const documents = readdirSync(out).filter((f) => f.endsWith('.json')).length;
  rmSync(out, { recursive: true, force: true });
  return { seconds, rssMb: rss / 1024, documents };
}

/** Wall seconds of `pdftotext -layout` over each file in turn, or null without poppler-utils. */
function pdftotextLoop(dir: string): number | null {
  const started = performance.now();
  for (const file of readdirSync(dir).sort()) {
    const run = spawnSync('pdftotext', ['-layout', join(dir, file), '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (run.error || run.status !== 0) return null;
  }
  return (performance.now() - started) / 1000;
}

/** Median wall ms of starting node with `args` (the compiled CLI, or node alone for comparison). */
function startupMs(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const load = () => `load ${loadavg()[0]!.toFixed(2)}`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

const startup = startupMs([BIN, '--help']);
// node's own start is most of it and varies with the machine from day to day: said beside it
const bareNode = startupMs(['-e', '0']);
console.log(
  `CLI startup: gouji --help ${startup.toFixed(0)} ms (median of ${STARTUP_RUNS}, target ≤ 150 ms: ${verdict(startup <= 150)}; ` +
    `node alone ${bareNode.toFixed(0)} ms; ${load()})`,
);

const pdfs = copies(join(work, 'pdf60'), files('pdf', /\.pdf$/), BORN_DIGITAL);
const poppler = pdftotextLoop(pdfs);
const pdfBatch = gouji(pdfs, cores);
const ratio = poppler === null ? null : pdfBatch.seconds / poppler;
console.log(
  `${BORN_DIGITAL} born-digital PDFs: gouji process ${pdfBatch.seconds.toFixed(2)} s (${cores} workers, startup included), ` +
    `pdftotext -layout loop ${poppler === null ? 'n/a (install poppler-utils)' : `${poppler.toFixed(2)} s`}, ` +
    `ratio ${ratio === null ? 'n/a' : `${ratio.toFixed(2)}× (target ≤ 3×: ${verdict(ratio <= 3)})`}; ${load()}`,
);

const mixedSources = [...files('src', /\.(txt|html)$/), ...files('docx', /\.docx$/), ...files('pdf', /\.pdf$/)];
const mixed = copies(join(work, 'mixed300'), mixedSources, MIXED);
for (const jobs of [...new Set([1, cores])]) {
  const run = gouji(mixed, jobs);
  if (run.documents !== MIXED) throw new Error(`expected ${MIXED} results, got ${run.documents}`);
  const target =
    jobs === cores ? ` (target ≤ 10 s: ${verdict(run.seconds <= 10)}; peak RSS target ≤ 1536 MB: ${verdict(run.rssMb <= 1536)})` : '';
  console.log(
    `${MIXED} mixed documents (txt, html, docx, pdf), --jobs ${jobs}: ${run.seconds.toFixed(2)} s, ` +
      `${(MIXED / run.seconds).toFixed(1)} documents/s, peak RSS ${run.rssMb.toFixed(0)} MB${target}; ${load()}`,
  );
}
rmSync(work, { recursive: true, force: true });
