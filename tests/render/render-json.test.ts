import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Result, ResultSchema } from '../../lib/model/result.ts';
import { InvalidResultError, renderResultJson } from '../../lib/render/outputs.ts';
import { result2019, result2021 } from './result-fixtures.ts';

/** The same object with every key order reversed, at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('renderResultJson', () => {
  for (const [name, make] of [
    ['2021', result2021],
    ['2019', result2019],
  ] as const) {
    it(`round-trips a format ${name} result, 2-space indented with a trailing newline`, () => {
      const result = make();
      const json = renderResultJson(result);
      assert.ok(json.endsWith('}\n'));
      assert.match(
        json,
        /^{\n {2}"schemaVersion": 1,\n {2}"goujiVersion": "[^"]+",\n {2}"version": 1,\n {2}"status": "invalid",\n {2}"source": {/,
      );
      assert.deepEqual(ResultSchema.parse(JSON.parse(json)), result);
    });

    it(`writes keys in the schema's order whatever order they came in (format ${name})`, () => {
      const result = make();
      const shuffled = reversedKeys(result) as Result;
      assert.notEqual(JSON.stringify(shuffled), JSON.stringify(result));
      assert.ok(renderResultJson(shuffled) === renderResultJson(result), 'output depends on input key order');
      assert.deepEqual(
        Object.keys(JSON.parse(renderResultJson(shuffled))),
        Object.keys(ResultSchema.shape).filter((key) => key in result),
      );
    });
  }

  it('lists cell sources in the order of the form', () => {
    const parsed = JSON.parse(renderResultJson(result2021()));
    assert.deepEqual(Object.keys(parsed.cells), [
      'applications.newlyReceived.naturalPerson',
      'applications.newlyReceived.total',
      'applications.carriedForward.total',
    ]);
  });

  it('keeps table rows in the form order of the format', () => {
    const parsed = JSON.parse(renderResultJson(reversedKeys(result2019()) as Result));
    assert.deepEqual(Object.keys(parsed.tables.applications.newlyReceived), [
      'naturalPerson',
      'commercialEnterprise',
      'researchInstitution',
      'socialWelfareOrganization',
      'legalServiceInstitution',
      'otherOrganization',
      'total',
    ]);
    assert.equal(parsed.tables.applications.results.otherHandling.total, 2);
  });

  it('refuses a result that breaks its own schema with a typed error', () => {
    const broken = { ...result2021(), status: 'maybe' } as unknown as Result;
    assert.throws(
      () => renderResultJson(broken),
      (e: unknown) => e instanceof InvalidResultError && !e.retryable,
    );
  });
});
