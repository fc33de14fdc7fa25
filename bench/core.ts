// npm run bench (core part): ms per document for each input kind on the samples, gouji's time on
// each PDF against `pdftotext -layout` on the same file, and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../lib/config.ts';
import { processDocument } from '../lib/process-document.ts';

const SAMPLES = new URL('../samples/', import.meta.url).pathname;
// a published report beside the project when ../shared is there (never committed)
const HUAIAN = new URL('../../shared/samples/real/huaian-2024.pdf', import.meta.url).pathname;
const REAL_PDFS = existsSync(HUAIAN) ? [HUAIAN] : [];
const RUNS = 5;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(SAMPLES, dir))
    .filter((f) => ext.test(f))
    .map((f) => join(SAMPLES, dir, f));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeGouji(path: string): Promise<number> {
  const bytes = new Uint8Array(readFileSync(path));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await processDocument({ name: path, uri: path, bytes }, { config: DEFAULT_CONFIG });
    times.push(performance.now() - t);
  }
  return median(times);
}

function timePdftotext(path: string): number | null {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const run = spawnSync('pdftotext', ['-layout', path, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (run.error || run.status !== 0) return null;
    times.push(performance.now() - t);
  }
  return median(times);
}

const kinds: [string, string[]][] = [
  ['text (.txt)', files('generated/src', /\.txt$/)],
  ['html', files('generated/src', /\.html$/)],
  ['docx', files('generated/docx', /\.docx$/)],
  ['doc (Word 97–2003)', files('generated/doc', /\.doc$/)],
  ['pdf (text layer)', [...files('generated/pdf', /\.pdf$/), ...REAL_PDFS]],
];

// warm up the readers once (module loading, the PDF engine's wasm) so the figures are per document
await timeGouji(join(SAMPLES, 'generated/pdf/h005.pdf'));

console.log(`core: median of ${RUNS} runs per document, warm process`);
console.log('kind                 docs   ms/doc (mean of medians)   slowest');
const pdfRows: string[] = [];
for (const [kind, paths] of kinds) {
  const times: number[] = [];
  for (const path of paths) {
    const ms = await timeGouji(path);
    times.push(ms);
    if (path.endsWith('.pdf')) {
      const poppler = timePdftotext(path);
      const name = path.split('/').pop()!;
      pdfRows.push(
        `${name.padEnd(18)} gouji ${ms.toFixed(1).padStart(7)} ms   pdftotext -layout ${poppler === null ? '   n/a' : poppler.toFixed(1).padStart(6)} ms   ratio ${poppler === null ? 'n/a (install poppler-utils)' : (ms / poppler).toFixed(2)}×`,
      );
    }
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${kind.padEnd(20)} ${String(paths.length).padStart(4)}   ${mean.toFixed(1).padStart(10)}                 ${Math.max(...times).toFixed(1)} ms`,
  );
}
console.log('\nPDF: gouji (read + locate + validate) vs pdftotext -layout (text only), same file');
for (const row of pdfRows) console.log(row);
console.log(`\npeak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
