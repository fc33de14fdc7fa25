import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Layout } from '../../lib/model/layout.ts';
import { readHtml } from '../../lib/read/html/read-html.ts';
import { layoutFromText } from '../../lib/read/text/text-layout.ts';
import { extractTables } from '../../lib/tables/extract-tables.ts';
import { cellDifferences, GENERATED, truthOf } from '../support/samples.ts';

/**
 * An OCR engine that reads digits but not Chinese (or Textract on Chinese) garbles every label
 * while row order and numbers stay intact. The mapping must still put every number in its place.
 */
function garble(layout: Layout, seed = 1): Layout {
  let x = seed;
  const junk = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return 'ABCDEFGHKLMNPQRSTUVWXYZ#@%&?!~'[x % 30]!;
  };
  const garbleText = (text: string) => text.replace(/[^\d\s.,-]/gu, () => junk());
  return { lines: layout.lines.map((l) => ({ ...l, cells: l.cells.map((c) => ({ ...c, text: garbleText(c.text) })) })) };
}

function layoutOf(name: string): Layout {
  const bytes = new Uint8Array(readFileSync(join(GENERATED, 'src', name)));
  if (name.endsWith('.html')) {
    const outcome = readHtml(bytes);
    assert.ok(outcome.ok);
    return outcome.layout;
  }
  return layoutFromText(new TextDecoder().decode(bytes));
}

describe('structure mapping when every label is garbled', () => {
  // format 2021 and 2019, a publisher subtotal row, blank zeros, shifted rows
  for (const name of readdirSync(join(GENERATED, 'src')).sort()) {
    it(`${name}: every number of tables 2, 3 and 4 in its place`, () => {
      const truth = truthOf(name.slice(0, 4));
      const extracted = extractTables(garble(layoutOf(name)));
      assert.equal(extracted.report.formatVersion, truth.report.formatVersion);
      // an amount printed with its unit (35.68万元) has its unit garbled too: that cell may be
      // unreadable (null, flagged), but no number may land in another row's place
      const differences = cellDifferences(extracted.tables, truth.tables).filter(
        (d) => !(truth.quirks.includes('unitInCell') && /^proactive\.(fees|procurement)\.\w+: null ≠/.test(d)),
      );
      assert.deepEqual(differences, []);
      // table 2's rows are not mistaken for extra rows of table 3; only a publisher's subtotals are
      const extra = extracted.findings.filter((f) => f.rule === 'structure.extraRow');
      assert.ok(extra.length <= (truth.quirks.includes('subtotalRow') ? 3 : 0), extra.map((f) => f.message).join(' | '));
    });
  }
});
