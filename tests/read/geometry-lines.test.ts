import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PositionedPage, PositionedWord } from '../../lib/model/layout.ts';
import { linesFromPages } from '../../lib/read/geometry/lines-from-pages.ts';

const word = (text: string, x: number, y: number, confidence = 0.9, size = 10): PositionedWord => ({
  text,
  bbox: [x, y, x + size * [...text].length, y + size],
  confidence,
});

// An OCR'd table without rulings: a wrapped label, a row with blank cells, a page number.
const page: PositionedPage = {
  page: 1,
  width: 600,
  height: 800,
  unit: 'px',
  words: [
    word('三、收到和处理政府信息公开申请情况', 40, 100),
    word('一、本年新收申请数量', 40, 150),
    word('5', 300, 150),
    word('2', 350, 150),
    word('7', 400, 150),
    word('（二）部分公开（区分处理', 40, 172),
    word('的，只计这一情形）', 40, 186, 0.6),
    word('1', 300, 180),
    word('1', 400, 180),
    word('四、结转下年度继续办理', 40, 214),
    word('0', 300, 214),
    word('0', 350, 214),
    word('0', 400, 214),
    word('- 3 -', 280, 770),
  ],
};

describe('linesFromPages without rulings', () => {
  const lines = linesFromPages([page]);
  const texts = lines.map((l) => l.cells.map((c) => c.text));

  it('joins a wrapped label to its row and keeps the blank cell in its column', () => {
    assert.deepEqual(texts[2], ['（二）部分公开（区分处理的，只计这一情形）', '1', '', '1']);
    assert.equal(lines[2]?.cells[0]?.confidence, 0.6);
  });

  it('keeps rows, paragraphs and order, and drops the page number', () => {
    assert.deepEqual(texts, [
      ['三、收到和处理政府信息公开申请情况'],
      ['一、本年新收申请数量', '5', '2', '7'],
      ['（二）部分公开（区分处理的，只计这一情形）', '1', '', '1'],
      ['四、结转下年度继续办理', '0', '0', '0'],
    ]);
    assert.ok(lines.every((l) => l.cells.every((c) => c.page === 1 && c.bbox !== undefined)));
  });

  it('reads the same rows from a page skewed by one degree', () => {
    const angle = (1 * Math.PI) / 180;
    const rotate = (x: number, y: number): [number, number] => [
      300 + (x - 300) * Math.cos(angle) - (y - 400) * Math.sin(angle),
      400 + (x - 300) * Math.sin(angle) + (y - 400) * Math.cos(angle),
    ];
    const skewed: PositionedPage = {
      ...page,
      words: page.words.map((w) => {
        const [x, y] = rotate((w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2);
        const hw = (w.bbox[2] - w.bbox[0]) / 2;
        return { ...w, bbox: [x - hw, y - 5, x + hw, y + 5] };
      }),
    };
    assert.deepEqual(
      linesFromPages([skewed]).map((l) => l.cells.map((c) => c.text)),
      texts,
    );
  });
});

describe('linesFromPages with a label column squeezed thin', () => {
  // Table 3 going on in a second ruled table: its header cell spans the label columns, and the
  // results column continues below it empty, 6 px wide — less than twice the rule tolerance.
  const tall = (text: string, x: number, y: number): PositionedWord => word(text, x, y, 0.95, 20);
  const h = (y: number, x0 = 100): [number, number, number, number] => [x0, y, 500, y];
  const v = (x: number, y0: number, y1 = 220): [number, number, number, number] => [x, y0, x, y1];
  const squeezed: PositionedPage = {
    page: 1,
    width: 600,
    height: 800,
    unit: 'px',
    words: [
      tall('项目', 150, 110),
      tall('自然人', 310, 110),
      tall('总计', 420, 110),
      tall('（二）部分公开', 120, 150),
      tall('3', 340, 150),
      tall('3', 440, 150),
      tall('（三）不予公开', 120, 190),
      tall('1', 340, 190),
      tall('1', 440, 190),
    ],
    rulings: [h(100), h(140), h(180, 106), h(220), v(100, 100), v(106, 140), v(300, 100), v(400, 100), v(500, 100)],
  };

  it('keeps each label in its own row under the header cell', () => {
    assert.deepEqual(
      linesFromPages([squeezed]).map((l) => l.cells.map((c) => c.text)),
      [
        ['项目', '自然人', '总计'],
        ['', '（二）部分公开', '3', '3'],
        ['', '（三）不予公开', '1', '1'],
      ],
    );
  });
});
