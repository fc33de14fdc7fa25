import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PositionedPage, PositionedWord } from '../../lib/model/layout.ts';
import { linesFromPages } from '../../lib/read/geometry/lines-from-pages.ts';

// OCR boxes as the local engine gives them at 300 dpi: the detector pads a box by its size, so a
// line of label text comes out about 58 px high and a lone figure 30–40 px.
const label = (text: string, x: number, y: number): PositionedWord => ({
  text,
  bbox: [x, y, x + 36 * [...text].length, y + 58],
  confidence: 0.99,
});
const figure = (text: string, x: number, y: number): PositionedWord => ({
  text,
  bbox: [x, y, x + 22 * text.length, y + 32],
  confidence: 0.99,
});
const COLUMNS = [1250, 1390, 1530, 1670, 1810, 1950, 2090];
const figures = (values: string[], y: number) => values.flatMap((v, c) => (v === '' ? [] : [figure(v, COLUMNS[c]!, y)]));

describe('an unruled table OCR read, its labels boxed taller than its figures', () => {
  it('gives a row its whole wrapped label when its figures stand level with the label’s middle line', () => {
    const page: PositionedPage = {
      page: 1,
      width: 2481,
      height: 3508,
      unit: 'px',
      words: [
        label('3.要求提供公开出版物', 500, 300),
        ...figures(['65', '32', '', '5', '', '', '102'], 313),
        label('4.无正当理由大量反复申请', 500, 400),
        ...figures(['88', '', '', '', '', '', '88'], 413),
        // three lines of label; the figures sit level with the second
        label('5.要求行政机', 500, 500),
        label('关确认或重新', 500, 560),
        label('出具已获取信息', 500, 620),
        ...figures(['4', '', '1', '', '7', '', '12'], 573),
        label('（七）总计', 500, 720),
        ...figures(['157', '32', '1', '5', '7', '3', '205'], 733),
      ],
    };
    const texts = linesFromPages([page]).map((l) => l.cells.map((c) => c.text));
    assert.deepEqual(texts, [
      ['3.要求提供公开出版物', '65', '32', '', '5', '', '', '102'],
      ['4.无正当理由大量反复申请', '88', '', '', '', '', '', '88'],
      ['5.要求行政机关确认或重新出具已获取信息', '4', '', '1', '', '7', '', '12'],
      ['（七）总计', '157', '32', '1', '5', '7', '3', '205'],
    ]);
  });

  // table 4 with zeros left blank: five figures of fifteen, the columns from the header words
  const centre = (k: number) => 300 + 130 * k;
  const word = (text: string, k: number, y: number): PositionedWord => ({
    text,
    bbox: [centre(k) - 50, y, centre(k) + 50, y + 57],
    confidence: 1,
  });
  const header = (group: number) => [
    ...['结果', '结果', '其他', '尚未'].map((t, c) => word(t, group + c, 500)),
    ...['维持', '纠正', '结果', '审结'].map((t, c) => word(t, group + c, 555)),
    { text: '总计', bbox: [centre(group + 4) - 46, 526, centre(group + 4) + 46, 582], confidence: 1 } satisfies PositionedWord,
  ];
  const figures4 = [
    ['23', 0],
    ['23', 4],
    ['15', 5],
    ['21', 6],
    ['36', 9],
  ].map(
    ([text, k]): PositionedWord => ({
      text: text as string,
      bbox: [centre(k as number) - 30, 645, centre(k as number) + 30, 704],
      confidence: 1,
    }),
  );
  const table4Row = (words: PositionedWord[]) =>
    linesFromPages([{ page: 1, width: 2481, height: 3508, unit: 'px', words }])
      .at(-1)!
      .cells.map((c) => c.text);
  const ROW = ['23', '', '', '', '23', '15', '21', '', '', '36', '', '', '', '', ''];

  it('keeps the blank columns its header names when OCR read a stray mark inside a header word', () => {
    // the detector boxed part of 其他 again, and it read as “1”
    const stray: PositionedWord = { text: '1', bbox: [centre(7) - 50, 499, centre(7) - 30, 556], confidence: 0.51 };
    assert.deepEqual(table4Row([...header(0), ...header(5), ...header(10), stray, ...figures4]), ROW);
  });

  it('keeps them when OCR ran two header words of neighbouring columns into one (纠正结果)', () => {
    const merged = header(5).filter((w) => !(w.bbox[1] === 555 && (w.text === '纠正' || w.text === '结果')));
    merged.push({ text: '纠正结果', bbox: [centre(6) - 50, 555, centre(7) + 50, 612], confidence: 1 });
    assert.deepEqual(table4Row([...header(0), ...merged, ...header(10), ...figures4]), ROW);
  });
});
