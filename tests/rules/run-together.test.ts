import assert from 'node:assert/strict';
import { applicationPaths, makeConsistent, proactivePaths, reviewPaths, type SyntheticReport } from '../support/synthetic-report.ts';
import { renderTextStyle, type TextStyle } from '../support/synthetic-text.ts';
import { editLine, processText, ruleCases } from './rule-cases.ts';

// A consistent format-2021 report with small figures, printed as web text whose cells ran together
// (one row a line) or as a converter's Markdown; table 2 all zeros, so its runs split one way.
const figures = [5, 0, 0, 2, 0, 1, 0, 3, 1, 0, 0, 0, 0, 4];
const raw: Record<string, number> = {};
[...applicationPaths('2021'), ...reviewPaths()].forEach((p, i) => {
  raw[p] = figures[i % figures.length]!;
});
for (const p of proactivePaths('2021')) raw[p] = 0;
const report: SyntheticReport = { format: '2021', agency: '某某市某某局', year: 2023, values: makeConsistent('2021', raw) };
const print = (style: TextStyle, values = report.values) => renderTextStyle({ ...report, values }, style, { linePerRow: true }, () => 1);
const webText = print('runTogether');
const asWebText = { what: 'the report as run-together web text, every sum holding', findings: () => processText(webText) };
const asTabs = { what: 'the report copied with tabs between the cells', findings: () => processText(print('tabs')) };
const names = (path: string) => (finding: { cells: string[] }) => assert.ok(finding.cells.includes(path), finding.cells.join(', '));

ruleCases('value.runTogether', 'info', {
  passes: asTabs,
  fails: {
    what: 'the same report as run-together web text',
    findings: asWebText.findings,
    check: names('applications.newlyReceived.naturalPerson'),
  },
});

ruleCases('value.ambiguousRun', 'warning', {
  passes: asWebText,
  fails: {
    what: '行政规范性文件 printed 693665: no sum tells 69 / 3 / 665 from 6 / 93 / 665',
    findings: () => processText(editLine(webText, '行政规范性文件', () => '行政规范性文件693665')),
    check: names('proactive.normativeDocuments.issued'),
  },
});

ruleCases('value.inconsistentRun', 'error', {
  passes: asWebText,
  fails: {
    what: '一、本年新收 with its 总计 one too high, so no split holds every sum',
    findings: () => {
      const values = { ...report.values };
      values['applications.newlyReceived.total'] = (values['applications.newlyReceived.total'] ?? 0) + 1;
      return processText(print('runTogether', values));
    },
    check: names('applications.newlyReceived.total'),
  },
});

ruleCases('value.runSearchLimit', 'warning', {
  passes: asWebText,
  fails: {
    what: 'a run of 300 digits for the three cells of 行政规范性文件',
    findings: () => processText(editLine(webText, '行政规范性文件', () => `行政规范性文件${'1'.repeat(300)}`)),
    check: names('proactive.normativeDocuments.inForce'),
  },
});

const markdown = print('markdown');
ruleCases('value.lostCell', 'warning', {
  passes: { what: 'the report as a converter’s Markdown, every cell printed', findings: () => processText(markdown, 'report.md') },
  fails: {
    what: 'the Markdown with 一、本年新收 总计 lost by the converter: an empty last cell',
    findings: () =>
      processText(
        editLine(markdown, '一、本年新收', (line) => line.replace(/\| \d+ \|$/, '|  |')),
        'report.md',
      ),
    check: (finding) => assert.deepEqual(finding.cells, ['applications.newlyReceived.total']),
  },
});
