import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PositionedPage, PositionedWord } from '../../lib/model/layout.ts';
import { linesFromPages } from '../../lib/read/geometry/lines-from-pages.ts';

/** A line of text `size` points high, one point of advance per character and size. */
const text = (value: string, x: number, y: number, size: number): PositionedWord => ({
  text: value,
  bbox: [x, y, x + size * [...value].length, y + size],
});

const TITLE = '淮安市洪泽区司法局2023年政府信息公开工作年度报告';

function pages(count: number, titleSize: number): PositionedPage[] {
  return Array.from({ length: count }, (_, i) => ({
    page: i + 1,
    width: 595,
    height: 842,
    unit: 'pt' as const,
    words: [
      // the title at the head of page 1, the same words small as the running header of the others
      i === 0 ? text(TITLE, 60, 40, titleSize) : text(TITLE, 60, 25, 9),
      text(`正文第${i + 1}页的内容。`, 60, 300, 12),
      text(`- ${i + 1} -`, 280, 800, 10),
    ],
  }));
}

describe('page furniture', () => {
  it('keeps the title the other pages repeat small as their running header', () => {
    for (const count of [2, 3, 5]) {
      const lines = linesFromPages(pages(count, 18)).map((l) => `${l.page}:${l.cells.map((c) => c.text).join('|')}`);
      assert.deepEqual(
        lines,
        [`1:${TITLE}`, ...Array.from({ length: count }, (_, i) => `${i + 1}:正文第${i + 1}页的内容。`)],
        `${count} pages`,
      );
    }
  });

  it('drops a running header printed in the same size on every page', () => {
    const lines = linesFromPages(pages(4, 9)).map((l) => l.cells.map((c) => c.text).join('|'));
    assert.ok(!lines.includes(TITLE), lines.join('\n'));
  });

  it('keeps the title of a scan, whose OCR boxes are about as high as the running header’s', () => {
    // at 300 dpi the detector boxed a 16 pt title 61 px high and the 9 pt header 48 px high
    const ocr = (value: string, x: number, y: number, pitch: number, high: number): PositionedWord => ({
      text: value,
      bbox: [x, y, x + pitch * [...value].length, y + high],
      confidence: 0.99,
    });
    const scan: PositionedPage[] = Array.from({ length: 3 }, (_, i) => ({
      page: i + 1,
      width: 2481,
      height: 3508,
      unit: 'px' as const,
      words: [i === 0 ? ocr(TITLE, 405, 248, 62, 61) : ocr(TITLE, 238, 87, 35, 48), ocr(`正文第${i + 1}页的内容。`, 238, 1200, 50, 55)],
    }));
    const lines = linesFromPages(scan).map((l) => `${l.page}:${l.cells.map((c) => c.text).join('|')}`);
    assert.deepEqual(lines, [`1:${TITLE}`, '1:正文第1页的内容。', '2:正文第2页的内容。', '3:正文第3页的内容。']);
  });

  it('keeps a row of figures that begins two pages, where a running header would sit', () => {
    // an unruled table going on over the page: each continued page starts with a row of figures in
    // the top margin, which (digits aside) reads the same on both pages
    const figures = ['0', '0', '0', '63', '0', '0', '63'];
    const continued: PositionedPage[] = Array.from({ length: 4 }, (_, i) => ({
      page: i + 1,
      width: 595,
      height: 842,
      unit: 'pt' as const,
      words: [
        text('页眉：政务公开', 60, 25, 9),
        ...(i === 0 ? [] : figures.map((f, k) => text(f, 264 + 38 * k, 58, 10))),
        text(`正文第${i + 1}页的内容。`, 60, 300, 12),
      ],
    }));
    const lines = linesFromPages(continued).map((l) => `${l.page}:${l.cells.map((c) => c.text).join(' ')}`);
    for (const page of [2, 3, 4]) assert.ok(lines.includes(`${page}:${figures.join(' ')}`), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('页眉')), lines.join('\n'));
  });
});
