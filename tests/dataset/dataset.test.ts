import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DATASET_COLUMNS, type DatasetTable } from '../../lib/dataset/columns.ts';
import { resultCells } from '../../lib/dataset/rows.ts';
import { HONGZE_BREAK_YEAR, hongzeSeries, SUYU_MERGED_YEAR } from '../support/agency-series.ts';
import { type ArchiveBatch, buildArchiveBatch } from '../support/archive-batch.ts';
import { REAL_AVAILABLE } from '../support/samples.ts';

const DOC = readFileSync(new URL('../../docs/dataset.md', import.meta.url), 'utf8');
/** The SQL examples of docs/dataset.md that read the local files, in order. */
const QUERIES = [...DOC.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((q) => q.includes("'dataset/"));

const DUCKDB_TYPES: Record<string, string> = {
  string: 'VARCHAR',
  int: 'INTEGER',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  'array<string>': 'VARCHAR[]',
  'array<double>': 'DOUBLE[]',
};

describe('the archive dataset (Parquet, queried with DuckDB)', () => {
  let batch: ArchiveBatch;
  let db: DuckDBConnection;
  const rows = async (sql: string) =>
    (await db.runAndReadAll(sql.replaceAll("'dataset/", `'${join(batch.out, 'dataset')}/`))).getRowObjectsJS();

  const one = async (sql: string, column: string) => (await rows(sql))[0]?.[column];

  before(async () => {
    batch = buildArchiveBatch();
    db = await (await DuckDBInstance.create(':memory:')).connect();
  });
  after(() => db?.closeSync());

  it('writes the three files with the documented columns and types', async () => {
    for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
      const described = await rows(`DESCRIBE SELECT * FROM 'dataset/${table}.parquet'`);
      assert.deepEqual(
        described.map((r) => [r['column_name'], r['column_type']]),
        DATASET_COLUMNS[table].map((c) => [c.name, DUCKDB_TYPES[c.type]]),
        table,
      );
      for (const column of DATASET_COLUMNS[table])
        assert.ok(DOC.includes(`| \`${column.name}\` |`), `docs/dataset.md documents ${table}.${column.name}`);
    }
  });

  it('holds one row per document, per value and per finding of every result under --out', async () => {
    const results = [...batch.results.values()];
    const reports = await one(`SELECT count(*) AS n FROM 'dataset/reports.parquet'`, 'n');
    assert.equal(Number(reports), results.length);
    assert.ok(results.length >= 17 + 8 + 8 + 2 + 5 + 2, `${results.length} results`);
    const cells = await one(`SELECT count(*) AS n FROM 'dataset/cells.parquet'`, 'n');
    assert.equal(
      Number(cells),
      results.reduce((n, r) => n + resultCells(r).length, 0),
    );
    const findings = await one(`SELECT count(*) AS n FROM 'dataset/findings.parquet'`, 'n');
    assert.equal(
      Number(findings),
      results.reduce((n, r) => n + r.findings.length, 0),
    );
    // every blank a warning named is a `blank` (or “/”-like) cell, and no other cell is
    const blanks = results.reduce(
      (n, r) => n + r.findings.filter((f) => f.rule === 'value.blankCell').reduce((m, f) => m + f.cells.length, 0),
      0,
    );
    const semanticBlanks = await one(`SELECT count(*) AS n FROM 'dataset/cells.parquet' WHERE semantic IN ('blank', 'notApplicable')`, 'n');
    assert.equal(Number(semanticBlanks), blanks);
    if (REAL_AVAILABLE) assert.ok(batch.results.has('real/suqian-2024.txt'), 'the real multi-year pair is in the batch');
  });

  it('keeps a row printed merged as its group’s figures, its member rows marked merged', async () => {
    const key = `series/suyu-${SUYU_MERGED_YEAR}.txt`;
    const merged = batch.results.get(key)?.mergedRows?.['applications.results.otherHandling'];
    assert.ok(merged, 'the merged （六） row was read');
    const group = await rows(
      `SELECT column_id, value FROM 'dataset/cells.parquet' WHERE document = '${key}' AND row_id = 'results.otherHandling' ORDER BY column_id`,
    );
    assert.deepEqual(new Map(group.map((r) => [r['column_id'], r['value']])), new Map(Object.entries(merged.values)));
    const members = await one(
      `SELECT count(*) AS n FROM 'dataset/cells.parquet' WHERE document = '${key}' AND semantic = 'merged' AND value IS NULL`,
      'n',
    );
    assert.equal(Number(members), merged.members.length * 7);
  });

  it('answers the three documented queries as the results say', async () => {
    assert.equal(QUERIES.length, 3, 'docs/dataset.md has three local queries');
    const results = [...batch.results.values()];
    const byStatus = await rows(QUERIES[0]!);
    for (const status of ['invalid', 'unreadable', 'valid']) {
      const want = results.filter((r) => r.status === status).length;
      assert.equal(Number(byStatus.find((r) => r['status'] === status)?.['reports'] ?? 0), want, status);
    }

    const byRule = await rows(QUERIES[1]!);
    const expected = new Map<string, number>();
    for (const r of results)
      for (const rule of new Set(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule)))
        expected.set(rule, (expected.get(rule) ?? 0) + 1);
    assert.deepEqual(new Map(byRule.map((r) => [r['rule'] as string, Number(r['reports'])])), expected);
    assert.ok(expected.get('applications.carryOverContinuity') === 1, 'the injected break is one report’s error');

    const trend = (await rows(QUERIES[2]!)).filter((r) => r['agency_key'] === '洪泽区人民政府');
    const series = hongzeSeries();
    assert.deepEqual(
      trend.map((r) => [r['year'], r['newly_received']]),
      series.map((y) => [y.year, y.values['applications.newlyReceived.total']]),
    );
    assert.equal(trend[0]!['change'], null);
    assert.equal(
      trend[1]!['change'],
      series[1]!.values['applications.newlyReceived.total']! - series[0]!.values['applications.newlyReceived.total']!,
    );
    const sql = `SELECT status FROM 'dataset/reports.parquet' WHERE agency_key = '洪泽区人民政府' AND year = ${HONGZE_BREAK_YEAR}`;
    const status = await one(sql, 'status');
    assert.equal(status, 'invalid');
  });
});
