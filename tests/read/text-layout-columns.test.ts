import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { type CellPath, valueAt } from '../../lib/model/cell-path.ts';
import { APPLICATION_ROWS } from '../../lib/model/form.ts';
import { processDocument } from '../../lib/process-document.ts';
import { layoutFromText } from '../../lib/read/text/text-layout.ts';
import { laidOutBlankRows } from '../../lib/tables/laid-out-blank-rows.ts';
import { applicationPaths, rows, type SyntheticReport } from '../support/synthetic-report.ts';
import { fuzzDocArb, readFuzzDoc, scoreResult } from '../support/text-fuzz.ts';

/**
 * `pdftotext -layout` text lays a page out in a grid of characters: a figure's column is where
 * it stands on its line, and a blank cell is only spaces. A row printed with blank zeros then
 * shows fewer figures than columns, and the columns shift from one page (form feed) to the next.
 */

/** where table 3's figures start on page 1, and how far page 2 moves them */
const FIRST_FIGURE_COLUMN = 48;
const FIGURE_PITCH = 7;
const PAGE_SHIFT = 4;
/** rows of a page that print every figure (a grid is learned from complete rows) */
const COMPLETE_ROWS_PER_PAGE = 2;

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - [...text].length));

/** Table 3 as `pdftotext -layout` lays it out, zeros of later rows left blank at random. */
function layoutText(report: SyntheticReport, blank: (row: number, column: number) => boolean): string {
  const { title, t2, t3, t4 } = rows(report);
  const out = [...title, '', '一、总体情况', '本年度共收到政府信息公开申请。', '', '二、主动公开政府信息情况'];
  for (const row of t2) out.push(row.filter((c) => c !== '').join('    '));
  out.push('三、收到和处理政府信息公开申请情况');
  let page = 0;
  let rowsOnPage = 0;
  t3.forEach((row, r) => {
    const header = row.some((c) => c.startsWith('（本列数据'));
    if (header && r > 0) {
      page++;
      rowsOnPage = 0;
    }
    const figures = row.slice(-7);
    const isData = figures.every((c) => /^\d*$/.test(c)) && figures.some((c) => c !== '');
    const label = (isData ? row.slice(0, -7) : row).filter((c) => c !== '').join(' ');
    const start = FIRST_FIGURE_COLUMN + page * PAGE_SHIFT;
    let line = (header && r > 0 ? '\f' : '') + pad(`  ${label}`, start);
    if (isData) {
      const complete = rowsOnPage < COMPLETE_ROWS_PER_PAGE;
      const hasFigure = figures.some((c) => c !== '0');
      line += figures
        .map((c, k) => (!complete && hasFigure && c === '0' && blank(r, k) ? '' : c))
        .map((c) => pad(c, FIGURE_PITCH))
        .join('');
      rowsOnPage++;
    }
    out.push(line.trimEnd());
  });
  out.push('四、政府信息公开行政复议、行政诉讼情况');
  for (const row of t4) out.push(row.filter((c) => c !== '').join('  '));
  out.push('五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。');
  return out.join('\n');
}

/**
 * The same report as `pdftotext` without -layout may print it: table 3's labels first, each a
 * paragraph, then its figures, a row's figures on one line (blanks dropped) — figures apart from
 * their labels, at the start of their lines.
 */
function labelsThenFigures(report: SyntheticReport): string {
  const { title, t3 } = rows(report);
  const labels: string[] = [];
  const figures: string[] = [];
  for (const row of t3) {
    const tail = row.slice(-7);
    const isData = tail.every((c) => /^\d*$/.test(c)) && tail.some((c) => c !== '');
    labels.push(...(isData ? row.slice(0, -7) : row).filter((c) => c !== ''));
    if (isData) figures.push(tail.filter((c) => c !== '').join(' '));
  }
  return [...title, '三、收到和处理政府信息公开申请情况', ...labels, ...figures, '四、政府信息公开行政复议、行政诉讼情况'].join('\n\n');
}

const reportArb = fuzzDocArb({ styles: ['tabs'] }).map(({ report }) => ({
  ...report,
  // every row prints at least one figure here (a row printed all blank has no columns to read)
  quirks: { ...report.quirks, blankZeros: false, repeatedHeader: true, mergedOtherHandling: false },
}));

const read = (text: string) =>
  processDocument({ name: 'report.txt', uri: 'file:///report.txt', bytes: new TextEncoder().encode(text) }, { config: DEFAULT_CONFIG });

describe('pdftotext -layout text with blank cells', () => {
  it('puts every figure of table 3 back in its column by where it stands, page by page', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, fc.func(fc.boolean()), async (report, blank) => {
        const text = layoutText(report, (r, k) => blank(r, k));
        const result = await read(text);
        const wrong = applicationPaths(report.format)
          .filter((path) => valueAt(result.tables, path as CellPath) !== report.values[path])
          .map((path) => `${path}: ${valueAt(result.tables, path as CellPath)} ≠ ${report.values[path]}`);
        assert.deepEqual(wrong, [], text);
        assert.equal(result.status, 'valid', result.findings.map((f) => f.message).join('\n'));
      }),
      { numRuns: 40 },
    );
  });

  it('takes a label alone on its line for a row printed blank only where rows print label and figures side by side', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const blankZeros = { ...report, quirks: { ...report.quirks, blankZeros: true } };
        const form = APPLICATION_ROWS[report.format];
        const blanks = (text: string) => {
          const { lines } = layoutFromText(text);
          return laidOutBlankRows(lines, 0, lines.length, form).rows.size;
        };
        // pdftotext without -layout: every label, then every figure, each on lines of their own
        assert.equal(blanks(labelsThenFigures(blankZeros)), 0);
      }),
      { numRuns: 40 },
    );
  });

  it('never takes figures alone on their lines for a grid (pdftotext without -layout): a misread is never valid', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (report) => {
        const result = await read(labelsThenFigures({ ...report, quirks: { ...report.quirks, blankZeros: true } }));
        const misread = applicationPaths(report.format).filter((path) => {
          const got = valueAt(result.tables, path as CellPath);
          return got !== null && got !== undefined && got !== report.values[path];
        });
        if (misread.length > 0) assert.notEqual(result.status, 'valid', misread.join('\n'));
      }),
      { numRuns: 40 },
    );
  });

  // tests/support/layout-text.ts: rows printed wholly blank (their label alone), labels wrapped
  // over two or three lines with the figures on the first or the middle one, group labels broken
  // into pieces between their items' lines, a page break shifting the columns
  it('reads rows printed blank as rows of zeros, and wrapped and broken labels as the rows they are', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzDocArb({ styles: ['layout'] }), async (doc) => {
        const result = await readFuzzDoc(doc);
        const score = scoreResult(doc, result);
        const findings = result.findings.map((f) => `${f.rule}: ${f.message}`).join('\n');
        assert.deepEqual(score.wrong, [], doc.text);
        assert.deepEqual(score.nullSilent, [], doc.text);
        assert.equal(result.status, 'valid', `${findings}\n${doc.text}`);
      }),
      { numRuns: 60 },
    );
  });

  it('never reads such text as valid when a cell is misread, and still reports an injected inconsistency', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzDocArb({ styles: ['layout'], inject: true }), async (doc) => {
        const result = await readFuzzDoc(doc);
        const score = scoreResult(doc, result);
        assert.deepEqual(score.wrong, [], doc.text);
        const unread = doc.injected!.some((path) => valueAt(result.tables, path as CellPath) == null);
        if (!unread) assert.equal(result.status, 'invalid', doc.text);
      }),
      { numRuns: 40 },
    );
  });
});
