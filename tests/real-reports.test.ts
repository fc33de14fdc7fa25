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
    const agency = { agency: '宿迁市人民政府', agencyKey: '宿迁市人民政府', formatVersion: '2021' as const, title: null };
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

/**
 * The published reports whose `*.expected.json` list cells read by hand (`cells`, flat ids), the
 * error rules that are true of the document and the status a correct reader concludes. Cells not
 * listed are not checked. A report still being taught to the reader is `todo` with the reason.
 */
const HAND_READ: Record<string, { file: string; todo?: string }> = {
  'hongze-2023': { file: 'hongze-2023.pdf' },
  'pingtan-2021': { file: 'pingtan-2021.txt' },
  'shanghai-stcsm-2024': { file: 'shanghai-stcsm-2024.txt' },
};

describe('published reports read as their hand-read expected files say', { skip: skipWithoutReal }, () => {
  for (const [id, { file, todo }] of Object.entries(HAND_READ)) {
    it(`${file}: the listed cells, agency, year and format, exactly its true errors`, { ...(todo ? { todo } : {}) }, async () => {
      const expected = JSON.parse(readFileSync(join(REAL, `${id}.expected.json`), 'utf8')) as {
        report: { agencyContains: string; year: number; formatVersion: string };
        cells: Record<string, number>;
        failingRules: string[];
        status: string;
      };
      const result = await read(file);
      const values = flatten(result.tables);
      const wrong = Object.entries(expected.cells)
        .filter(([path, want]) => values[path] !== want)
        .map(([path, want]) => `${path}: ${String(values[path])} ≠ ${want}`);
      assert.deepEqual(wrong, []);
      assert.ok(result.report.agency?.includes(expected.report.agencyContains), String(result.report.agency));
      assert.equal(result.report.year, expected.report.year);
      assert.equal(result.report.formatVersion, expected.report.formatVersion);
      const errors = [...new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort();
      assert.deepEqual(errors, [...new Set(expected.failingRules)].sort());
      if (expected.status !== 'any') assert.equal(result.status, expected.status);
    });
  }

  it('hongze-2023.pdf: both of its wrong table 4 totals, its merged （六） row used in the sums, its typo named', async () => {
    const result = await read('hongze-2023.pdf');
    assert.equal(result.findings.filter((f) => f.rule === 'reviewLitigation.total').length, 2);
    const merged = result.mergedRows?.['applications.results.otherHandling'];
    assert.deepEqual(merged?.values, {
      naturalPerson: 0,
      commercialEnterprise: 0,
      researchInstitution: 0,
      socialWelfareOrganization: 0,
      legalServiceInstitution: 0,
      otherOrganization: 0,
      total: 0,
    });
    assert.equal(flatten(result.tables)['applications.results.otherHandling.other.total'], null);
    assert.ok(result.findings.some((f) => f.rule === 'structure.mergedRow' && f.severity === 'warning'));
    const typo = result.findings.find((f) => f.rule === 'structure.nonStandardLabel');
    assert.ok(typo?.message.includes('2.其他法律行政止公开') && typo.message.includes('2.其他法律行政法规禁止公开'), typo?.message);
  });
});
