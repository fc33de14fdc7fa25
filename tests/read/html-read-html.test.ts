import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Layout } from '../../lib/model/layout.ts';
import { readHtml } from '../../lib/read/html/read-html.ts';
import {
  applicationValueRows,
  cellNumber,
  GENERATED,
  loadTruth,
  tableLines,
  tableWith,
  truthApplicationRows,
  truthReviewRow,
} from '../fixtures/html/truth-rows.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/html');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function layoutOf(html: string | Uint8Array): Layout {
  const out = readHtml(typeof html === 'string' ? enc(html) : html);
  assert.ok(out.ok, out.ok ? '' : out.message);
  return out.layout;
}

const texts = (layout: Layout): string[][] => layout.lines.map((l) => l.cells.map((c) => c.text));

describe('readHtml on the generated html reports', () => {
  const ids = readdirSync(join(GENERATED, 'src'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5));
  it('has the eight html samples', () => assert.equal(ids.length, 8));
  for (const id of ids) {
    it(`${id}: every table 3 row is one line ending in its 7 printed numbers, table 4 one line of 15`, () => {
      const truth = loadTruth(id);
      const layout = layoutOf(readFileSync(join(GENERATED, 'src', `${id}.html`)));
      const rows = applicationValueRows(tableLines(layout, tableWith(layout, '自然人')));
      assert.deepEqual(
        rows.map((r) => r.slice(-7).map(cellNumber)),
        truthApplicationRows(truth),
      );
      const review = tableLines(layout, tableWith(layout, '行政复议'));
      const values = review.at(-1)?.cells.map((c) => c.text) ?? [];
      assert.equal(values.length, 15);
      assert.deepEqual(values.map(cellNumber), truthReviewRow(truth));
      // every row of a table has the same width
      for (const t of new Set(layout.lines.map((l) => l.table).filter((t) => t !== undefined))) {
        assert.equal(new Set(tableLines(layout, t).map((l) => l.cells.length)).size, 1, `table ${t} is ragged`);
      }
    });
  }
});

describe('readHtml', () => {
  it('expands rowspan and colspan into a grid, text in the first slot and blanks elsewhere', () => {
    const layout = layoutOf(`<table>
      <tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
      <tr><td>C</td></tr>
      <tr><td>1</td><td></td><td>3</td></tr></table>`);
    assert.deepEqual(texts(layout), [
      ['A', '', 'B'],
      ['', '', 'C'],
      ['1', '', '3'],
    ]);
    assert.ok(layout.lines.every((l) => l.table === 0));
  });

  it('joins a header broken by <br> or block children without a space', () => {
    const layout = layoutOf('<table><tr><td>商业<br>企业</td><td><p>结果</p><p>维持</p></td><td>Total<br/>count</td></tr></table>');
    assert.deepEqual(texts(layout), [['商业企业', '结果维持', 'Total count']]);
  });

  it('keeps text blocks and tables in document order and numbers the tables', () => {
    const layout = layoutOf(`<h1>标题</h1><p>一、总体情况</p><p>正文<br>第二行</p>
      <table><tr><td>x</td></tr></table><h3>三、收到和处理</h3><table><caption>表三</caption><tr><td>y</td></tr></table>`);
    assert.deepEqual(
      layout.lines.map((l) => [l.table ?? '-', l.cells.map((c) => c.text).join('|')]),
      [
        ['-', '标题'],
        ['-', '一、总体情况'],
        ['-', '正文'],
        ['-', '第二行'],
        [0, 'x'],
        ['-', '三、收到和处理'],
        ['-', '表三'],
        [1, 'y'],
      ],
    );
  });

  it('ignores scripts, styles and hidden elements and decodes entities', () => {
    const layout = layoutOf(`<style>td{color:red}</style><script>var a = "<table><tr><td>no</td></tr></table>";</script>
      <p>A&amp;B&nbsp;&#x4E00;&lt;</p><div style="display:none">隐藏</div><table><tr><td>&nbsp;</td><td>&#50;</td></tr></table>`);
    assert.deepEqual(texts(layout), [['A&B 一<'], ['', '2']]);
  });

  it('dissolves a page-layout table so the rows of the inner data table come out as rows', () => {
    const layout = layoutOf(`<table><tr><td>导航</td><td>
      <h2>报告</h2><table><tr><td>自然人</td><td>总计</td></tr><tr><td>1</td><td>1</td></tr></table><p>完</p>
      </td></tr></table>`);
    assert.deepEqual(
      layout.lines.map((l) => [l.table ?? '-', l.cells.map((c) => c.text).join('|')]),
      [
        ['-', '导航'],
        ['-', '报告'],
        [0, '自然人|总计'],
        [0, '1|1'],
        ['-', '完'],
      ],
    );
  });

  it('reads a GB2312 page declared by its meta tag, with CRLF line ends', () => {
    const out = readHtml(readFileSync(join(FIXTURES, 'gbk-page.html')));
    assert.ok(out.ok);
    assert.equal(out.encoding, 'gb18030');
    assert.equal(out.layout.lines[0]?.cells[0]?.text, '某县商务局2023年政府信息公开工作年度报告');
    assert.deepEqual(texts(out.layout).slice(1), [
      ['信息内容', '申请人情况', ''],
      ['', '商业企业', '总计'],
      ['一、本年新收政府信息公开申请数量', '3', '3'],
    ]);
  });

  it('reads a UTF-16 page with a BOM', () => {
    const out = readHtml(readFileSync(join(FIXTURES, 'utf16le-page.html')));
    assert.ok(out.ok);
    assert.equal(out.encoding, 'utf-16le');
    assert.equal(out.layout.lines.at(-1)?.cells[0]?.text, '一、本年新收政府信息公开申请数量');
  });

  it('says in Chinese that a page without a table has no tables', () => {
    const out = readHtml(enc('<html><body><p>2023年政府信息公开工作年度报告</p><a href="x.pdf">下载</a></body></html>'));
    assert.equal(out.ok, false);
    assert.ok(!out.ok && out.reason === 'noTables' && /表格/.test(out.message));
  });

  it('reports an empty file as empty', () => {
    const out = readHtml(new Uint8Array());
    assert.ok(!out.ok && out.reason === 'empty');
  });
});
