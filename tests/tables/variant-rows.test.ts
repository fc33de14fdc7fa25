import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type FormatVersion } from '../../lib/model/form.ts';
import { readHtml } from '../../lib/read/html/read-html.ts';
import { layoutFromText } from '../../lib/read/text/text-layout.ts';
import { validateTables } from '../../lib/rules/validate.ts';
import { extractTables } from '../../lib/tables/extract-tables.ts';
import { quirksArb } from '../support/quirks-arb.ts';
import { flatten } from '../support/samples.ts';
import {
  applicationPaths,
  makeConsistent,
  proactivePaths,
  type Quirks,
  renderText,
  reviewPaths,
  type SyntheticReport,
  type TextLayout,
  TYPO_ROW,
  withTypo,
} from '../support/synthetic-report.ts';

/** Issue 8: rows printed otherwise than the form — merged, wrapped, misspelt — read in general. */
const LAYOUTS: TextLayout[] = ['tabs', 'cells', 'html'];
const OTHER = 'applications.results.otherHandling';

function parse(report: SyntheticReport, layout: TextLayout) {
  const text = renderText(report, layout);
  const outcome = layout === 'html' ? readHtml(new TextEncoder().encode(text)) : { ok: true as const, layout: layoutFromText(text) };
  assert.ok(outcome.ok);
  const extracted = extractTables(outcome.layout);
  const findings = [
    ...extracted.findings,
    ...validateTables({
      tables: extracted.tables,
      format: report.format,
      overview: extracted.overview,
      cells: extracted.cells,
      ocrConfidenceThreshold: 0.8,
      mergedRows: extracted.mergedRows,
    }),
  ];
  return { ...extracted, findings };
}

function reportArb(format: FormatVersion, quirks: Quirks) {
  return fc
    .record({
      seed: fc.array(fc.nat({ max: 300 }), { minLength: 300, maxLength: 300 }),
      zeros: fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
      extra: quirksArb,
    })
    .map(({ seed, zeros, extra }) => {
      const paths = [...proactivePaths(format), ...applicationPaths(format), ...reviewPaths()];
      const raw: Record<string, number> = {};
      paths.forEach((p, i) => {
        raw[p] = zeros[i % 300] ? 0 : seed[i % 300]!;
      });
      const year = format === '2019' ? 2020 : 2023;
      return {
        format,
        agency: '某某县某某局',
        year,
        values: makeConsistent(format, raw),
        quirks: { ...extra, ...quirks },
      } satisfies SyntheticReport;
    });
}

const errors = (findings: { severity: string; rule: string }[]) => findings.filter((f) => f.severity === 'error').map((f) => f.rule);
const RUNS = 20;

describe('（六）其他处理 printed as one row in a 2021 report', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: reads the row as the group's sum, leaves the items null, warns, and adds no error`, () => {
      fc.assert(
        fc.property(reportArb('2021', { mergedOtherHandling: true }), (report) => {
          const got = parse(report, layout);
          const values = flatten(got.tables);
          for (const [path, want] of Object.entries(report.values)) {
            if (path.startsWith(`${OTHER}.`)) assert.equal(values[path], null, `${path} must not be invented`);
            else assert.equal(values[path], want, path);
          }
          const merged = got.mergedRows[OTHER];
          assert.ok(merged, 'merged row kept');
          for (const col of APPLICANT_COLUMNS) {
            const sum = ['noCorrection', 'unpaidFees', 'other'].reduce((n, item) => n + report.values[`${OTHER}.${item}.${col.id}`]!, 0);
            assert.equal((merged.values as Record<string, number | null>)[col.id], sum, col.id);
          }
          assert.deepEqual(errors(got.findings), []);
          assert.ok(got.findings.some((f) => f.rule === 'structure.mergedRow' && f.severity === 'warning'));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('uses the merged row in （七）总计: an item one too high still breaks applications.resultTotal', () => {
    fc.assert(
      fc.property(reportArb('2021', { mergedOtherHandling: true }), fc.constantFrom(...LAYOUTS), (report, layout) => {
        const values = { ...report.values };
        for (const path of ['applications.results.granted.naturalPerson', 'applications.results.granted.total']) values[path]! += 1;
        assert.deepEqual([...new Set(errors(parse({ ...report, values }, layout).findings))], ['applications.resultTotal']);
      }),
      { numRuns: RUNS },
    );
  });

  it('and a merged row whose own total is off breaks applications.rowTotal', () => {
    fc.assert(
      fc.property(reportArb('2021', { mergedOtherHandling: true }), fc.constantFrom(...LAYOUTS), (report, layout) => {
        const values = { ...report.values };
        // the printed merged total is the sum of the items' totals: raise one item total alone
        values[`${OTHER}.other.total`]! += 1;
        values['applications.results.total.total']! += 1;
        values['applications.carriedForward.total']! -= 1;
        if (values['applications.carriedForward.total']! < 0) return;
        const rules = new Set(errors(parse({ ...report, values }, layout).findings));
        assert.ok(rules.has('applications.rowTotal'), [...rules].join());
      }),
      { numRuns: RUNS },
    );
  });
});

describe('（六）其他处理 printed as the 2021 form’s three rows in a 2019 report', () => {
  it('reads the form row as their sum, says so, and adds no error', () => {
    fc.assert(
      fc.property(reportArb('2019', { splitOtherHandling: true }), fc.constantFrom(...LAYOUTS), (report, layout) => {
        const got = parse(report, layout);
        assert.equal(got.report.formatVersion, '2019');
        const values = flatten(got.tables);
        for (const [path, want] of Object.entries(report.values)) assert.equal(values[path], want, path);
        assert.deepEqual(errors(got.findings), []);
        assert.ok(got.findings.some((f) => f.rule === 'structure.splitRow' && f.severity === 'warning'));
        assert.equal(got.cells[`${OTHER}.total`]?.method, 'arithmetic');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a row label with a typo', () => {
  for (const format of ['2019', '2021'] as const) {
    it(`${format}: is matched by similarity, every value right, and named in a structure.nonStandardLabel warning`, () => {
      const def = APPLICATION_ROWS[format].find((r) => r.id === TYPO_ROW)!;
      fc.assert(
        fc.property(reportArb(format, { labelTypo: true }), fc.constantFrom(...LAYOUTS), (report, layout) => {
          const got = parse(report, layout);
          const values = flatten(got.tables);
          for (const [path, want] of Object.entries(report.values)) assert.equal(values[path], want, path);
          assert.deepEqual(errors(got.findings), []);
          const warnings = got.findings.filter((f) => f.rule === 'structure.nonStandardLabel');
          assert.equal(warnings.length, 1, JSON.stringify(warnings));
          const typo = withTypo(def.label).slice(2);
          assert.ok(warnings[0]!.message.includes(typo), warnings[0]!.message);
          assert.ok(warnings[0]!.message.includes(def.label.slice(2)), warnings[0]!.message);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('a long row label wrapped onto a line of blank cells', () => {
  it('is joined to its row: every value right, no extra row, no label warning', () => {
    fc.assert(
      fc.property(fc.constantFrom<FormatVersion>('2019', '2021'), fc.constantFrom(...LAYOUTS), fc.nat(), (format, layout, k) => {
        const report = fc.sample(reportArb(format, { wrappedLabel: true }), { numRuns: 1, seed: k })[0]!;
        const got = parse(report, layout);
        const values = flatten(got.tables);
        for (const [path, want] of Object.entries(report.values)) assert.equal(values[path], want, path);
        assert.deepEqual(errors(got.findings), []);
        assert.deepEqual(
          got.findings
            .filter((f) => f.rule === 'structure.nonStandardLabel' || (f.rule === 'structure.extraRow' && !report.quirks?.subtotalRow))
            .map((f) => f.message),
          [],
        );
      }),
      { numRuns: RUNS },
    );
  });
});
