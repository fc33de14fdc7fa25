import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { explainRule } from '../../lib/render/rule-explanations.ts';

/**
 * Keeps the rules, their tests and their documentation together: every rule id the code can
 * report has a passing and a failing case here (`ruleCases('<id>'` in tests/rules), is in the
 * rule tables of docs/format.md and the README, and has an explanation in the HTML report.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Rule ids written in lib/ as `rule: '<id>'` or `startRun('<id>')` (a rule that counts what it checked), and `document.<reason>` for every UnreadableReason. */
function ruleIdsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files('lib')) {
    for (const [, id] of read(file).matchAll(/(?:rule: |startRun\()'([a-z][A-Za-z]*\.[A-Za-z]+)'/g))
      found.set(id!, relative(ROOT, join(ROOT, file)));
  }
  const reasons = /export type UnreadableReason =([^;]+);/.exec(read('lib/read/read-result.ts'))?.[1] ?? '';
  const unreadable = read('lib/unreadable-result.ts');
  const extra = /reason: UnreadableReason((?:\s*\|\s*'\w+')+)/.exec(unreadable)?.[1] ?? '';
  for (const [, reason] of `${reasons}${extra}`.matchAll(/'(\w+)'/g)) found.set(`document.${reason}`, 'lib/read/read-result.ts');
  return found;
}

/** Rule ids in the first column of a markdown table that has a `rule` header; `document.*` expands to its listed reasons. */
function ruleIdsInTable(markdown: string): Set<string> {
  const ids = new Set<string>();
  let inRuleTable = false;
  let previous = '';
  for (const line of markdown.split('\n')) {
    const first = /^\|([^|]+)\|/.exec(line)?.[1];
    if (first !== undefined && !previous.startsWith('|')) inRuleTable = /^\s*rule\b/.test(first);
    previous = line;
    if (first === undefined || !inRuleTable) continue;
    for (const [, id] of first.matchAll(/`([a-z][A-Za-z]*\.[A-Za-z*]+)`/g)) ids.add(id!);
    if (first.includes('`document.*`')) for (const [, reason] of line.matchAll(/`(\w+)`/g)) ids.add(`document.${reason}`);
  }
  ids.delete('document.*');
  return ids;
}

function ruleIdsTested(): Set<string> {
  const ids = new Set<string>();
  for (const file of files('tests/rules')) {
    for (const [, id] of read(file).matchAll(/ruleCases\(\s*'([a-z][A-Za-z]*\.[A-Za-z]+)'/g)) ids.add(id!);
  }
  return ids;
}

describe('every rule', () => {
  const code = ruleIdsInCode();
  const rules = [...code.keys()].sort();

  it('is found in the code (the scan still sees how findings are written)', () => {
    // a family with no id found means findings are written in a way the scan above does not see
    const families = ['applications', 'reviewLitigation', 'proactive', 'narrative', 'structure', 'value', 'ocr', 'document'];
    assert.deepEqual(
      families.filter((family) => !rules.some((id) => id.startsWith(`${family}.`))),
      [],
    );
    assert.ok(rules.includes('document.timeout') && rules.includes('document.internalError'), rules.join(', '));
  });

  it('has a passing and a failing case in tests/rules', () => {
    const tested = ruleIdsTested();
    assert.deepEqual(
      rules.filter((id) => !tested.has(id)),
      [],
      'add ruleCases(<id>, …) to a file in tests/rules',
    );
    assert.deepEqual(
      [...tested].filter((id) => !code.has(id)),
      [],
      'a rule tested here that the code no longer reports',
    );
  });

  for (const doc of ['docs/format.md', 'README.md']) {
    it(`is in the rule table of ${doc}, and the table lists no rule the code lacks`, () => {
      const documented = ruleIdsInTable(read(doc));
      assert.deepEqual(
        rules.filter((id) => !documented.has(id)),
        [],
      );
      assert.deepEqual(
        [...documented].filter((id) => !code.has(id)),
        [],
      );
    });
  }

  it('is explained in the HTML report', () => {
    assert.deepEqual(
      rules.filter((id) => explainRule(id) === undefined),
      [],
    );
  });
});
