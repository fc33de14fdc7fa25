import assert from 'node:assert/strict';
import { editLine, processText, ruleCases, sampleText } from './rule-cases.ts';

// h000: a consistent format-2021 report copied as tab-separated text, every section and row present.
const report = sampleText('h000');
const unedited = { what: 'the unedited report, every table, row and section in place', findings: () => processText(report) };

ruleCases('structure.missingTable', 'error', {
  passes: unedited,
  fails: {
    what: 'table 4’s rows deleted, its heading kept',
    findings: () => {
      const lines = report.split('\n');
      const from = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
      const to = lines.findIndex((l) => l.startsWith('五、'));
      return processText([...lines.slice(0, from + 1), ...lines.slice(to)].join('\n'));
    },
    check: (finding) => assert.deepEqual(finding.cells, ['reviewLitigation']),
  },
});

ruleCases('structure.missingRow', 'error', {
  passes: unedited,
  fails: {
    what: 'the row 3.要求提供公开出版物 deleted from table 3',
    findings: () => processText(editLine(report, '要求提供公开出版物', () => undefined)),
    check: (finding) => assert.ok(finding.cells.some((c) => c.startsWith('applications.results.notProcessed.publication'))),
  },
});

ruleCases('structure.missingSection', 'warning', {
  passes: unedited,
  fails: {
    what: 'the heading 五、存在的主要问题及改进情况 reworded',
    findings: () => processText(editLine(report, '五、存在的主要问题及改进情况', () => '下一步打算')),
    check: (finding) => assert.match(finding.message, /存在的主要问题/),
  },
});

ruleCases('structure.nonStandardLabel', 'warning', {
  passes: unedited,
  fails: {
    what: 'the column 本年废止件数 printed as 本年度止件数',
    findings: () => processText(editLine(sampleText('h009'), '本年废止件数', (line) => line.replace('本年废止件数', '本年度止件数'))),
    check: (finding) => assert.match(finding.message, /本年度止件数/),
  },
});

ruleCases('structure.extraRow', 'info', {
  passes: unedited,
  fails: {
    what: 'h009, which prints its own （三）不予公开 and （五）不予处理 subtotal rows',
    findings: () => processText(sampleText('h009')),
    check: (finding) => assert.match(finding.message, /不予公开|不予处理/),
  },
});

ruleCases('structure.mergedRow', 'warning', {
  passes: unedited,
  fails: {
    what: 'the three （六） rows of a 2021 report printed as one row carrying their sum',
    findings: () => {
      const lines = report.split('\n');
      const first = lines.findIndex((l) => l.includes('1.申请人无正当理由逾期不补正'));
      const rows = lines.slice(first, first + 3).map((l) => l.split('\t').slice(-7).map(Number));
      const sums = rows[0]!.map((_, c) => rows.reduce((n, r) => n + r[c]!, 0));
      lines.splice(first, 3, ['', '（六）其他处理', '', ...sums].join('\t'));
      return processText(lines.join('\n'));
    },
    check: (finding) => {
      assert.match(finding.message, /（六）其他处理/);
      assert.ok(finding.cells.includes('applications.results.otherHandling.noCorrection'));
    },
  },
});

ruleCases('structure.splitRow', 'warning', {
  passes: { what: 'a 2019 report with its one （六） row', findings: () => processText(sampleText('h015')) },
  fails: {
    what: 'a 2019 report printing （六）其他处理 as the 2021 form’s three rows, adding up to it',
    findings: () =>
      processText(
        editLine(sampleText('h015'), '其他处理', (line) => {
          const figures = line.split('\t').slice(1, 8);
          const zeros = figures.map(() => '0');
          return [
            ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...figures],
            ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...zeros],
            ['', '3.其他', ...zeros],
          ]
            .map((row) => row.join('\t'))
            .join('\n');
        }),
      ),
    check: (finding) => assert.ok(finding.cells.includes('applications.results.otherHandling.total')),
  },
});
