import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../lib/config.ts';
import { processDocument } from '../lib/process-document.ts';
import { continuityFindings } from '../lib/rules/continuity.ts';
import { cellDifferences, flatten, REAL, SEEDS, skipWithoutReal } from './support/samples.ts';

/** The published reports in ../shared/samples/real, read where they are (never copied in). */
async function read(name: string, folder = REAL) {
  const path = join(folder, name);
  return processDocument({ name, uri: `file://${path}`, bytes: new Uint8Array(readFileSync(path)) }, { config: DEFAULT_CONFIG });
}

describe('real reports', { skip: skipWithoutReal }, () => {
  it('huaian-2024.pdf: every cell as read by hand, from the text layer, valid', async () => {
    const result = await read('huaian-2024.pdf');
    const expected = JSON.parse(readFileSync(join(REAL, 'huaian-2024.expected.json'), 'utf8'));
    assert.deepEqual(cellDifferences(result.tables, expected.tables), []);
    assert.equal(result.status, 'valid');
    assert.deepEqual(
      result.findings.filter((f) => f.severity !== 'info'),
      [],
    );
    assert.equal(result.report.agency, '淮安市人民政府');
    assert.equal(result.report.year, 2024);
    assert.equal(result.extraction.method, 'text');
    assert.equal(result.extraction.pages, 6);
    // positions are kept for every value read from the PDF
    const cell = result.cells['applications.newlyReceived.total'];
    assert.ok(cell?.page && cell.bbox, 'cell source has page and bbox');
    assert.equal(cell.text.replace(/\s/g, ''), String(expected.tables.applications.newlyReceived.total));
  });

  it('suqian 2023 and 2024 (pdftotext layout, wrapped labels, repeated header): valid, and a consistent pair', async () => {
    const [y2023, y2024] = [await read('suqian-2023.txt'), await read('suqian-2024.txt')];
    for (const r of [y2023, y2024]) {
      assert.equal(r.status, 'valid', JSON.stringify(r.findings));
      assert.equal(Object.values(flatten(r.tables)).filter((v) => v === null).length, 0);
    }
    const v = flatten(y2024.tables);
    assert.deepEqual(
      ['naturalPerson', 'commercialEnterprise', 'total'].map((c) => v[`applications.carriedOver.${c}`]),
      [118, 3, 121],
    );
    assert.equal(v['proactive.fees.amountTenThousandYuan'], 72701.2578);
    assert.equal(v['reviewLitigation.review.total'], 170);
    assert.equal(v['reviewLitigation.litigationAfterReview.total'], 52);
    // the texts carry no title: name the agency as a user pairing them would
    const agency = { agency: '宿迁市人民政府', formatVersion: '2021' as const, title: null };
    const a = { ...y2023, report: { ...agency, year: 2023 } };
    const b = { ...y2024, report: { ...agency, year: 2024 } };
    assert.deepEqual(continuityFindings(a, b), []);
    // a broken pair is caught: 2024's 上年结转 one off
    const broken = structuredClone(b);
    (broken.tables.applications as { carriedOver: { total: number } }).carriedOver.total += 1;
    assert.deepEqual(
      continuityFindings(a, broken).map((f) => f.rule),
      ['applications.carryOverContinuity'],
    );
  });
});

describe('seed reports (in the repository)', () => {
  it('seed 000 (jinshui, tab-separated copy): complete, the typo 本年度止件数 flagged, shifted rows read', async () => {
    const result = await read('seed-jinshui-2023.txt', SEEDS);
    assert.equal(result.report.agency, '金水区商务局');
    assert.equal(result.report.year, 2023);
    assert.equal(result.report.formatVersion, '2021');
    const values = flatten(result.tables);
    assert.equal(Object.values(values).filter((v) => v === null).length, 0);
    assert.equal(values['proactive.licensing.decisions'], 3);
    assert.equal(values['applications.results.otherHandling.other.total'], 0);
    assert.equal(values['applications.results.total.total'], 0);
    assert.ok(result.findings.some((f) => f.rule === 'structure.nonStandardLabel' && f.message.includes('本年度止件数')));
    assert.equal(result.status, 'valid');
  });

  it('seed 001 (hegang, one cell per line): complete, agency from the line above the title', async () => {
    const result = await read('seed-hegang-2022.txt', SEEDS);
    assert.equal(result.report.agency, '鹤岗市商务局');
    assert.equal(result.report.year, 2022);
    const values = flatten(result.tables);
    assert.equal(Object.values(values).filter((v) => v === null).length, 0);
    assert.equal(values['proactive.licensing.decisions'], 112);
    assert.equal(result.status, 'valid');
  });
});
