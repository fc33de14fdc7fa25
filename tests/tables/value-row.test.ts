import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LayoutCell } from '../../lib/model/layout.ts';
import { toValueRow } from '../../lib/tables/value-row.ts';

const cell = (text: string, ocr: boolean): LayoutCell => (ocr ? { text, confidence: 0.9 } : { text });
const line = (texts: string[], ocr: boolean) => ({ cells: texts.map((t) => cell(t, ocr)) });

describe('toValueRow', () => {
  const printed = ['一、本年新收政府信息公开申请数量', '600', '79', '47', '31', '18', '47'];

  it('keeps an OCR figure garbled beyond repair (“X//” for “822”) as a value cell, not part of the label', () => {
    const row = toValueRow(line([...printed, 'X//'], true), 0)!;
    assert.equal(row.label, toValueRow(line([...printed, '822'], true), 0)!.label);
    assert.deepEqual(
      row.values.map((c) => c.text),
      ['600', '79', '47', '31', '18', '47', 'X//'],
    );
    assert.equal(row.numbers, 6);
  });

  it('still takes Chinese text after a figure for a label, and text-layer cells as printed', () => {
    assert.equal(toValueRow(line(['合计', '5', '其中'], true), 0)!.values.length, 0);
    assert.equal(toValueRow(line([...printed, 'X//'], false), 0)!.values.length, 0);
  });
});
