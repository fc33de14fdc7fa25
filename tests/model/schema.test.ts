import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { resultJsonSchema } from '../../lib/model/result-json-schema.ts';

describe('schema/result.schema.json', () => {
  it('is current with the zod schema (run `npm run schema` after changing lib/model)', () => {
    const committed = readFileSync(new URL('../../schema/result.schema.json', import.meta.url), 'utf8');
    assert.equal(committed, resultJsonSchema());
  });

  it('names every rule-facing part of the result contract', () => {
    const schema = JSON.parse(resultJsonSchema());
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      'cells',
      'checks',
      'corrections',
      'evidence',
      'extraction',
      'findings',
      'goujiVersion',
      'mergedRows',
      'narrative',
      'report',
      'schemaVersion',
      'source',
      'status',
      'tables',
      'version',
    ]);
    assert.deepEqual(schema.properties.status.enum, ['valid', 'invalid', 'unreadable']);
  });
});

describe('GOUJI_VERSION', () => {
  it('is the package version (results record it; a new version redoes old results)', async () => {
    const { GOUJI_VERSION } = await import('../../lib/version.ts');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(GOUJI_VERSION, pkg.version);
  });
});
