/**
 * The fuzz of the text readers: random consistent reports (both formats, random label quirks),
 * rendered in a random text style with random quirks, read back through the whole pipeline, and
 * scored cell by cell against the values printed: right, null (with a finding naming it) or wrong.
 * Used by tests/read/text-fuzz.test.ts and scripts/fuzz-text.ts (which prints the figures).
 */
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { type CellPath, valueAt } from '../../lib/model/cell-path.ts';
import { APPLICATION_ROWS, type FormatVersion } from '../../lib/model/form.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { quirksArb } from './quirks-arb.ts';
import { applicationPaths, makeConsistent, proactivePaths, reviewPaths, type SyntheticReport } from './synthetic-report.ts';
import { renderTextStyle, TEXT_STYLES, type TextQuirks, type TextStyle } from './synthetic-text.ts';

export interface FuzzDoc {
  report: SyntheticReport;
  style: TextStyle;
  textQuirks: TextQuirks;
  /** the one value changed so that exactly one sum breaks, when the document is meant to be wrong */
  injected?: string[];
  text: string;
}

/** A figure as agencies report them: mostly 0 or small, now and then larger. */
const figureArb = fc.oneof(
  { weight: 11, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 3, arbitrary: fc.integer({ min: 10, max: 99 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 2000 }) },
);

const textQuirksArb: fc.Arbitrary<TextQuirks> = fc.record({
  headings: fc.boolean(),
  bold: fc.boolean(),
  footers: fc.boolean(),
  splitRows: fc.boolean(),
  dataHeaders: fc.boolean(),
  fullWidthFigures: fc.boolean(),
  spacedFigures: fc.boolean(),
  linePerRow: fc.boolean(),
  blankHeaderRow: fc.boolean(),
});

/** A year with no case (table 4 all 0) or no application (table 3 all 0), as small agencies report. */
const quietArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constant('noCase' as const) },
  { weight: 1, arbitrary: fc.constant('noApplication' as const) },
);

/** Injections that break exactly one rule of a consistent table (as tests/tables/property.test.ts). */
const INJECTIONS: { rule: string; paths: string[] }[] = [
  { rule: 'reviewLitigation.total', paths: ['reviewLitigation.review.total'] },
  { rule: 'applications.resultTotal', paths: ['applications.results.granted.naturalPerson', 'applications.results.granted.total'] },
  { rule: 'applications.balance', paths: ['applications.carriedOver.commercialEnterprise', 'applications.carriedOver.total'] },
  { rule: 'applications.rowTotal', paths: ['applications.newlyReceived.total'] },
];

export function fuzzDocArb(options: { inject?: boolean; styles?: readonly TextStyle[] } = {}): fc.Arbitrary<FuzzDoc> {
  return fc
    .record({
      format: fc.constantFrom<FormatVersion>('2019', '2021'),
      figures: fc.array(figureArb, { minLength: 260, maxLength: 260 }),
      quirks: quirksArb,
      style: fc.constantFrom(...(options.styles ?? TEXT_STYLES)),
      textQuirks: textQuirksArb,
      injection: fc.nat({ max: INJECTIONS.length - 1 }),
      quiet: quietArb,
      seed: fc.nat(),
    })
    .map(({ format, figures, quirks, style, textQuirks, injection, quiet, seed }) => {
      const paths = [...proactivePaths(format), ...applicationPaths(format), ...reviewPaths()];
      const raw: Record<string, number> = {};
      paths.forEach((p, i) => {
        raw[p] = figures[i % figures.length]!;
      });
      // a year with no case, or no application at all: a table of zeros (printed all blank with blankZeros)
      if (quiet === 'noCase') for (const p of reviewPaths()) raw[p] = 0;
      if (quiet === 'noApplication') for (const p of applicationPaths(format)) raw[p] = 0;
      const values = makeConsistent(format, raw);
      let injected: string[] | undefined;
      if (options.inject) {
        injected = INJECTIONS[injection]!.paths;
        for (const p of injected) values[p] = (values[p] ?? 0) + 1;
      }
      const year = format === '2019' ? 2020 : 2023;
      const report: SyntheticReport = { format, agency: '某某市某某局', year, values, quirks };
      let state = seed;
      const pick = (n: number) => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return (state >>> 8) % n;
      };
      const text = renderTextStyle(report, style, textQuirks, pick);
      return { report, style, textQuirks, ...(injected ? { injected } : {}), text };
    });
}

export interface Score {
  right: number;
  /** null, with a finding naming the cell */
  nullFlagged: number;
  /** null with no finding naming it: a silent gap */
  nullSilent: string[];
  /** a number other than printed, named by no error finding: silently wrong */
  wrong: string[];
  /** a number other than printed, named by an error finding (a run split by its own row's total in a table the error made inconsistent) */
  wrongFlagged: string[];
}

/** Reads one fuzzed document through the whole pipeline. */
export async function readFuzzDoc(doc: FuzzDoc): Promise<Result> {
  const name = doc.style.startsWith('markdown') ? 'report.md' : 'report.txt';
  return processDocument({ name, uri: `file:///${name}`, bytes: new TextEncoder().encode(doc.text) }, { config: DEFAULT_CONFIG });
}

/** Every value of the form against the figure printed. */
export function scoreResult(doc: FuzzDoc, result: Result): Score {
  const score: Score = { right: 0, nullFlagged: 0, nullSilent: [], wrong: [], wrongFlagged: [] };
  const names = (path: string) => (f: Result['findings'][number]) => f.cells.some((c) => c === path || path.startsWith(`${c}.`));
  const named = (path: string) => result.status === 'unreadable' || result.findings.some(names(path));
  const namedByError = (path: string) => result.findings.some((f) => f.severity === 'error' && names(path)(f));
  for (const [path, want] of Object.entries(doc.report.values)) {
    if (!isFormPath(path, doc.report.format)) continue;
    const got = result.status === 'unreadable' ? null : valueAt(result.tables, path as CellPath);
    if (got === want) score.right++;
    else if (got === null || got === undefined) {
      if (named(path)) score.nullFlagged++;
      else score.nullSilent.push(path);
    } else if (namedByError(path)) score.wrongFlagged.push(`${path}: ${got} ≠ ${want}`);
    else score.wrong.push(`${path}: ${got} ≠ ${want}`);
  }
  return score;
}

function isFormPath(path: string, format: FormatVersion): boolean {
  if (!path.startsWith('applications.')) return true;
  return APPLICATION_ROWS[format].some((r) => path.startsWith(`applications.${r.id}.`));
}
