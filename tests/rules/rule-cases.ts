// One passing and one failing case per rule id. `tests/rules/every-rule.test.ts` finds every
// `ruleCases('<id>'` call under tests/rules and fails when a rule id of the code has none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Config, DEFAULT_CONFIG } from '../../lib/config.ts';
import type { CellPath } from '../../lib/model/cell-path.ts';
import type { FormatVersion } from '../../lib/model/form.ts';
import { type CellSource, type Finding, ResultSchema, type Severity } from '../../lib/model/result.ts';
import { type Tables, TablesSchema } from '../../lib/model/tables.ts';
import type { OcrEngine } from '../../lib/ports/ocr-engine.ts';
import { processDocument } from '../../lib/process-document.ts';
import { validateTables } from '../../lib/rules/validate.ts';
import { GENERATED } from '../support/samples.ts';

export interface RuleCase {
  /** what the input is, in a few words: it names the test */
  what: string;
  /** the findings gouji reports for that input */
  findings: () => Finding[] | Promise<Finding[]>;
}

export interface FailingCase extends RuleCase {
  /** further checks on the rule's finding: the cells it names, the words of its message */
  check?: (finding: Finding) => void;
}

/**
 * `passes`: an input the rule must stay silent on (a consistent or readable report); `fails`: the
 * smallest change that breaks the rule, which must raise it with its documented severity.
 */
export function ruleCases(rule: string, severity: Severity, cases: { passes: RuleCase; fails: FailingCase }): void {
  describe(rule, () => {
    it(`passes: ${cases.passes.what}`, async () => {
      const findings = await cases.passes.findings();
      assert.deepEqual(
        findings.filter((f) => f.rule === rule),
        [],
      );
    });
    it(`fails: ${cases.fails.what}`, async () => {
      const findings = await cases.fails.findings();
      const finding = findings.find((f) => f.rule === rule);
      assert.ok(finding, `expected ${rule}, got ${findings.map((f) => f.rule).join(', ') || 'no finding'}`);
      assert.equal(finding.severity, severity);
      assert.ok(finding.message.length > 0);
      cases.fails.check?.(finding);
    });
  });
}

/** The printed tables of a generated sample (its truth file), checked against the schema. */
export function sampleTables(id: string): Tables {
  const truth = JSON.parse(readFileSync(join(GENERATED, 'truth', `${id}.json`), 'utf8')) as { tables: unknown };
  return TablesSchema.parse(truth.tables);
}

/** A copy of the tables with the figure at a dotted path changed. */
export function withValue(tables: Tables, path: CellPath, change: (value: number) => number | null): Tables {
  const copy: Record<string, unknown> = structuredClone(tables);
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  const value = node[last];
  assert.equal(typeof value, 'number', `${path} holds a number`);
  node[last] = change(value as number);
  return TablesSchema.parse(copy);
}

/** Every rule one report is checked against on its own (validate.ts), as the use case runs them. */
export function validate(
  tables: Tables,
  format: FormatVersion,
  options: { overview?: string; cells?: Record<string, CellSource>; threshold?: number } = {},
): Finding[] {
  return validateTables({
    tables,
    format,
    overview: options.overview ?? '',
    cells: options.cells ?? {},
    ocrConfidenceThreshold: options.threshold ?? 0.8,
  });
}

/** The findings of the whole use case (bytes in, result out) for a file, as the CLI and Lambda run it. */
export async function processFile(name: string, bytes: Uint8Array, options: { config?: Config; ocr?: OcrEngine } = {}): Promise<Finding[]> {
  const result = await processDocument(
    { name, uri: `file:///in/${name}`, bytes },
    { config: options.config ?? DEFAULT_CONFIG, ...(options.ocr ? { ocr: options.ocr } : {}) },
  );
  return ResultSchema.parse(result).findings;
}

/** The findings for a plain-text (or HTML) report. */
export function processText(text: string, name = 'report.txt'): Promise<Finding[]> {
  return processFile(name, new TextEncoder().encode(text));
}

/** A generated sample's source text (`src/<id>.txt`), to edit into a failing case. */
export function sampleText(id: string): string {
  return readFileSync(join(GENERATED, 'src', `${id}.txt`), 'utf8');
}

/** Replaces the one line that contains `marker` (the test fails if there is not exactly one). */
export function editLine(text: string, marker: string, edit: (line: string) => string | undefined): string {
  const lines = text.split('\n');
  const at = lines.flatMap((line, index) => (line.includes(marker) ? [index] : []));
  assert.equal(at.length, 1, `one line contains “${marker}”`);
  const edited = edit(lines[at[0]!]!);
  if (edited === undefined) lines.splice(at[0]!, 1);
  else lines[at[0]!] = edited;
  return lines.join('\n');
}
