import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FormatVersion } from '../../lib/model/form.ts';
import { readHtml } from '../../lib/read/html/read-html.ts';
import { layoutFromText } from '../../lib/read/text/text-layout.ts';
import { valueAt } from '../../lib/rules/figures.ts';
import { validateTables } from '../../lib/rules/validate.ts';
import { extractTables } from '../../lib/tables/extract-tables.ts';
import { quirksArb } from '../support/quirks-arb.ts';
import {
  applicationPaths,
  makeConsistent,
  proactivePaths,
  renderText,
  reviewPaths,
  type SyntheticReport,
  type TextLayout,
} from '../support/synthetic-report.ts';

const LAYOUTS: TextLayout[] = ['tabs', 'cells', 'html'];

function parse(report: SyntheticReport, layout: TextLayout) {
  const text = renderText(report, layout);
  const outcome = layout === 'html' ? readHtml(new TextEncoder().encode(text)) : { ok: true as const, layout: layoutFromText(text) };
  assert.ok(outcome.ok);
  return extractTables(outcome.layout);
}

const reportArb = fc
  .record({
    format: fc.constantFrom<FormatVersion>('2019', '2021'),
    seed: fc.array(fc.nat({ max: 400 }), { minLength: 300, maxLength: 300 }),
    zeros: fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
    quirks: quirksArb,
  })
  .map(({ format, seed, zeros, quirks }) => {
    const paths = [...proactivePaths(format), ...applicationPaths(format), ...reviewPaths()];
    const raw: Record<string, number> = {};
    paths.forEach((p, i) => {
      raw[p] = zeros[i % 300] ? 0 : seed[i % 300]!;
    });
    const year = format === '2019' ? 2020 : 2023;
    return { format, agency: '某某市某某局', year, values: makeConsistent(format, raw), quirks } satisfies SyntheticReport;
  });

describe('property: consistent tables round-trip through every text layout', () => {
  for (const layout of LAYOUTS) {
    it(`parses back the same values from the ${layout} layout, with no error finding`, () => {
      fc.assert(
        fc.property(reportArb, (report) => {
          const extracted = parse(report, layout);
          assert.equal(extracted.report.formatVersion, report.format);
          for (const path of [...proactivePaths(report.format), ...applicationPaths(report.format), ...reviewPaths()]) {
            const value = report.values[path];
            assert.equal(valueAt(extracted.tables, path), value, `${layout} ${report.format} ${path} ${JSON.stringify(report.quirks)}`);
          }
          const findings = validateTables({
            tables: extracted.tables,
            format: report.format,
            overview: extracted.overview,
            cells: extracted.cells,
            ocrConfidenceThreshold: 0.8,
          });
          assert.deepEqual(
            findings.filter((f) => f.severity === 'error'),
            [],
            JSON.stringify(report.quirks),
          );
          assert.deepEqual(
            findings.filter((f) => f.rule === 'narrative.tableMismatch'),
            [],
          );
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe('property: one injected inconsistency fires exactly its rule', () => {
  const injections: { rule: string; pick: (format: FormatVersion) => string[] }[] = [
    { rule: 'reviewLitigation.total', pick: () => ['reviewLitigation.review.total', 'reviewLitigation.litigationDirect.total'] },
    // an item one too high with its row total kept in step breaks only （七）总计
    { rule: 'applications.resultTotal', pick: () => ['applications.results.granted.naturalPerson+applications.results.granted.total'] },
    // 上年结转 one too high in a column and its total breaks only the balance
    { rule: 'applications.balance', pick: () => ['applications.carriedOver.commercialEnterprise+applications.carriedOver.total'] },
  ];
  for (const { rule, pick } of injections) {
    it(`reports ${rule} and no other error`, () => {
      fc.assert(
        fc.property(reportArb, fc.constantFrom(...LAYOUTS), fc.nat(), (report, layout, k) => {
          const choices = pick(report.format);
          const paths = choices[k % choices.length]!.split('+');
          const values = { ...report.values };
          for (const p of paths) values[p] = (values[p] ?? 0) + 1;
          const extracted = parse({ ...report, values }, layout);
          const findings = validateTables({
            tables: extracted.tables,
            format: report.format,
            overview: '',
            cells: extracted.cells,
            ocrConfidenceThreshold: 0.8,
          });
          const rules = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule));
          assert.deepEqual([...rules], [rule]);
        }),
        { numRuns: 15 },
      );
    });
  }
});
