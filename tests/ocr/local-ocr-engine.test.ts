import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import type { PositionedPage, PositionedWord } from '../../lib/model/layout.ts';
import { CorruptImageError, ImageTooLargeError } from '../../lib/read/image/image-errors.ts';
import { readImageFile } from '../../lib/read/image/read-image-file.ts';
import { GENERATED, scanPages, truthTableNumbers } from './scan-images.ts';

const engine = createLocalOcrEngine();

/** The words on the same line as the word starting with `label`, left to right, label excluded. */
function rowAfter(page: PositionedPage, label: string): PositionedWord[] {
  const anchor = page.words.find((w) => w.text.startsWith(label));
  assert.ok(anchor, `no word starting with ${label}`);
  const middle = (anchor.bbox[1] + anchor.bbox[3]) / 2;
  return page.words
    .filter((w) => w !== anchor && w.bbox[1] < middle && w.bbox[3] > middle && w.bbox[0] > anchor.bbox[2])
    .sort((a, b) => a.bbox[0] - b.bbox[0]);
}

/** How many of `truth` are found among the words (as a multiset). */
function found(truth: number[], words: PositionedWord[]): number {
  const pool = words.filter((w) => /^\d+(\.\d+)?$/.test(w.text)).map((w) => Number(w.text));
  return truth.filter((n) => {
    const at = pool.indexOf(n);
    if (at < 0) return false;
    pool.splice(at, 1);
    return true;
  }).length;
}

describe('local OCR engine (PaddleOCR v4)', () => {
  let pngPage: PositionedPage;
  before(async () => {
    pngPage = await engine.recognize({ kind: 'encoded', bytes: readFileSync(join(GENERATED, 'png', 'h008.png')) });
  });

  it('is named for its models', () => {
    assert.equal(engine.name, 'paddleocr-v4');
  });

  it('reads a table row of a 200-dpi PNG as one word per cell, in order', () => {
    // truth h008 applications.newlyReceived: 600 79 47 31 18 47, total 822
    assert.deepEqual(
      rowAfter(pngPage, '一、本年新收').map((w) => w.text),
      ['600', '79', '47', '31', '18', '47', '822'],
    );
    assert.deepEqual(
      rowAfter(pngPage, '（一）予以公开').map((w) => w.text),
      ['91', '0', '15', '0', '0', '16', '122'],
    );
  });

  it('reads the Chinese labels and the title', () => {
    // the bold title sets the year apart with spaces; the reader may keep them
    const texts = pngPage.words.map((w) => w.text.replace(/\s+/g, ''));
    assert.ok(texts.includes('二七区财政局2024年政府信息公开工作年度报告'), texts.slice(0, 3).join(' | '));
    for (const label of ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（三）不予公开', '1．属于国家秘密']) {
      assert.ok(texts.includes(label), label);
    }
  });

  it('gives every word a confidence in 0..1 and a box inside the page, with the rulings in the same pixels', () => {
    assert.equal(pngPage.unit, 'px');
    assert.equal(pngPage.width, 1654);
    for (const word of pngPage.words) {
      assert.ok(word.confidence !== undefined && word.confidence >= 0 && word.confidence <= 1, word.text);
      const [x0, y0, x1, y1] = word.bbox;
      assert.ok(x0 >= 0 && y0 >= 0 && x1 <= pngPage.width && y1 <= pngPage.height && x0 < x1 && y0 < y1, word.text);
    }
    assert.ok((pngPage.rulings?.length ?? 0) > 40);
  });

  it('reads every number of tables 3 and 4 on a two-page 200-dpi scan, pages in parallel', async () => {
    const pages = await engine.recognizeMany(
      scanPages('h008').map((bytes) => ({ kind: 'encoded', bytes })),
      { concurrency: 2 },
    );
    assert.deepEqual(
      pages.map((p) => p.page),
      [1, 2],
    );
    const truth = truthTableNumbers('h008');
    assert.equal(
      found(
        truth,
        pages.flatMap((p) => p.words),
      ),
      truth.length,
    );
  });

  it('takes raw pixels as well as encoded files', async () => {
    const image = await readImageFile(readFileSync(join(GENERATED, 'png', 'h014.png')), { deskew: false });
    const page = await engine.recognize({ kind: 'raw', data: image.data, width: image.width, height: image.height, channels: 1 });
    assert.ok(page.words.some((w) => w.text.startsWith('一、本年新收')));
    assert.ok(page.words.length > 80);
  });

  it('refuses an image bomb and short raw pixels before any work, and stops when aborted', async () => {
    const raw = { kind: 'raw' as const, data: new Uint8Array(4), width: 50_000, height: 50_000, channels: 1 as const };
    await assert.rejects(engine.recognize(raw), ImageTooLargeError);
    await assert.rejects(engine.recognize({ ...raw, width: 100, height: 100 }), CorruptImageError);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(engine.recognize({ kind: 'encoded', bytes: scanPages('h008')[0]! }, { signal: controller.signal }));
  });
});
