/**
 * Fuzzes the text readers and prints the figures: `npx tsx scripts/fuzz-text.ts [count] [seed]`.
 * Random consistent reports in every text style (Markdown whole tables and one table per row,
 * run-together web text, one cell per line, tabs) with random quirks; every cell scored right,
 * null with a finding, or wrong; then the same with one injected inconsistency each.
 */
import fc from 'fast-check';
import { type CellPath, valueAt } from '../lib/model/cell-path.ts';
import { fuzzDocArb, readFuzzDoc, scoreResult } from '../tests/support/text-fuzz.ts';

const count = Number(process.argv[2] ?? 500);
const seed = Number(process.argv[3] ?? 20250101);

async function run(inject: boolean) {
  const docs = fc.sample(fuzzDocArb({ inject }), { seed, numRuns: count });
  const totals = {
    docs: 0,
    right: 0,
    nullFlagged: 0,
    nullSilent: 0,
    wrong: 0,
    wrongNamedByError: 0,
    misreadValid: 0,
    errorOnConsistent: 0,
    injectedUnreported: 0,
    injectedLeftUnread: 0,
  };
  const byStyle = new Map<string, { docs: number; right: number; nulls: number; wrong: number }>();
  const examples: string[] = [];
  for (const doc of docs) {
    const result = await readFuzzDoc(doc);
    const score = scoreResult(doc, result);
    totals.docs++;
    totals.right += score.right;
    totals.nullFlagged += score.nullFlagged;
    totals.nullSilent += score.nullSilent.length;
    totals.wrong += score.wrong.length;
    totals.wrongNamedByError += score.wrongFlagged.length;
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (score.wrong.length > 0 && result.status === 'valid') totals.misreadValid++;
    if (!inject && errors.length > 0) totals.errorOnConsistent++;
    // an injected cell left null (blank zeros dropped from run-together text, several splits add up) cannot be checked
    const injectedUnread = doc.injected?.some((path) => valueAt(result.tables, path as CellPath) == null) ?? false;
    if (inject && result.status === 'valid') {
      if (injectedUnread) totals.injectedLeftUnread++;
      else totals.injectedUnreported++;
    }
    const s = byStyle.get(doc.style) ?? { docs: 0, right: 0, nulls: 0, wrong: 0 };
    s.docs++;
    s.right += score.right;
    s.nulls += score.nullFlagged + score.nullSilent.length;
    s.wrong += score.wrong.length;
    byStyle.set(doc.style, s);
    const bad =
      score.wrong.length > 0 ||
      score.nullSilent.length > 0 ||
      (!inject && errors.length > 0) ||
      (inject && result.status === 'valid' && !injectedUnread);
    if (bad && examples.length < 5) {
      examples.push(
        `${doc.style} ${doc.report.format} ${JSON.stringify(doc.report.quirks)} ${JSON.stringify(doc.textQuirks)}\n  wrong ${score.wrong.slice(0, 4).join('; ')}\n  silent ${score.nullSilent.slice(0, 4).join('; ')}\n  errors ${errors.map((f) => `${f.rule}: ${f.message.slice(0, 100)}`).join(' | ')}`,
      );
    }
  }
  console.log(inject ? 'with one injected inconsistency' : 'consistent documents', JSON.stringify(totals));
  for (const [style, s] of byStyle) console.log(`  ${style}: ${JSON.stringify(s)}`);
  for (const e of examples) console.log(e);
}

const started = performance.now();
await run(false);
await run(true);
console.log(`${count} + ${count} documents, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
