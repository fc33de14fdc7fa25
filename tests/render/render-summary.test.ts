import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { load } from 'cheerio';
import { DASHBOARD_APP } from '../../lib/render/browser/bundles.generated.ts';
import { dashboardData } from '../../lib/render/dashboard/dashboard-data.ts';
import { renderDashboardHtml } from '../../lib/render/dashboard/render-dashboard.ts';
import { renderSummaryCsv, type SummaryRow, SummaryRowSchema, summaryRowFromResult } from '../../lib/render/outputs.ts';
import { HOSTILE_AGENCY, result2019, result2021, resultUnreadable } from './result-fixtures.ts';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'file ends with CRLF');
  return rows;
}

function rows(): SummaryRow[] {
  return [
    summaryRowFromResult(result2021(), {
      file: 'incoming/2024/商务局.pdf',
      json: 'results/商务局.json',
      html: 'results/商务局.report.html',
    }),
    summaryRowFromResult(result2019(), { file: 'src/h002.html', json: 'results/src/h002.json', html: 'results/src/h002.report.html' }),
    summaryRowFromResult(resultUnreadable(), { file: 'scan.docx', json: 'scan.json', html: 'scan.report.html' }),
  ];
}

describe('summaryRowFromResult', () => {
  it('counts errors and warnings and lists the rules broken, errors first', () => {
    const [first, second] = rows();
    assert.deepEqual(SummaryRowSchema.parse(first), first);
    assert.equal(first?.errors, 2);
    assert.equal(first?.warnings, 3);
    assert.deepEqual(first?.rules, [
      'applications.balance',
      'value.unreadable',
      'structure.nonStandardLabel',
      'value.blankCell',
      'ocr.lowConfidence',
    ]);
    // an info finding is not a broken rule
    assert.deepEqual(second?.rules, ['applications.rowTotal', 'structure.missingTable']);
  });
});

describe('renderSummaryCsv', () => {
  it('writes UTF-8 with a BOM, a header and one CRLF row per document', () => {
    const csv = renderSummaryCsv(rows());
    assert.ok(csv.startsWith('\ufefffile,agency,'));
    const table = parseCsv(csv.slice(1));
    assert.deepEqual(table[0], ['file', 'agency', 'year', 'format', 'status', 'errors', 'warnings', 'rules', 'json', 'html']);
    assert.equal(table.length, 4);
    assert.deepEqual(table[2], [
      'src/h002.html',
      '泉州市统计局',
      '2020',
      '2019',
      'invalid',
      '2',
      '0',
      'applications.rowTotal structure.missingTable',
      'results/src/h002.json',
      'results/src/h002.report.html',
    ]);
    assert.deepEqual(table[3]?.slice(1, 5), ['', '', '', 'unreadable']);
  });

  it('quotes commas, quotes and line breaks so every field comes back intact', () => {
    const [row] = rows();
    assert.ok(row);
    const agency = '某局,"办公室"\r\n第二行';
    const table = parseCsv(renderSummaryCsv([{ ...row, agency }]).slice(1));
    assert.equal(table[1]?.[1], agency);
    assert.equal(table[1]?.length, 10);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    const [row] = rows();
    assert.ok(row);
    const evil = { ...row, file: '=HYPERLINK("http://x","y").pdf', agency: '+1+cmd|x', json: '-2.json', html: '@SUM(A1).html' };
    const table = parseCsv(renderSummaryCsv([evil]).slice(1));
    assert.deepEqual(
      [table[1]?.[0], table[1]?.[1], table[1]?.[8], table[1]?.[9]],
      [`'=HYPERLINK("http://x","y").pdf`, "'+1+cmd|x", "'-2.json", "'@SUM(A1).html"],
    );
    assert.equal(table[1]?.[5], '2');
  });
});

describe('the dashboard (index.html), as markup', () => {
  const entries = () =>
    [
      {
        id: 'results/商务局',
        file: 'incoming/2024/商务局.pdf',
        result: result2021(),
        html: 'results/商务局.report.html',
        json: 'results/商务局.json',
      },
      {
        id: 'results/src/h002',
        file: 'src/h002.html',
        result: result2019(),
        html: 'results/src/h002.report.html',
        json: 'results/src/h002.json',
      },
      { id: 'scan', file: 'scan.docx', result: resultUnreadable(), html: 'scan.report.html', json: 'scan.json' },
    ] as const;
  const render = (list: Parameters<typeof dashboardData>[0]) =>
    renderDashboardHtml(dashboardData(list), { chartLibrary: null, app: DASHBOARD_APP });

  it('counts documents by status and links every report by its relative path', () => {
    const html = render(entries());
    const $ = load(html);
    assert.deepEqual(
      $('.count')
        .toArray()
        .map((c) => $(c).text()),
      ['共3', '通过0', '不通过2', '无法读取1'],
    );
    const links = $('#documents tbody tr td:first-child a')
      .toArray()
      .map((a) => a.attribs['href']);
    assert.deepEqual(links, ['results/%E5%95%86%E5%8A%A1%E5%B1%80.report.html', 'results/src/h002.report.html', 'scan.report.html']);
    assert.match($('#documents tbody tr').first().text(), /<script>alert\(1\)<\/script>商务局/);
    assert.doesNotMatch(html, /<script>alert/);
  });

  it('runs only its own scripts: the hash of each is in the Content-Security-Policy, the data block cannot close itself', () => {
    const html = render(entries());
    const $ = load(html);
    const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    assert.match(policy, /default-src 'none'/);
    const scripts = $('script:not([type])')
      .toArray()
      .map((s) => $(s).text());
    assert.equal(scripts.length, 1);
    for (const script of scripts) assert.ok(policy.includes(`'sha256-${createHash('sha256').update(script).digest('base64')}'`));
    const data = JSON.parse($('#gouji-data').text());
    assert.equal(data.documents[0].agency, HOSTILE_AGENCY);
    assert.doesNotMatch($('#gouji-data').html() ?? '', /<\/script/);
  });

  it('cannot be turned into a script link or an attribute by a file name', () => {
    const [entry] = entries();
    const html = render([{ ...entry, file: '"><b onmouseover=x>', html: 'javascript:alert(1)', json: 'a "b".json' }]);
    const $ = load(html);
    const hrefs = $('a')
      .toArray()
      .map((a) => a.attribs['href'] ?? '');
    assert.ok(
      hrefs.every((h) => !h.startsWith('javascript:')),
      hrefs.join(),
    );
    assert.equal($('[onmouseover]').length, 0);
    assert.equal($('#documents tbody a').first().text(), '"><b onmouseover=x>');
  });
});
