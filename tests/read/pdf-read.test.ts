import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { linesFromPages } from '../../lib/read/geometry/lines-from-pages.ts';
import { readPdf } from '../../lib/read/pdf/read-pdf.ts';
import { skipWithoutReal } from '../support/samples.ts';
import { APPLICATION_LABELS, applicationRows, cellMatches, findRow } from './pdf-table-rows.ts';

const here = dirname(fileURLToPath(import.meta.url));
const samples = join(here, '../../samples');
const real = join(here, '../../../shared/samples/real');
const read = (path: string) => new Uint8Array(readFileSync(path));

interface Truth {
  tables: {
    proactive: Record<string, Record<string, number>>;
    applications: Record<string, unknown>;
    reviewLitigation: Record<string, Record<string, number>>;
  };
}

const PROACTIVE_LABELS: Record<string, RegExp> = {
  regulations: /^信息内容?规章$|^规章$/,
  normativeDocuments: /规范性文件$/,
  licensing: /^行政许可$/,
  otherExternalServices: /其他对外管理服务事项/,
  punishment: /^行政处罚$/,
  compulsion: /^行政强制$/,
  fees: /行政事业性收费$/,
  procurement: /政府集中采购/,
};

async function checkDocument(pdf: string, truth: Truth, options: { dropRulings?: boolean } = {}) {
  const result = await readPdf(read(pdf), { maxPages: 20 });
  assert.ok(result.ok, `${pdf} did not open`);
  for (const page of result.pages) assert.equal(page.textLayer, 'good', `${pdf} page ${page.page}`);
  const pages = result.pages.map((p) => (options.dropRulings ? { ...p.positioned, rulings: [] } : p.positioned));
  const lines = linesFromPages(pages);
  for (const [key, numbers] of applicationRows(truth.tables.applications)) {
    const row = findRow(lines, APPLICATION_LABELS[key]!, 7);
    assert.ok(row, `${pdf}: table 3 row ${key} not found as one line`);
    const cells = row.cells.slice(-7).map((c) => c.text);
    assert.ok(
      cells.every((c, i) => cellMatches(c, numbers[i]!)),
      `${pdf}: ${key} is [${cells.join('|')}], printed ${numbers.join(',')}`,
    );
  }
  const review = Object.values(truth.tables.reviewLitigation).flatMap((g) => Object.values(g));
  const t4 = lines.find((l) => l.cells.length >= 15 && l.cells.slice(-15).every((c, i) => cellMatches(c.text, review[i]!)));
  assert.ok(t4, `${pdf}: table 4 is not one line of ${review.join(',')}`);
  for (const [key, values] of Object.entries(truth.tables.proactive)) {
    const numbers = Object.values(values);
    const row = findRow(lines, PROACTIVE_LABELS[key]!, numbers.length);
    assert.ok(row, `${pdf}: table 2 row ${key} not found`);
    const cells = row.cells.slice(-numbers.length).map((c) => c.text);
    assert.ok(
      cells.every((c, i) => cellMatches(c, numbers[i]!)),
      `${pdf}: ${key} is [${cells.join('|')}], printed ${numbers.join(',')}`,
    );
    assert.ok(row.cells.every((c) => c.page !== undefined && c.bbox !== undefined));
  }
  return lines;
}

describe('readPdf + linesFromPages on real and generated PDFs', () => {
  it('reads every table row of huaian-2024.pdf (WPS, CID fonts, table 3 over two pages) as one line', {
    skip: skipWithoutReal,
  }, async () => {
    const truth = JSON.parse(readFileSync(join(real, 'huaian-2024.expected.json'), 'utf8')) as Truth;
    const lines = await checkDocument(join(real, 'huaian-2024.pdf'), truth);
    const texts = lines.map((l) => l.cells.map((c) => c.text).join('|'));
    assert.ok(
      texts.some((t) => t.includes('三、本年度办理结果')),
      'vertical label read as one text',
    );
    assert.ok(
      texts.some((t) => t.includes('（四）无法提供')),
      'label split by the page break is joined',
    );
    assert.ok(!texts.some((t) => /^-\s*\d+\s*-$/.test(t)), 'page numbers dropped');
  });

  for (const file of readdirSync(join(samples, 'generated/pdf')).filter((f) => f.endsWith('.pdf'))) {
    it(`reads every table row of generated ${file}`, async () => {
      const truth = JSON.parse(readFileSync(join(samples, 'generated/truth', file.replace('.pdf', '.json')), 'utf8')) as Truth;
      await checkDocument(join(samples, 'generated/pdf', file), truth);
    });
  }

  it('reads table 3 and 4 of huaian-2024.pdf from word positions alone, without rulings', { skip: skipWithoutReal }, async () => {
    const truth = JSON.parse(readFileSync(join(real, 'huaian-2024.expected.json'), 'utf8')) as Truth;
    await checkDocument(join(real, 'huaian-2024.pdf'), truth, { dropRulings: true });
  });

  it('marks every page of the scanned PDFs as needing OCR', async () => {
    for (const file of readdirSync(join(samples, 'generated/scan'))
      .filter((f) => f.endsWith('.pdf'))
      .slice(0, 3)) {
      const result = await readPdf(read(join(samples, 'generated/scan', file)), { maxPages: 20 });
      assert.ok(result.ok);
      assert.ok(result.pages.length > 0);
      for (const page of result.pages) assert.equal(page.textLayer, 'needsOcr', `${file} page ${page.page}`);
    }
  });
});
