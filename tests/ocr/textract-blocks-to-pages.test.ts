import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A4_POINTS, blocksToPositionedPages } from '../../lib/adapters/ocr/textract/blocks-to-positioned-pages.ts';
import { twoPageAnalysis } from './textract-blocks.ts';

const texts = (rows: { text: string }[][]) => rows.map((row) => row.map((c) => c.text));

describe('blocksToPositionedPages', () => {
  it('makes one page per Textract page, words in points with confidence 0..1', () => {
    const pages = blocksToPositionedPages(twoPageAnalysis());
    assert.deepEqual(
      pages.map((p) => [p.page, p.unit, p.width, p.height]),
      [
        [1, 'pt', A4_POINTS.width, A4_POINTS.height],
        [2, 'pt', A4_POINTS.width, A4_POINTS.height],
      ],
    );
    const n80 = pages[0]!.words.find((w) => w.text === '80');
    assert.ok(n80);
    assert.equal(n80.confidence, 0.998);
    assert.deepEqual(n80.bbox, [196.44, 176.8, 208.35, 193.63]);
    // only WORD blocks become words: the LINE "80 26 1O6" does not repeat them
    assert.equal(pages[0]!.words.filter((w) => w.text === '80').length, 1);
    assert.deepEqual(
      pages[1]!.words.map((w) => w.text),
      ['（七）总计', '7'],
    );
  });

  it('expands merged cells: text in the first row and column they cover, blank in the others', () => {
    const [first, second] = blocksToPositionedPages(twoPageAnalysis());
    assert.equal(first!.tables?.length, 1);
    assert.deepEqual(texts(first!.tables![0]!.rows), [
      ['', '申请人情况', '', ''],
      ['三、本年度办理结果', '自然人', '商业企业', '总计'],
      ['', '80', '26', '106'],
    ]);
    assert.deepEqual(texts(second!.tables![0]!.rows), [['（七）总计', '7']]);
  });

  it('keeps each cell on its page with its box and confidence', () => {
    const [first] = blocksToPositionedPages(twoPageAnalysis(), () => ({ width: 1000, height: 2000 }));
    const total = first!.tables![0]!.rows[2]![3]!;
    assert.equal(total.page, 1);
    assert.deepEqual(total.bbox, [700, 400, 900, 500]);
    // the look-alike O of "1O6" is read as a digit, the word keeps its low confidence, and the
    // cell (0.955 as a cell) is as sure as that word
    const word = first!.words.find((w) => w.text === '106');
    assert.equal(word?.confidence, 0.715);
    assert.equal(total.text, '106');
    assert.equal(total.confidence, 0.715);
  });

  it('keeps the structure and the digits when the Chinese labels come back garbled', () => {
    const garbled = twoPageAnalysis({
      申请人情况: 'EiiiA1Jt5i',
      '三、本年度': '=. 7k#E',
      办理结果: 'Dh3E4n',
      自然人: 'E1A',
      商业企业: 'BuLiE',
      总计: 'ft',
      '（七）总计': '(t) ft',
    });
    const [first, second] = blocksToPositionedPages(garbled);
    const rows = texts(first!.tables![0]!.rows);
    assert.equal(rows.length, 3);
    assert.ok(rows.every((row) => row.length === 4));
    assert.deepEqual(rows[2], ['', '80', '26', '106']);
    assert.equal(rows[1]![0], '=. 7k#E Dh3E4n');
    assert.equal(rows[0]![1], 'EiiiA1Jt5i');
    assert.deepEqual(texts(second!.tables![0]!.rows), [['(t) ft', '7']]);
  });

  it('gives no page for no blocks', () => {
    assert.deepEqual(blocksToPositionedPages([]), []);
  });
});
