// npm run accuracy: reads random page-split reports (tests/support/page-split-report.ts) and prints
// cells right / total, documents fully right and misread-but-valid documents (must be 0), for
// born-digital PDFs and for scans read by the local OCR engine. Every document is replayable from
// its seed: `npm run accuracy -- --pdfs 0 --scans 0 --pdf 123` or `--scan 123` reads one and prints
// what went wrong.
// `--second-table` prints every report's table 3 as two tables, the second under its header repeated.
// Usage: npm run accuracy -- [--pdfs 500] [--scans 100] [--seed 1] [--pdf S] [--scan S] [--second-table] [--quiet]
import { parseArgs } from 'node:util';
import { createLocalOcrEngine } from '../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG } from '../lib/config.ts';
import type { OcrEngine } from '../lib/ports/ocr-engine.ts';
import { processDocument } from '../lib/process-document.ts';
import { checkDocument, type DocumentCheck } from '../tests/support/page-split-check.ts';
import { type PageSplitDocument, type PageSplitOptions, pageSplitPdf, pageSplitScan } from '../tests/support/page-split-report.ts';

const { values } = parseArgs({
  options: {
    pdfs: { type: 'string', default: '500' },
    scans: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    pdf: { type: 'string', multiple: true, default: [] },
    scan: { type: 'string', multiple: true, default: [] },
    quiet: { type: 'boolean', default: false },
    'second-table': { type: 'boolean', default: false },
  },
});

/** Scans use their own range of seeds, so they are not the scans of the PDFs read above. */
export const SCAN_SEED_OFFSET = 1_000_000;

interface Tally {
  docs: number;
  cells: number;
  right: number;
  ok: number;
  misreadValid: number;
  headerWrong: number;
  failing: number[];
  ms: number;
}

const tally = (): Tally => ({ docs: 0, cells: 0, right: 0, ok: 0, misreadValid: 0, headerWrong: 0, failing: [], ms: 0 });

function record(t: Tally, doc: PageSplitDocument, check: DocumentCheck, kind: 'pdf' | 'scan', verbose: boolean): void {
  t.docs++;
  t.cells += check.cells;
  t.right += check.right;
  if (check.ok) t.ok++;
  else t.failing.push(doc.seed);
  if (check.misreadValid) t.misreadValid++;
  if (check.header.length > 0) t.headerWrong++;
  if (!check.ok || check.header.length > 0) {
    console.log(
      `✗ ${kind} seed ${doc.seed} (replay: npm run accuracy -- --pdfs 0 --scans 0 --${kind} ${doc.seed}): ${check.status}, ${check.wrong.length} wrong cells${check.misreadValid ? ', MISREAD BUT VALID' : ''}`,
    );
    if (verbose) {
      for (const note of doc.notes) console.log(`    ${note}`);
      for (const line of [...check.header, ...check.wrong.slice(0, 12), ...check.errors.slice(0, 4)]) console.log(`    ${line}`);
    }
  }
}

function summary(name: string, t: Tally, ms = t.ms): void {
  const pct = t.cells === 0 ? 0 : (100 * t.right) / t.cells;
  console.log(
    `${name}: ${t.docs} documents, cells right ${t.right} / ${t.cells} (${pct.toFixed(3)} %), documents fully right ${t.ok} / ${t.docs}, misread-but-valid ${t.misreadValid}, header (agency/year/format) wrong ${t.headerWrong}, ${(ms / 1000).toFixed(0)} s`,
  );
  if (t.failing.length > 0 && ms === t.ms) console.log(`  failing seeds: ${t.failing.join(' ')}`);
}

async function readPdfs(seeds: number[], verbose: boolean): Promise<Tally> {
  const t = tally();
  const started = performance.now();
  for (const seed of seeds) {
    const doc = await pageSplitPdf(seed, generator);
    const result = await processDocument({ name: `${seed}.pdf`, uri: `memory://${seed}.pdf`, bytes: doc.pdf }, { config: DEFAULT_CONFIG });
    record(t, doc, checkDocument(result, doc.report), 'pdf', verbose);
  }
  t.ms = performance.now() - started;
  return t;
}

async function readScans(seeds: number[], engine: OcrEngine, verbose: boolean): Promise<Tally> {
  const t = tally();
  const started = performance.now();
  for (const seed of seeds) {
    const doc = await pageSplitScan(seed, generator);
    const result = await processDocument(
      { name: `${seed}.scan.pdf`, uri: `memory://${seed}.scan.pdf`, bytes: doc.scan },
      { config: DEFAULT_CONFIG, ocr: engine },
    );
    record(t, doc, checkDocument(result, doc.report), 'scan', verbose);
    if (t.docs % 10 === 0) summary('  … so far, scans', t, performance.now() - started);
  }
  t.ms = performance.now() - started;
  return t;
}

const generator: PageSplitOptions = { secondTable: values['second-table'] };
const base = Number(values.seed);
const pdfSeeds = [...Array.from({ length: Number(values.pdfs) }, (_, i) => base + i), ...values.pdf.map(Number)];
const scanSeeds = [...Array.from({ length: Number(values.scans) }, (_, i) => SCAN_SEED_OFFSET + base + i), ...values.scan.map(Number)];
const verbose = !values.quiet || values.pdf.length + values.scan.length > 0;
console.log(
  `page-split accuracy: ${pdfSeeds.length} PDFs, ${scanSeeds.length} scans, first seed ${base}${generator.secondTable ? ', table 3 as two tables' : ''}`,
);
const pdfs = await readPdfs(pdfSeeds, verbose);
summary('born-digital PDFs', pdfs);
let scans: Tally | undefined;
if (scanSeeds.length > 0) {
  const engine = createLocalOcrEngine();
  scans = await readScans(scanSeeds, engine, verbose);
  summary('born-digital PDFs', pdfs);
  summary('scans (local OCR)', scans);
}
process.exit(pdfs.misreadValid + (scans?.misreadValid ?? 0) === 0 ? 0 : 1);
