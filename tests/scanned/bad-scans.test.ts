import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { type Config, DEFAULT_CONFIG, parseConfig } from '../../lib/config.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { countingOcr } from '../support/counting-ocr.ts';
import { imageOnlyPdf, jpegHeaderOnly, photoWithoutText, pngHeaderOnly, scanLike } from '../support/scan-fixtures.ts';

/**
 * Issue 3, bad input with an OCR engine at hand: each ends `unreadable` with one Chinese finding
 * that says why, in bounded time and memory.
 */
const engine = countingOcr(createLocalOcrEngine());
const HAN = /\p{Script=Han}/u;

async function run(name: string, bytes: Uint8Array, config: Config = DEFAULT_CONFIG) {
  const calls = engine.calls;
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const result = await processDocument({ name, uri: `memory://${name}`, bytes }, { config, ocr: engine });
  return {
    result,
    ms: performance.now() - started,
    grewMb: (process.memoryUsage().rss - rss) / 1e6,
    ocrCalls: engine.calls - calls,
  };
}

function assertUnreadable(result: Result, rule: string): string {
  assert.equal(result.status, 'unreadable');
  assert.deepEqual(
    result.findings.map((f) => [f.rule, f.severity]),
    [[rule, 'error']],
  );
  const message = result.findings[0]!.message;
  assert.match(message, HAN, 'the finding is in Chinese');
  assert.deepEqual(result.tables, { proactive: null, applications: null, reviewLitigation: null });
  return message;
}

describe('bad scanned input', () => {
  it('a PDF with no pages', async (t) => {
    const { result, ms, ocrCalls } = await run('empty.pdf', imageOnlyPdf([]));
    t.diagnostic(`${Math.round(ms)} ms`);
    assert.match(assertUnreadable(result, 'document.empty'), /没有任何页面/);
    assert.equal(ocrCalls, 0);
  });

  it('a 1,000-page scan is refused by the page limit at once, nothing OCR’d', async (t) => {
    const page = await scanLike(await photoWithoutText(200, 283), { angle: 0 });
    // one JPEG object shared by every page: 1,000 pages in ~150 KB
    const pdf = imageOnlyPdf(Array.from({ length: 1000 }, () => page));
    assert.ok(pdf.length < 500_000, `${pdf.length} bytes`);

    const byDefault = await run('thousand.pdf', pdf);
    t.diagnostic(`1,000 pages refused in ${Math.round(byDefault.ms)} ms, RSS +${byDefault.grewMb.toFixed(0)} MB`);
    assert.equal(DEFAULT_CONFIG.maxPages, 200);
    const message = assertUnreadable(byDefault.result, 'document.tooManyPages');
    assert.match(message, /1000/);
    assert.match(message, /200/);
    assert.equal(byDefault.ocrCalls, 0);
    // OCR takes 2–5 s a page here: 1,000 pages would be over an hour; refusing takes less than one page
    assert.ok(byDefault.ms < 2000, `${Math.round(byDefault.ms)} ms`);
    assert.ok(byDefault.grewMb < 200, `RSS grew ${byDefault.grewMb.toFixed(0)} MB`);

    // the limit is a setting, not a constant
    const configured = await run('thousand.pdf', pdf, parseConfig({ maxPages: 999 }));
    assert.match(assertUnreadable(configured.result, 'document.tooManyPages'), /999/);
    assert.equal(configured.ocrCalls, 0);
  });

  it('a PNG announcing 50,000 × 50,000 pixels is refused from its header, never decoded', async (t) => {
    const png = pngHeaderOnly(50_000, 50_000);
    assert.ok(png.length < 100);
    const { result, ms, grewMb, ocrCalls } = await run('bomb.png', png);
    t.diagnostic(`${Math.round(ms)} ms, RSS +${grewMb.toFixed(0)} MB`);
    const message = assertUnreadable(result, 'document.imageTooLarge');
    assert.match(message, /50000 × 50000/);
    assert.equal(ocrCalls, 0);
    assert.ok(ms < 1000 && grewMb < 200, `${Math.round(ms)} ms, +${grewMb.toFixed(0)} MB`);
  });

  it('a PDF page whose JPEG frame header says 50,000 × 50,000 is refused without decoding', async (t) => {
    const pdf = imageOnlyPdf([{ jpeg: jpegHeaderOnly(50_000, 50_000), width: 50_000, height: 50_000 }]);
    const { result, ms, grewMb, ocrCalls } = await run('bomb.scan.pdf', pdf);
    t.diagnostic(`${Math.round(ms)} ms, RSS +${grewMb.toFixed(0)} MB`);
    const message = assertUnreadable(result, 'document.imageTooLarge');
    assert.match(message, /2500000000/);
    assert.equal(ocrCalls, 0);
    assert.ok(ms < 2000 && grewMb < 200, `${Math.round(ms)} ms, +${grewMb.toFixed(0)} MB`);
  });

  it('a photo that is not a report is OCR’d and found to hold no tables', async (t) => {
    const { result, ms, ocrCalls } = await run('holiday.jpg', await photoWithoutText());
    t.diagnostic(`${Math.round(ms)} ms`);
    assert.match(assertUnreadable(result, 'document.noTables'), /未找到/);
    assert.equal(ocrCalls, 1);
    assert.ok(ms < 30_000, `${Math.round(ms)} ms`);
  });
});
