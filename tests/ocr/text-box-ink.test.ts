import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grownToCharacter } from '../../lib/adapters/ocr/paddle/fragment-boxes.ts';
import { boxInk, pageInk, splitAtGaps, trimmedToInk } from '../../lib/adapters/ocr/paddle/split-at-gaps.ts';
import { wordsFromText } from '../../lib/adapters/ocr/paddle/words-from-text.ts';
import type { Box } from '../../lib/model/result.ts';
import { findRulings } from '../../lib/read/image/find-rulings.ts';
import type { GrayImage } from '../../lib/read/image/gray-image.ts';
import { uncoveredFigures } from '../../lib/read/image/uncovered-figures.ts';

// Synthetic grey pages: paper 240, ink 30; text 40 px high (a 10.5 pt line at 300 dpi is about that).
const GLYPH = 40;

function page(width: number, height: number, paint: (rect: (x0: number, y0: number, x1: number, y1: number) => void) => void): GrayImage {
  const data = new Uint8Array(width * height).fill(240);
  paint((x0, y0, x1, y1) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++)
      data.fill(30, y * width + Math.max(0, x0), y * width + Math.min(width, x1));
  });
  return { data, width, height };
}

/** A figure's ink: a ring 24 × 40 (a “0”) with its left edge at x, top at y. */
const zero = (rect: (x0: number, y0: number, x1: number, y1: number) => void, x: number, y: number) => {
  rect(x, y, x + 24, y + 5);
  rect(x, y + 35, x + 24, y + 40);
  rect(x, y, x + 5, y + 40);
  rect(x + 19, y, x + 24, y + 40);
};

const ink = (image: GrayImage) => pageInk(image);

describe('text boxes cut to the figures in them (unruled tables)', () => {
  it('cuts a box over figures of neighbouring columns at the blank between them, each piece padded', () => {
    // 23 | 0 | 8 as an unruled row prints them: about 1.7 text heights apart
    const image = page(800, 200, (rect) => {
      zero(rect, 100, 80);
      zero(rect, 128, 80);
      zero(rect, 220, 80);
      zero(rect, 330, 80);
    });
    const box: Box = [90, 70, 370, 130];
    const pieces = splitAtGaps(box, boxInk(box, image, ink(image)), GLYPH);
    assert.equal(pieces.length, 3, JSON.stringify(pieces));
    assert.ok(pieces[0]![0] === 90 && pieces[0]![2] > 152 && pieces[0]![2] < 220);
    assert.ok(pieces[1]![0] > 152 && pieces[1]![0] < 220 && pieces[1]![2] > 244 && pieces[1]![2] < 330);
    assert.ok(pieces.every((p) => p[1] === 70 && p[3] === 130));
  });

  it('leaves a line of text whole: the blank after a comma or a bracket is narrower than a text height', () => {
    const image = page(800, 200, (rect) => {
      for (let x = 100; x < 400; x += 42) rect(x, 80, x + 38, 120);
      // “，” low at the left of its square, then a full square of blank before the next character
      rect(400, 112, 408, 122);
      for (let x = 430; x < 600; x += 42) rect(x, 80, x + 38, 120);
    });
    const box: Box = [90, 70, 610, 130];
    assert.deepEqual(splitAtGaps(box, boxInk(box, image, ink(image)), GLYPH), [box]);
  });

  it('measures a box over two lines of a header (结果 / 维持) by the page’s text height, not its own ink', () => {
    // two header words side by side, each set over two lines: ink 90 px high, words 30 px apart
    const image = page(800, 300, (rect) => {
      for (const x of [100, 230]) {
        rect(x, 80, x + 80, 120);
        rect(x, 130, x + 80, 170);
      }
    });
    const box: Box = [90, 70, 320, 180];
    const pieces = splitAtGaps(box, boxInk(box, image, ink(image)), GLYPH);
    assert.equal(pieces.length, 2);
  });

  it('cuts a lone figure’s box down to its ink, and gives up a mark lower than a figure (、)', () => {
    const image = page(800, 200, (rect) => {
      zero(rect, 300, 80);
      rect(600, 110, 610, 120);
    });
    const trimmed = trimmedToInk([200, 70, 450, 130], image, ink(image), GLYPH);
    assert.ok(trimmed, 'a box for the figure');
    assert.ok(trimmed[0] >= 280 && trimmed[0] < 300 && trimmed[2] > 324 && trimmed[2] <= 345, JSON.stringify(trimmed));
    assert.equal(trimmedToInk([560, 70, 650, 130], image, ink(image), GLYPH), undefined);
    assert.equal(trimmedToInk([100, 70, 200, 130], image, ink(image), GLYPH), undefined, 'no ink at all');
  });
});

describe('a box that holds only the middle of its character', () => {
  it('is grown to the whole character; a box that holds its character whole is left alone', () => {
    const image = page(800, 300, (rect) => {
      zero(rect, 300, 100);
      zero(rect, 500, 100);
    });
    // the detector boxed the “0”'s waist only: 14 px of its 40
    const grown = grownToCharacter([296, 113, 328, 127], image, ink(image), GLYPH);
    assert.ok(grown, 'grown');
    assert.ok(grown[1] < 100 && grown[3] > 140 && grown[0] <= 296 && grown[2] >= 328, JSON.stringify(grown));
    assert.equal(grownToCharacter([490, 90, 534, 150], image, ink(image), GLYPH), undefined);
  });

  it('is not grown into a rule or a picture it touches', () => {
    const image = page(800, 600, (rect) => {
      rect(300, 50, 306, 550);
    });
    assert.equal(grownToCharacter([290, 200, 320, 215], image, ink(image), GLYPH), undefined);
  });
});

describe('findRulings on a page straightened not quite level', () => {
  it('finds the long verticals of a table that still lean 0.25°', () => {
    const W = 1654;
    const H = 2339;
    const lean = Math.tan((0.25 * Math.PI) / 180);
    const image = page(W, H, (rect) => {
      // 8 rows of 200 px from y 200, 6 columns of 200 px from x 200; lines 3 px thick
      for (let r = 0; r <= 8; r++) {
        const y = 200 + 200 * r;
        for (let x = 200; x < 1400; x++) rect(x, Math.round(y + (x - 200) * lean), x + 1, Math.round(y + (x - 200) * lean) + 3);
      }
      for (let c = 0; c <= 6; c++) {
        const x = 200 + 200 * c;
        for (let y = 200; y < 1800; y++) rect(Math.round(x - (y - 200) * lean), y, Math.round(x - (y - 200) * lean) + 3, y + 1);
      }
    });
    const verticals = findRulings(image).filter(([x0, , x1]) => x0 === x1);
    const long = verticals.filter(([, y0, , y1]) => y1 - y0 > 1500);
    assert.equal(long.length, 7, verticals.map((v) => v.map(Math.round).join(',')).join(' '));
  });
});

describe('figures no text box covers (an unruled table’s lone figure the detector missed)', () => {
  it('boxes a figure-sized mark level with a line of text, digits side by side as one number, and no speck or comma', () => {
    const image = page(1600, 400, (rect) => {
      // a row's label (its box given), a figure the detector boxed, one it missed, a two-digit one it missed
      for (let x = 100; x < 500; x += 42) rect(x, 100, x + 38, 140);
      zero(rect, 700, 100);
      zero(rect, 900, 100);
      zero(rect, 1100, 100);
      zero(rect, 1128, 100);
      rect(1300, 130, 1308, 140); // a comma-sized mark
      rect(1400, 300, 1404, 304); // a speck, on no line
      zero(rect, 1500, 300); // a figure-sized mark on no line of text
    });
    const boxes = uncoveredFigures(
      image,
      [
        [90, 90, 510, 150],
        [690, 90, 734, 150],
      ],
      GLYPH,
    );
    assert.equal(boxes.length, 2, JSON.stringify(boxes));
    const [lone, pair] = boxes.sort((a, b) => a[0] - b[0]);
    assert.ok(lone![0] < 900 && lone![2] > 924 && lone![2] < 1000, JSON.stringify(lone));
    assert.ok(pair![0] < 1100 && pair![2] > 1152 && pair![2] < 1250, JSON.stringify(pair));
  });
});

describe('words of a recognised box', () => {
  const read = (chars: [string, number][]) =>
    wordsFromText({
      box: [0, 0, 1000, 40],
      text: chars.map(([c]) => c).join(''),
      confidence: 1,
      chars: chars.map(([char, x]) => ({ char, x, confidence: 1 })),
    }).map((w) => w.text);

  it('parts two words where the recogniser read a space between characters well apart (header words of neighbouring columns)', () => {
    assert.deepEqual(
      read([
        ['结', 20],
        ['果', 48],
        [' ', 80],
        ['结', 112],
        ['果', 140],
      ]),
      ['结果', '结果'],
    );
  });

  it('keeps a word whose space stands between characters close together (2024 年, 3 604)', () => {
    assert.deepEqual(
      read([
        ['2', 10],
        ['0', 22],
        ['2', 34],
        ['4', 46],
        [' ', 56],
        ['年', 70],
      ]),
      ['2024 年'],
    );
  });
});
