import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { missedWords } from '../../lib/adapters/ocr/paddle/words-from-text.ts';
import type { PositionedPage, PositionedWord } from '../../lib/model/layout.ts';
import { pageImage } from '../../lib/read/pdf/page-image.ts';
import { REAL, skipWithoutReal } from '../support/samples.ts';
import { ruledTablePdf } from './ruled-table-pdf.ts';

/**
 * Issue 3: the text detector sees no text in a lone narrow figure in a tall ruled cell (a bare
 * "1"), or boxes only its middle. The engine reads the ink of every ruled cell left without a word.
 */
const engine = createLocalOcrEngine();

const inside = (w: PositionedWord, [x0, y0, x1, y1]: readonly number[]) => {
  const x = (w.bbox[0] + w.bbox[2]) / 2;
  const y = (w.bbox[1] + w.bbox[3]) / 2;
  return x > x0! && x < x1! && y > y0! && y < y1!;
};

describe('lone figures in ruled cells', () => {
  it('reads every figure of a ruled table of lone digits at 300 dpi, most of them bare "1"s', async () => {
    // a fixed mix, one figure per tall cell; '-' is a blank mark: read as '-' or not at all, both mean 0
    const pool = ['1', '1', '1', '0', '11', '7', '-', '', '21', '4', '1', '0'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rows = Array.from({ length: 14 }, () => Array.from({ length: 8 }, () => pool[Math.floor(next() * pool.length)]!));
    const table = ruledTablePdf({ rows });
    const image = await pageImage(table.pdf, 1, { dpi: 300, maxPixels: 60e6 });
    const page = await engine.recognize(image);
    const scale = image.pixelWidth / table.pageWidth;
    const wrong: string[] = [];
    rows.forEach((row, r) => {
      row.forEach((want, c) => {
        const box = table.cells[r]![c]!.map((v) => v * scale);
        const got = page.words
          .filter((w) => inside(w, box))
          .map((w) => w.text)
          .join(' ');
        if (got !== want && !(want === '-' && got === '')) wrong.push(`row ${r} column ${c}: “${got}” ≠ “${want}”`);
      });
    });
    assert.ok(rows.flat().filter((t) => t === '1').length >= 30);
    assert.deepEqual(wrong, []);
  });

  it('reads the lone "1" of huaian-2024 page 5 (a clean 300-dpi render) in its row', { skip: skipWithoutReal }, async () => {
    const pdf = new Uint8Array(readFileSync(join(REAL, 'huaian-2024.pdf')));
    const page: PositionedPage = await engine.recognize(await pageImage(pdf, 5, { dpi: 300, maxPixels: 60e6 }));
    // 1、申请人无正当理由逾期不补正…: natural persons 67, firms 3, 0, 0, legal services 1, 0, total 71
    const anchor = page.words.find((w) => w.text === '67');
    assert.ok(anchor, 'no word 67');
    const middle = (anchor.bbox[1] + anchor.bbox[3]) / 2;
    const row = page.words
      .filter((w) => w.bbox[0] >= anchor.bbox[0] && w.bbox[1] < middle && w.bbox[3] > middle)
      .sort((a, b) => a.bbox[0] - b.bbox[0]);
    assert.deepEqual(
      row.map((w) => w.text),
      ['67', '3', '0', '0', '1', '0', '71'],
    );
    assert.ok(row[4]!.confidence! > 0.9);
  });

  it('never drops ink in a cell: a blot comes out as a word the core flags, not as nothing or a sure figure', async () => {
    // a ruled 2 × 2 table whose first cell holds a filled square
    const W = 1200;
    const H = 800;
    const data = new Uint8Array(W * H).fill(250);
    const rect = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) data.fill(20, y * W + x0, y * W + x1);
    };
    for (const x of [200, 500, 800]) rect(x - 1, 200, x + 2, 601);
    for (const y of [200, 400, 600]) rect(200, y - 1, 801, y + 2);
    rect(338, 288, 362, 312);
    const page = await engine.recognize({ kind: 'raw', data, width: W, height: H, channels: 1 });
    const words = page.words.filter((w) => inside(w, [200, 200, 500, 400]));
    assert.equal(words.length, 1, JSON.stringify(page.words));
    // not a number read surely: the core reports text in a value cell, or a figure below 0.8
    const word = words[0]!;
    assert.ok(!/^\d+$/.test(word.text) || word.confidence! < 0.8, JSON.stringify(word));
  });

  it('gives ink that recognition reads as nothing the text “?” and confidence 0', () => {
    assert.deepEqual(missedWords({ box: [10, 20, 40, 60], text: '', confidence: 0, chars: [] }), [
      { text: '?', bbox: [10, 20, 40, 60], confidence: 0 },
    ]);
    const read = missedWords({ box: [10, 20, 40, 60], text: '1', confidence: 0.99, chars: [{ char: '1', x: 25, confidence: 0.99 }] });
    assert.deepEqual(
      read.map((w) => w.text),
      ['1'],
    );
  });
});
