import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPLICATION_ROWS } from '../../lib/model/form.ts';
import type { PrintedLabel } from '../../lib/tables/mapped-rows.ts';
import { normalizeLabel } from '../../lib/tables/normalize.ts';
import { rowLabelFindings } from '../../lib/tables/row-label-check.ts';

const ROWS = APPLICATION_ROWS['2021'];
const PARTIAL = 'results.partiallyGranted';

function printed(raw: string, context = ''): PrintedLabel {
  const own = normalizeLabel(raw);
  return { raw, context: normalizeLabel(context) + own, own, following: '' };
}

const messages = (labels: Map<string, PrintedLabel>) => rowLabelFindings('表三', ROWS, labels).map((f) => f.message);

describe('structure.nonStandardLabel for a row matched by anything but its exact label', () => {
  it('says nothing of a row printed with the form label', () => {
    assert.deepEqual(messages(new Map([[PARTIAL, printed('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')]])), []);
  });

  it('names the printed label and the form label of a misspelt row', () => {
    const [message, ...rest] = messages(new Map([[PARTIAL, printed('（二）部份公开（区分处理的，只计这一情形，不计其他情形）')]]));
    assert.deepEqual(rest, []);
    assert.match(message ?? '', /行名“（二）部份公开.*”与格式规定的“（二）部分公开/);
  });

  it('a row with no label cells of its own (a converter split them off): says so and quotes the words it was placed by', () => {
    // the label's lines as a converter leaves them, cut by the merged group cell's text
    const around = '（二）部分公开（区分处理的，只度办理结计这一情形，不计其他情形）果';
    const [message, ...rest] = messages(new Map([[PARTIAL, printed('', around)]]));
    assert.deepEqual(rest, []);
    assert.ok(message?.includes('未印行名'), message);
    assert.ok(message?.includes(normalizeLabel(around)), message);
    assert.ok(!message?.includes('行名“”'), message);
  });
});
