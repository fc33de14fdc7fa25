import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeNumericWord } from '../../lib/read/image/normalize-digits.ts';

describe('normalizeNumericWord', () => {
  it('reads look-alikes inside numbers as digits', () => {
    assert.equal(normalizeNumericWord('1O'), '10');
    assert.equal(normalizeNumericWord('2O2l'), '2021');
    assert.equal(normalizeNumericWord('O'), '0');
    assert.equal(normalizeNumericWord('l'), '1');
    assert.equal(normalizeNumericWord('35.6O万元'), '35.60万元');
    // a round 0 read as a white circle
    assert.equal(normalizeNumericWord('○'), '0');
    assert.equal(normalizeNumericWord('1○'), '10');
  });

  it('turns full-width digits into ASCII', () => {
    assert.equal(normalizeNumericWord('１２３'), '123');
    assert.equal(normalizeNumericWord('２５１０００'), '251000');
    assert.equal(normalizeNumericWord('３５．６８'), '35.68');
  });

  it('leaves words that are not numbers alone', () => {
    for (const word of ['Office', 'Ol', 'lO年', '二〇二〇年', '二○二三年', '〇', '第二十条', '1．属于国家秘密', '（一）予以公开', 'IO']) {
      assert.equal(normalizeNumericWord(word), word);
    }
  });
});
