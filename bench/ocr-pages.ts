// Seconds per OCR'd page, peak RSS and how many numbers of tables 3 and 4 the local engine reads,
// on the generated scans (embedded JPEGs) and PNGs.
// Usage: npx tsx bench/ocr-pages.ts [--concurrency N] [--threads N] [--side N] [--limit N] [--words]
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalOcrEngine } from '../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import type { PositionedPage } from '../lib/model/layout.ts';
import type { OcrImage } from '../lib/ports/ocr-engine.ts';
import { GENERATED, scanPages, truthTableNumbers } from '../tests/ocr/scan-images.ts';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '1' },
    threads: { type: 'string', default: '1' },
    side: { type: 'string' },
    limit: { type: 'string' },
    words: { type: 'boolean', default: false },
  },
});
const samples = GENERATED;
/** Issue 10's figure: a page read in at most this many seconds on one core. */
const TARGET_SECONDS_PER_PAGE = 1.5;

interface Doc {
  name: string;
  id: string;
  images: OcrImage[];
}

const docs: Doc[] = [
  ...readdirSync(join(samples, 'scan'))
    .filter((f) => f.endsWith('.scan.pdf'))
    .sort()
    .map((f) => ({
      name: `scan/${f}`,
      id: f.slice(0, 4),
      images: scanPages(f.slice(0, 4)).map((bytes): OcrImage => ({ kind: 'encoded', bytes })),
    })),
  ...readdirSync(join(samples, 'png'))
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => ({
      name: `png/${f}`,
      id: f.slice(0, 4),
      images: [{ kind: 'encoded', bytes: readFileSync(join(samples, 'png', f)) } as OcrImage],
    })),
].slice(0, values.limit ? Number(values.limit) : undefined);

/** Numeric words from the heading of table 3 (三、收到…) to the end of table 4 (五、…). */
function tableNumbers(pages: PositionedPage[]): number[] {
  const out: number[] = [];
  let inside = false;
  for (const page of pages) {
    for (const line of textLines(page)) {
      const text = line.map((w) => w.text).join('');
      if (/^三、收到/.test(text)) inside = true;
      else if (/^[五六]、/.test(text)) inside = false;
      else if (inside) for (const word of line) if (/^\d+(\.\d+)?$/.test(word.text)) out.push(Number(word.text));
    }
  }
  return out;
}

/** Words grouped into lines, top to bottom (OCR may part a heading into several words). */
function textLines(page: PositionedPage): PositionedPage['words'][] {
  const words = [...page.words].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const lines: PositionedPage['words'][] = [];
  for (const word of words) {
    const mid = (word.bbox[1] + word.bbox[3]) / 2;
    const line = lines.find((l) => l[0] !== undefined && mid > l[0].bbox[1] && mid < l[0].bbox[3]);
    if (line) line.push(word);
    else lines.push([word]);
  }
  for (const line of lines) line.sort((a, b) => a.bbox[0] - b.bbox[0]);
  return lines;
}

function matchCount(truth: number[], found: number[]): { zero: [number, number]; nonzero: [number, number]; extra: number } {
  const pool = new Map<number, number>();
  for (const n of found) pool.set(n, (pool.get(n) ?? 0) + 1);
  const zero: [number, number] = [0, 0];
  const nonzero: [number, number] = [0, 0];
  for (const n of truth) {
    const bucket = n === 0 ? zero : nonzero;
    bucket[1]++;
    const left = pool.get(n) ?? 0;
    if (left > 0) {
      bucket[0]++;
      pool.set(n, left - 1);
    }
  }
  const extra = [...pool.values()].reduce((s, n) => s + n, 0);
  return { zero, nonzero, extra };
}

const engine = createLocalOcrEngine({
  threads: Number(values.threads),
  ...(values.side ? { detectionMaxSide: Number(values.side) } : {}),
});
const concurrency = Number(values.concurrency);
// load the models outside the timing
await engine.recognize({ kind: 'raw', data: new Uint8Array(64 * 64).fill(255), width: 64, height: 64, channels: 1 });

let pagesDone = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
const totals = { zero: [0, 0], nonzero: [0, 0], extra: 0 };
for (const doc of docs) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const pages = await engine.recognizeMany(doc.images, { concurrency });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  pagesDone += pages.length;
  const m = matchCount(truthTableNumbers(doc.id), tableNumbers(pages));
  totals.zero[0]! += m.zero[0];
  totals.zero[1]! += m.zero[1];
  totals.nonzero[0]! += m.nonzero[0];
  totals.nonzero[1]! += m.nonzero[1];
  totals.extra += m.extra;
  console.log(
    `${doc.name.padEnd(20)} ${pages.length} p ${(seconds / pages.length).toFixed(2)} s/page (cpu ${(cpuSeconds / pages.length).toFixed(2)})  ` +
      `table 3+4 numbers: nonzero ${m.nonzero[0]}/${m.nonzero[1]}, zero ${m.zero[0]}/${m.zero[1]}, extra ${m.extra}  ` +
      `words ${pages.map((p) => p.words.length).join('+')} rulings ${pages.map((p) => p.rulings?.length ?? 0).join('+')}`,
  );
  if (values.words) for (const p of pages) console.log(p.words.map((w) => `${w.text}@${w.bbox.join(',')}:${w.confidence}`).join('\n'));
}
const wall = (performance.now() - started) / 1000;
const cpuAll = process.cpuUsage(cpuStart);
const perPage = wall / pagesDone;
// the target holds for one page at a time on one thread: the default run
const onOneCore = concurrency === 1 && values.threads === '1';
console.log(
  `\n${pagesDone} pages, ${perPage.toFixed(2)} s/page wall, ${((cpuAll.user + cpuAll.system) / 1e6 / pagesDone).toFixed(2)} cpu-s/page ` +
    `(concurrency ${concurrency}, threads ${values.threads}), ` +
    `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB` +
    (onOneCore
      ? ` (target ≤ ${TARGET_SECONDS_PER_PAGE} s/page on one core: ${perPage <= TARGET_SECONDS_PER_PAGE ? 'PASS' : 'FAIL'}; load ${loadavg()[0]!.toFixed(2)})`
      : ''),
);
console.log(
  `table 3+4 numbers found: nonzero ${totals.nonzero[0]}/${totals.nonzero[1]}, zero ${totals.zero[0]}/${totals.zero[1]} ` +
    `(blankZeros documents print some zeros blank), extra numeric words ${totals.extra}`,
);
