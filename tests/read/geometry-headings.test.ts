import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PositionedPage, PositionedWord } from '../../lib/model/layout.ts';
import { linesFromPages } from '../../lib/read/geometry/lines-from-pages.ts';

/** A word `height` px tall whose characters are `pitch` px wide (OCR boxes: every line about as tall). */
const word = (text: string, x: number, y: number, pitch: number, height = 40): PositionedWord => ({
  text,
  bbox: [x, y, x + pitch * [...text].length, y + height],
  confidence: 0.99,
});

const ROWS = ['（七）总计', '四、结转下年度继续办理'];

/** The foot of table 3 as a 200 dpi scan reads it, with the next section's heading right below. */
function page(headingPitch: number): PositionedPage {
  const words: PositionedWord[] = [];
  ROWS.forEach((label, r) => {
    const y = 200 + r * 80;
    words.push(word(label, 200, y, 29));
    for (const [c, v] of [12, 3, 0, 5, 7, 1].entries()) words.push(word(String(v), 1000 + c * 90, y, 20));
    words.push(word('28', 1560, y, 20));
  });
  words.push(word('四、政府信息公开行政复议、行政诉讼情况', 190, 200 + ROWS.length * 80, headingPitch, 44));
  return { page: 1, width: 1654, height: 2339, unit: 'px', words };
}

const text = (p: PositionedPage) => linesFromPages([p]).map((l) => l.cells.map((c) => c.text).join('|'));

describe('a heading right below an unruled table', () => {
  it('is a paragraph of its own when its characters are set larger than the table labels', () => {
    const lines = text(page(39));
    assert.equal(lines.at(-1), '四、政府信息公开行政复议、行政诉讼情况', lines.join('\n'));
    assert.equal(lines.length, ROWS.length + 1, lines.join('\n'));
  });

  it('is a row printed blank when set in the table labels’ size', () => {
    const lines = text(page(29));
    assert.ok(lines.at(-1)!.startsWith('四、政府信息公开行政复议、行政诉讼情况|'), lines.join('\n'));
    assert.equal(lines.at(-1)!.split('|').length, lines[0]!.split('|').length, lines.join('\n'));
  });
});
