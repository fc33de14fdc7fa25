import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type CellPath, valueAt } from '../../lib/model/cell-path.ts';
import type { FormatVersion } from '../../lib/model/form.ts';
import { type Tables, type Tables2019, type Tables2021, TablesSchema } from '../../lib/model/tables.ts';
import { GENERATED } from '../support/samples.ts';
import { applicationPaths, proactivePaths, reviewPaths } from '../support/synthetic-report.ts';

// Compile-time checks (run by `npm run lint`'s tsc): a misspelt path does not type-check, and every
// cell the schema holds has a CellPath, so the type never rejects a real cell.
// @ts-expect-error 'newlyRecieved' is not a row of the form
const misspelt: CellPath = 'applications.newlyRecieved.total';
type Present<T> = { [K in keyof T]: NonNullable<T[K]> };
type LeafPaths<T, Prefix extends string = never> = [T] extends [number | null]
  ? Prefix
  : { [K in keyof T & string]: LeafPaths<T[K], [Prefix] extends [never] ? K : `${Prefix}.${K}`> }[keyof T & string];
type SchemaCell = LeafPaths<Present<Tables2021>> | LeafPaths<Present<Tables2019>>;
const everySchemaCellHasAPath: [Exclude<SchemaCell, CellPath>] extends [never] ? true : false = true;

function truthTables(format: FormatVersion): Tables {
  const id = format === '2021' ? 'h000' : 'h015';
  const truth = JSON.parse(readFileSync(join(GENERATED, 'truth', `${id}.json`), 'utf8')) as { tables: unknown };
  return TablesSchema.parse(truth.tables);
}

function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node === 'number') return [prefix];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('CellPath: the form and the tables schema name the same cells', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`every cell of a format-${format} report has a form path, and every form path finds a number`, () => {
      const tables = truthTables(format);
      const formPaths: string[] = [...proactivePaths(format), ...applicationPaths(format), ...reviewPaths()];
      assert.deepEqual([...formPaths].sort(), leaves(tables).sort());
      for (const path of [...proactivePaths(format), ...applicationPaths(format), ...reviewPaths()]) {
        assert.equal(typeof valueAt(tables, path), 'number', path);
      }
    });
  }

  it('reads null for an unreadable cell and undefined for a missing table or a row of the other format', () => {
    const tables = truthTables('2021');
    const unread = TablesSchema.parse({
      ...tables,
      reviewLitigation: { ...tables.reviewLitigation, review: { ...tables.reviewLitigation?.review, total: null } },
    });
    assert.equal(valueAt(unread, 'reviewLitigation.review.total'), null);
    assert.equal(valueAt({ ...tables, applications: null }, 'applications.newlyReceived.total'), undefined);
    assert.equal(valueAt(tables, 'applications.results.otherHandling.total'), undefined, 'a 2019 row in a 2021 report');
    assert.equal(misspelt, 'applications.newlyRecieved.total');
    assert.equal(everySchemaCellHasAPath, true);
  });
});
