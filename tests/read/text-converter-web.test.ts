import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectInputs } from '../../lib/cli/collect-inputs.ts';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { processDocument } from '../../lib/process-document.ts';
import { detectKind, mediaTypeOf } from '../../lib/read/detect-kind.ts';
import { layoutFromText } from '../../lib/read/text/text-layout.ts';
import { flatten, REAL, skipWithoutReal } from '../support/samples.ts';

/** Each line of the layout as `cell | cell`, a joined run marked ⁺ and a maybe-lost blank ∅. */
function shown(text: string): string[] {
  return layoutFromText(text).lines.map((l) =>
    l.cells.map((c) => (c.text === '' && c.mayBeLost ? '∅' : c.text + (c.joined ? '⁺' : ''))).join(' | '),
  );
}

async function run(name: string, text: string) {
  return processDocument({ name, uri: `file:///${name}`, bytes: new TextEncoder().encode(text) }, { config: DEFAULT_CONFIG });
}

describe('Markdown from converters', () => {
  it('reads pipe tables as rows of cells, dropping separators, headings, bold and page numbers', () => {
    const md = [
      '## **表二：主动公开政府信息情况**',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '|---|:---:|---|---|',
      '| 规章 | 0 | 0 | 0 |',
      '— 4 —',
      '| **规范性文件** | 13 |  | 55 |',
      '|---|---|---|---|',
      '第 5 页 共 6 页',
    ].join('\n');
    assert.deepEqual(shown(md), [
      '表二：主动公开政府信息情况',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      '规章 | 0 | 0 | 0',
      '规范性文件 | 13 | ∅ | 55',
    ]);
  });

  it('reads an HTML table embedded in the Markdown, merged cells expanded', () => {
    const md = [
      '三、收到和处理政府信息公开申请情况',
      '<table><tr><td rowspan="2">（七）总计</td><td>3</td><td></td></tr>',
      '<tr><td>4</td><td>5</td></tr></table>',
      '后文',
    ].join('\n');
    assert.deepEqual(shown(md), ['三、收到和处理政府信息公开申请情况', '（七）总计 | 3 | ', ' | 4 | 5', '后文']);
  });

  it('keeps the other lines in their own style (trailing figures split off)', () => {
    const md = ['| 数据1 | 数据2 |', '|---|---|', '| 0 | 0 |', '行政许可 97', '行政处罚  0'].join('\n');
    assert.deepEqual(shown(md), ['数据1 | 数据2', '0 | 0', '行政许可 | 97', '行政处罚 | 0']);
  });
});

describe('web text whose cells ran together', () => {
  const body = [
    '二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665',
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人',
    '一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000 3.危及“三安全一稳定”500000 5（四）无法提供',
    '本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。召开68海里景区听证会。',
  ].join('');

  it('cuts the text at row markers and after the figures of each row, marking the runs joined', () => {
    assert.deepEqual(shown(body), [
      '二、主动公开政府信息情况',
      '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 | 000⁺',
      '行政规范性文件 | 693665⁺',
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人',
      '一、本年新收政府信息公开申请数量 | 640020470⁺',
      '二、上年结转政府信息公开申请数量 | 0000000⁺',
      '（三）不予公开',
      '1.属于国家秘密 | 0000000⁺',
      '2.其他法律行政法规禁止公开 | 0000000⁺',
      '3.危及“三安全一稳定” | 500000⁺ | 5⁺',
      '（四）无法提供本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。召开 | 68⁺',
      '海里景区听证会。',
    ]);
  });

  it('leaves prose figures followed by a unit (2021年, 70件) in the text', () => {
    const prose = Array.from({ length: 6 }, () => '本年度共收到申请70件，办结69件。2021年1月1日起。').join('\n');
    assert.ok(shown(prose).every((l) => !l.includes('⁺')));
  });
});

describe('input kinds', () => {
  it('reads .md files as text, even when they embed an HTML table', () => {
    const bytes = new TextEncoder().encode('<table><tr><td>规章</td></tr></table>');
    assert.equal(detectKind(bytes, 'report.md'), 'text');
    assert.equal(mediaTypeOf('text', 'report.md'), 'text/markdown');
  });

  it('collects .md files from a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-md-'));
    try {
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'a.md'), '| 规章 | 0 | 0 | 0 |');
      writeFileSync(join(dir, 'in', 'b.markdown'), '');
      writeFileSync(join(dir, 'in', 'c.rtf'), '');
      const found = await collectInputs([join(dir, 'in')], join(dir, 'out'));
      assert.deepEqual(
        found.map((f) => f.key),
        ['a.md', 'b.markdown'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('real converter and web texts', { skip: skipWithoutReal }, () => {
  for (const id of ['pingtan-2021', 'shanghai-stcsm-2024']) {
    it(`${id}: every listed cell as read by hand, no error finding`, async () => {
      const expected = JSON.parse(readFileSync(join(REAL, `${id}.expected.json`), 'utf8'));
      const result = await run(`${id}.txt`, readFileSync(join(REAL, `${id}.txt`), 'utf8'));
      const values = flatten(result.tables);
      const wrong = Object.entries(expected.cells as Record<string, number>).filter(([path, want]) => values[path] !== want);
      assert.deepEqual(wrong, []);
      assert.equal(result.report.formatVersion, expected.report.formatVersion);
      assert.deepEqual(
        result.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
        expected.failingRules,
      );
    });
  }

  it('pingtan-2021: the run-together figures say they were split by arithmetic', async () => {
    const result = await run('pingtan-2021.txt', readFileSync(join(REAL, 'pingtan-2021.txt'), 'utf8'));
    assert.deepEqual(result.cells['applications.newlyReceived.naturalPerson'], { method: 'arithmetic', text: '640020470' });
    // 220000325 holds its row total as 22/0/0/0/0/3/25 and as 2/20/0/0/0/3/25: the column sums decide
    assert.equal(flatten(result.tables)['applications.results.unableToProvide.notHeld.naturalPerson'], 22);
    // 693665 (本年制发 / 废止 / 现行有效) has no sum to decide it: not guessed
    assert.equal(flatten(result.tables)['proactive.normativeDocuments.issued'], null);
    assert.ok(result.findings.some((f) => f.rule === 'value.ambiguousRun' && f.cells.includes('proactive.normativeDocuments.issued')));
  });

  it('shanghai-stcsm-2024: the cell the converter lost is taken from the sums, and says so', async () => {
    const result = await run('shanghai-stcsm-2024.txt', readFileSync(join(REAL, 'shanghai-stcsm-2024.txt'), 'utf8'));
    assert.equal(flatten(result.tables)['applications.carriedForward.total'], 1);
    assert.equal(result.cells['applications.carriedForward.total']?.method, 'arithmetic');
    const finding = result.findings.find((f) => f.rule === 'value.lostCell');
    assert.deepEqual(finding?.cells, ['applications.carriedForward.total']);
    assert.equal(finding?.severity, 'warning');
  });
});
