import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { strToU8 } from 'fflate';
import type { Layout } from '../../lib/model/layout.ts';
import { readDocx } from '../../lib/read/docx/read-docx.ts';
import { documentXml, docx, p, tbl, tc, tr } from '../fixtures/docx/make-docx.ts';
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

const texts = (layout: Layout): string[][] => layout.lines.map((l) => l.cells.map((c) => c.text));

function layoutOf(bytes: Uint8Array): Layout {
  const out = readDocx(bytes);
  assert.ok(out.ok, out.ok ? '' : out.message);
  return out.layout;
}

describe('readDocx on the generated Word reports', () => {
  const files = readdirSync(join(GENERATED, 'docx')).filter((f) => f.endsWith('.docx'));
  it('has the eight docx samples', () => assert.equal(files.length, 8));
  for (const file of files) {
    const id = file.slice(0, -5);
    it(`${id}: every table 3 row is one line ending in its 7 printed numbers, table 4 one line of 15`, () => {
      const truth = loadTruth(id);
      const layout = layoutOf(readFileSync(join(GENERATED, 'docx', file)));
      assert.match(layout.lines[0]?.cells[0]?.text ?? '', /政府信息公开工作年度报告$/);
      const rows = applicationValueRows(tableLines(layout, tableWith(layout, '自然人')));
      assert.deepEqual(
        rows.map((r) => r.slice(-7).map(cellNumber)),
        truthApplicationRows(truth),
      );
      const values =
        tableLines(layout, tableWith(layout, '行政复议'))
          .at(-1)
          ?.cells.map((c) => c.text) ?? [];
      assert.equal(values.length, 15);
      assert.deepEqual(values.map(cellNumber), truthReviewRow(truth));
    });
  }
});

describe('readDocx', () => {
  it('expands gridSpan, vMerge and gridBefore like the HTML reader', () => {
    const xml = documentXml(
      p('三、收到和处理政府信息公开申请情况') +
        tbl(4, [
          tr([tc('申请人情况', '<w:gridSpan w:val="3"/>'), tc('总计', '<w:vMerge w:val="restart"/>')]),
          tr([tc('商业\n企业'), tc('科研'), tc('其他'), tc('', '<w:vMerge/>')]),
          tr([tc('1'), tc(''), tc('2')], '<w:gridBefore w:val="1"/>'),
        ]),
    );
    const layout = layoutOf(docx(xml));
    assert.deepEqual(texts(layout), [
      ['三、收到和处理政府信息公开申请情况'],
      ['申请人情况', '', '', '总计'],
      ['商业企业', '科研', '其他', ''],
      ['', '1', '', '2'],
    ]);
    assert.deepEqual(
      layout.lines.map((l) => l.table),
      [undefined, 0, 0, 0],
    );
  });

  it('decodes the XML entities and character references Word writes', () => {
    const layout = layoutOf(docx(documentXml(p('A&amp;B &lt;&#x4E00;&#20108;&gt;') + tbl(1, [tr([tc('x')])]))));
    assert.equal(layout.lines[0]?.cells[0]?.text, 'A&B <一二>');
  });

  it('walks a layout table so the inner table rows come out as rows', () => {
    const inner = tbl(2, [tr([tc('自然人'), tc('总计')]), tr([tc('1'), tc('1')])]);
    const xml = documentXml(tbl(1, [tr([tc(p('报告') + inner + p('完'))])]));
    assert.deepEqual(
      layoutOf(docx(xml)).lines.map((l) => [l.table ?? '-', l.cells.map((c) => c.text).join('|')]),
      [
        ['-', '报告'],
        [0, '自然人|总计'],
        [0, '1|1'],
        ['-', '完'],
      ],
    );
  });

  it('refuses an external entity (XXE) without reading the file it names', () => {
    const xml = documentXml(
      tbl(1, [tr([tc('&xxe;')])]),
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    const out = readDocx(docx(xml));
    assert.equal(out.ok, false);
    assert.ok(!out.ok && out.reason === 'corrupt' && /DOCTYPE/.test(out.message));
    assert.doesNotMatch(JSON.stringify(out), /root:/);
  });

  it('refuses a billion-laughs entity bomb at once', () => {
    const decl = ['<!ENTITY lol "lol">']
      .concat(Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`))
      .join('');
    const xml = documentXml(tbl(1, [tr([tc('&lol9;')])]), `<?xml version="1.0"?><!DOCTYPE lolz [${decl}]>`);
    const started = performance.now();
    const out = readDocx(docx(xml));
    assert.ok(!out.ok && out.reason === 'corrupt');
    assert.ok(performance.now() - started < 1000);
  });

  it('calls a file that is not a zip, or a zip without document.xml, corrupt', () => {
    const notZip = readDocx(strToU8('这不是一个Word文件'.repeat(10)));
    assert.ok(!notZip.ok && notZip.reason === 'corrupt' && /Word/.test(notZip.message));
    const noBody = readDocx(docx(null));
    assert.ok(!noBody.ok && noBody.reason === 'corrupt' && /document\.xml/.test(noBody.message));
    const truncated = readFileSync(join(GENERATED, 'docx', 'h002.docx')).subarray(0, 4000);
    const cut = readDocx(truncated);
    assert.ok(!cut.ok && cut.reason === 'corrupt');
  });

  it('calls a password-protected (OLE compound) file encrypted', () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from('EncryptedPackage', 'utf16le'), 512);
    const out = readDocx(cfb);
    assert.ok(!out.ok && out.reason === 'encrypted' && /密码/.test(out.message));
  });

  it('refuses a zip bomb before inflating it', () => {
    // 70 MB of zeros squeezed into a few dozen KB as the document body
    const bomb = docx(null, { 'word/document.xml': new Uint8Array(70 * 1024 * 1024) });
    assert.ok(bomb.length < 1024 * 1024);
    const out = readDocx(bomb);
    assert.ok(!out.ok && out.reason === 'tooLarge' && /过大/.test(out.message));
  });

  it('refuses an archive with thousands of entries', () => {
    const many = Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`x/${i}.xml`, new Uint8Array(1)]));
    const out = readDocx(docx(documentXml(tbl(1, [tr([tc('x')])])), many));
    assert.ok(!out.ok && out.reason === 'tooLarge');
  });

  it('says a document without a table has no tables', () => {
    const out = readDocx(docx(documentXml(p('只有正文'))));
    assert.ok(!out.ok && out.reason === 'noTables');
  });
});
