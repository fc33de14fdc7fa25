import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { load } from 'cheerio';
import { APPLICATION_ROWS, PROACTIVE_ROWS } from '../../lib/model/form.ts';
import type { Result } from '../../lib/model/result.ts';
import { readHtml } from '../../lib/read/html/read-html.ts';
import { renderReportHtml } from '../../lib/render/outputs.ts';
import { applicationValueRows, cellNumber, tableLines, tableWith } from '../fixtures/html/truth-rows.ts';
import { HOSTILE_AGENCY, result2019, result2021, resultUnreadable } from './result-fixtures.ts';

const td = (html: string, path: string) => load(html)(`td[data-cell="${path}"]`);

describe('renderReportHtml', () => {
  it('puts the status at the top in Chinese with its colour', () => {
    const valid: Result = { ...result2021(), status: 'valid', findings: [] };
    for (const [result, word, cls] of [
      [valid, '通过', 'status-valid'],
      [result2021(), '不通过', 'status-invalid'],
      [resultUnreadable(), '无法读取', 'status-unreadable'],
    ] as const) {
      const $ = load(renderReportHtml(result));
      const header = $('body > header').first();
      assert.ok(header.hasClass(cls));
      assert.equal(header.find('.badge').text(), word);
    }
  });

  it('escapes a hostile agency, title, uri and message: no script, no injected attribute', () => {
    const html = renderReportHtml(result2021());
    // the only scripts are the page's own (allowed by hash); the hostile text is data
    assert.doesNotMatch(html, /<script>alert/i);
    assert.equal(load(html)('script:not([type])').length, 1);
    assert.doesNotMatch(html, /<img/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;商务局/);
    const $ = load(html);
    const handlers = $('*')
      .toArray()
      .flatMap((el) => ('attribs' in el ? Object.keys(el.attribs) : []).filter((a) => a.startsWith('on') || a === 'src'));
    assert.deepEqual(handlers, []);
    // the message survives intact as text in the tooltip and the findings list
    const tooltip = $('td[data-cell="applications.carriedOver.naturalPerson"]').attr('title') ?? '';
    assert.match(tooltip, /"onload="alert\(2\)"/);
    assert.ok($('table.findings').text().includes('<img src=x onerror=alert(3)>'));
    assert.ok($('h1').text().startsWith(HOSTILE_AGENCY));
  });

  it('draws table 3 of format 2021 with all 25 rows of the form, values from the result', () => {
    const html = renderReportHtml(result2021());
    const $ = load(html);
    assert.equal($('td[data-cell^="applications."]').length, 25 * 7);
    assert.equal($('td[data-cell^="proactive."]').length, 10);
    assert.equal($('td[data-cell^="reviewLitigation."]').length, 15);
    assert.equal(td(html, 'applications.newlyReceived.total').text(), '4');
    assert.equal(td(html, 'reviewLitigation.review.total').text(), '9');
    for (const row of APPLICATION_ROWS['2021']) assert.ok($('table.t3').text().includes(row.label), row.label);
    for (const row of PROACTIVE_ROWS['2021']) assert.ok($('table.t2').text().includes(row.label), row.label);
  });

  it('draws format 2019 with its own table 3 and says when table 2 is missing', () => {
    const html = renderReportHtml(result2019());
    const $ = load(html);
    assert.equal($('td[data-cell^="applications."]').length, 23 * 7);
    assert.equal(td(html, 'applications.results.otherHandling.total').text(), '2');
    assert.equal($('table.t2').length, 0);
    assert.match($('p.absent').text(), /未找到表二/);
  });

  it('redraws table 3 so that reading the page back gives every row its seven numbers', () => {
    const result = result2019();
    const out = readHtml(new TextEncoder().encode(renderReportHtml(result)));
    assert.ok(out.ok);
    const rows = applicationValueRows(tableLines(out.layout, tableWith(out.layout, '自然人')));
    const apps = result.tables.applications;
    assert.ok(apps);
    assert.equal(rows.length, 23);
    assert.deepEqual(rows[0]?.slice(-7).map(cellNumber), Object.values(apps.newlyReceived));
    assert.deepEqual(rows.at(-1)?.slice(-7).map(cellNumber), Object.values(apps.carriedForward));
    assert.ok(rows.every((r) => r.length === 10));
  });

  it('highlights the cells a finding names, with the message as tooltip', () => {
    const html = renderReportHtml(result2021());
    const balance = td(html, 'applications.results.total.naturalPerson');
    assert.ok(balance.hasClass('sev-error'));
    assert.match(balance.attr('title') ?? '', /错误：自然人列/);
    const blank = td(html, 'reviewLitigation.litigationDirect.pending');
    assert.ok(blank.hasClass('sev-warning') && !blank.hasClass('sev-error'));
    assert.ok(!td(html, 'applications.results.granted.total').attr('class')?.includes('sev-'));
    // a finding naming a whole row marks each of its cells
    const rowTotal = renderReportHtml(result2019());
    for (const col of ['naturalPerson', 'total']) assert.ok(td(rowTotal, `applications.newlyReceived.${col}`).hasClass('sev-error'));
  });

  it('marks suspect cells, low OCR confidence and unreadable values distinctly', () => {
    const html = renderReportHtml(result2021());
    const suspect = td(html, 'applications.newlyReceived.naturalPerson');
    assert.ok(suspect.hasClass('suspect') && suspect.hasClass('lowconf'));
    assert.match(suspect.attr('title') ?? '', /OCR 置信度 0\.62，识别文字“2”/);
    const confident = td(html, 'applications.newlyReceived.total');
    assert.ok(!confident.hasClass('lowconf') && !confident.hasClass('suspect'));
    const unread = td(html, 'applications.carriedForward.total');
    assert.ok(unread.hasClass('unread'));
    assert.equal(unread.text(), '？');
    assert.match(unread.attr('title') ?? '', /无法读取/);
    assert.match(unread.attr('title') ?? '', /识别文字“<b>\?<\/b>”/);
  });

  it('marks values obtained by arithmetic (a run of figures split, a lost cell deduced), with the printed run', () => {
    const result = result2019();
    result.cells['applications.newlyReceived.naturalPerson'] = { method: 'arithmetic', text: '640020470' };
    result.cells['applications.carriedForward.total'] = { method: 'arithmetic', text: '' };
    const html = renderReportHtml(result);
    const split = td(html, 'applications.newlyReceived.naturalPerson');
    assert.ok(split.hasClass('arith'));
    assert.match(split.attr('title') ?? '', /原文数字连写为“640020470”/);
    assert.match(td(html, 'applications.carriedForward.total').attr('title') ?? '', /由勾稽关系推得/);
    assert.ok(!td(html, 'applications.newlyReceived.total').hasClass('arith'));
    assert.match(load(html)('.legend').text(), /由勾稽关系得出/);
  });

  it('lists each finding with its rule, an explanation and the cells in the words of the form', () => {
    const $ = load(renderReportHtml(result2021()));
    const rows = $('table.findings tbody tr');
    assert.equal(rows.length, 5);
    // errors first
    assert.deepEqual(
      rows.toArray().map((r) => $(r).find('td').first().text()),
      ['错误', '错误', '警告', '警告', '警告'],
    );
    const balance = $(rows[0]);
    assert.equal(balance.find('code').text(), 'applications.balance');
    assert.match(balance.text(), /规则说明：表三每一列/);
    assert.ok(balance.text().includes('表三 一、本年新收政府信息公开申请数量 · 自然人'));
    assert.ok(balance.text().includes('表三 （七）总计 · 自然人'));
    assert.ok($(rows[3]).text().includes('表四 行政诉讼 未经复议直接起诉 · 尚未审结'));
  });

  it('is self-contained: only its own inline script, allowed by hash; no external resources', () => {
    for (const result of [result2021(), result2019(), resultUnreadable()]) {
      const html = renderReportHtml(result);
      assert.doesNotMatch(html, /<(link|iframe)\b/i);
      assert.doesNotMatch(html, /<script[^>]+src/i);
      assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i);
      const $ = load(html);
      const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
      for (const script of $('script:not([type])').toArray()) {
        assert.ok(policy.includes(`'sha256-${createHash('sha256').update($(script).text()).digest('base64')}'`));
      }
      // nothing to correct on a file that could not be read
      assert.equal($('script:not([type])').length, result.status === 'unreadable' ? 0 : 1);
    }
  });

  it('puts the reasons first when the file could not be read', () => {
    const $ = load(renderReportHtml(resultUnreadable()));
    assert.match($('table.findings').text(), /document\.encrypted/);
    assert.ok($('body').html()!.indexOf('问题清单') < $('body').html()!.indexOf('表二'));
    assert.equal($('td.v').length, 0);
  });
});
