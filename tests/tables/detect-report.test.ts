import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import type { LayoutLine } from '../../lib/model/layout.ts';
import { processDocument } from '../../lib/process-document.ts';
import { readHtml } from '../../lib/read/html/read-html.ts';
import { layoutFromText } from '../../lib/read/text/text-layout.ts';
import { detectHeader } from '../../lib/tables/detect-report.ts';
import { findSections } from '../../lib/tables/sections.ts';
import { randomReportHeader, seeded } from '../support/report-headers.ts';
import { REAL, skipWithoutReal } from '../support/samples.ts';

const headerOf = (lines: LayoutLine[], metadataTitle?: string) => detectHeader(lines, findSections(lines).overview ?? -1, metadataTitle);
const fromText = (text: string, metadataTitle?: string) => headerOf(layoutFromText(text).lines, metadataTitle);

function fromHtml(html: string) {
  const out = readHtml(new TextEncoder().encode(html));
  assert.ok(out.ok, out.ok ? '' : out.message);
  return headerOf(out.layout.lines, out.metadataTitle);
}

describe('detectHeader on random report openings (agency, year, title style, page chrome)', () => {
  const CASES = 600;
  for (const kind of ['text', 'html'] as const) {
    it(`${kind}: ${CASES} openings — the agency right or null, never wrong; the year always the report year`, () => {
      const random = seeded(kind === 'text' ? 8 : 11);
      const tally = { named: 0, right: 0, missed: 0, wrong: 0, anonymous: 0, anonymousNull: 0, yearRight: 0 };
      const wrong: string[] = [];
      for (let i = 0; i < CASES; i++) {
        const c = randomReportHeader(random);
        const found = kind === 'text' ? fromText(c.text) : fromHtml(c.html);
        if (found.year === c.year) tally.yearRight++;
        else wrong.push(`year ${found.year} ≠ ${c.year} (${c.style}): ${c.text.slice(0, 160)}`);
        if (c.agency === null) {
          tally.anonymous++;
          if (found.agency === null) tally.anonymousNull++;
          else wrong.push(`agency ${found.agency} for a page that names none (${c.style}): ${c.text.slice(0, 160)}`);
          continue;
        }
        tally.named++;
        if (found.agency === c.agency) tally.right++;
        else if (found.agency === null) tally.missed++;
        else {
          tally.wrong++;
          wrong.push(`agency ${found.agency} ≠ ${c.agency} (${c.style}): ${c.text.slice(0, 160)}`);
        }
      }
      console.log(
        `${kind}, ${CASES} random openings: agency right ${tally.right}/${tally.named}, null ${tally.missed}, wrong ${tally.wrong}; ` +
          `no agency printed: null ${tally.anonymousNull}/${tally.anonymous}; year right ${tally.yearRight}/${CASES}`,
      );
      assert.deepEqual(wrong.slice(0, 5), []);
      assert.ok(tally.right >= 0.97 * tally.named, `agency found in ${tally.right}/${tally.named}`);
    });
  }
});

describe('detectHeader: what is never taken', () => {
  it('a sentence that mentions a report is not a title, and its words are not an agency', () => {
    const found = fromText(
      [
        '根据《淮安市人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知》要求，现将我局报告公布如下。',
        '关于印发淮安市财政局2023年政府信息公开工作年度报告的通知',
        '一、总体情况',
      ].join('\n'),
    );
    assert.equal(found.agency, null);
    assert.equal(found.title, null);
  });

  it('the publication date is not the report year; the statistics period is', () => {
    const found = fromText(
      [
        '发布时间：2024年01月20日',
        '政府信息公开工作年度报告',
        '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
        '一、总体情况',
      ].join('\n'),
    );
    assert.equal(found.year, 2023);
    assert.equal(found.agency, null);
  });

  it('without a year in the title or a statistics period, the year that opens 一、总体情况', () => {
    const found = fromText(
      ['发布时间：2024-01-20', '淮安市财政局政府信息公开工作年度报告', '一、总体情况', '2023年，我局坚持以公开为常态。'].join('\n'),
    );
    assert.deepEqual([found.agency, found.year], ['淮安市财政局', 2023]);
    // a year inside a sentence is not taken
    assert.equal(fromText(['政府信息公开工作年度报告', '一、总体情况', '我局自2019年起坚持公开。'].join('\n')).year, null);
  });

  it('来源 and 发布机构 name the publishing site, not the report’s agency', () => {
    const found = fromText(
      ['来源：淮安市人民政府', '发布机构：淮安市人民政府', '2023年政府信息公开工作年度报告', '一、总体情况'].join('\n'),
    );
    assert.equal(found.agency, null);
    assert.equal(found.year, 2023);
  });

  it('a menu item above a title is not an agency', () => {
    assert.equal(fromText(['新闻中心', '2023年政府信息公开工作年度报告', '一、总体情况'].join('\n')).agency, null);
  });
});

describe('detectHeader: the file’s own title fills in', () => {
  it('a PDF whose pages print no title: agency and year from its metadata title', () => {
    const found = fromText(['一、总体情况', '2023年，我区……'].join('\n'), '洪泽区人民政府2023年政府信息公开工作年度报告');
    assert.deepEqual(found, { title: '洪泽区人民政府2023年政府信息公开工作年度报告', agency: '洪泽区人民政府', year: 2023 });
  });

  it('a page whose body prints a bare title: the agency from its <title>, site name split off', () => {
    const html =
      '<html><head><title>淮安市财政局2023年政府信息公开工作年度报告_淮安市人民政府</title></head><body>' +
      '<h1>政府信息公开工作年度报告</h1><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>';
    assert.deepEqual(fromHtml(html), { title: '淮安市财政局2023年政府信息公开工作年度报告', agency: '淮安市财政局', year: 2023 });
  });

  it('an ArticleTitle meta tag is preferred to a <title> that is only the site’s name', () => {
    const html =
      '<html><head><title>淮安市人民政府</title><meta name="ArticleTitle" content="淮安市商务局2022年度政府信息公开工作报告">' +
      '</head><body><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>';
    assert.equal(fromHtml(html).agency, '淮安市商务局');
  });
});

describe('real reports: agency, year and format as their expected files say', { skip: skipWithoutReal }, () => {
  const expected = (name: string) => JSON.parse(readFileSync(join(REAL, `${name}.expected.json`), 'utf8')).report;

  it('pingtan-2021.txt: a crawler’s page text with chrome and a 标题: prefix', () => {
    const want = expected('pingtan-2021');
    const found = fromText(readFileSync(join(REAL, 'pingtan-2021.txt'), 'utf8'));
    assert.ok(found.agency?.includes(want.agencyContains), String(found.agency));
    assert.equal(found.agency, '平潭综合实验区');
    assert.equal(found.year, want.year);
  });

  for (const [name, file] of [
    ['shanghai-stcsm-2024', 'shanghai-stcsm-2024.txt'],
    ['hongze-2023', 'hongze-2023.pdf'],
  ] as const) {
    it(`${file}: agency, year and format`, async () => {
      const want = expected(name);
      const path = join(REAL, file);
      const result = await processDocument(
        { name: file, uri: `file://${path}`, bytes: new Uint8Array(readFileSync(path)) },
        { config: DEFAULT_CONFIG },
      );
      assert.ok(result.report.agency?.includes(want.agencyContains), String(result.report.agency));
      assert.equal(result.report.year, want.year);
      assert.equal(result.report.formatVersion, want.formatVersion);
    });
  }
});
