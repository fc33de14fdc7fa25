import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GoujiStack } from '../../infra/gouji-stack.ts';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { datasetKeyOf } from '../../lib/dataset/bucket-layout.ts';
import type { DatasetTable } from '../../lib/dataset/columns.ts';
import { datasetParquet } from '../../lib/dataset/parquet.ts';
import { processDocument } from '../../lib/process-document.ts';
import { hongzeSeries } from '../support/agency-series.ts';

// DuckDB's names for the Parquet types the files hold, in Hive/Glue terms.
const HIVE: Record<string, string> = {
  VARCHAR: 'string',
  INTEGER: 'int',
  DOUBLE: 'double',
  BOOLEAN: 'boolean',
  'VARCHAR[]': 'array<string>',
  'DOUBLE[]': 'array<double>',
};
const TABLES: DatasetTable[] = ['reports', 'cells', 'findings'];

describe('the archive dataset in the stack (Glue + Athena)', () => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new GoujiStack(app, 'Gouji', { ocrEngine: 'textract' });
  const template = Template.fromStack(stack);
  const glueTables = Object.values(template.findResources('AWS::Glue::Table'));
  const dir = mkdtempSync(join(tmpdir(), 'gouji-glue-'));
  const files: Record<string, string> = {};

  before(async () => {
    // the files the bucket gets for one result, written by the same code the Lambda runs
    const [year] = hongzeSeries();
    const result = await processDocument(
      { name: year!.name, uri: `s3://b/incoming/${year!.name}`, bytes: new TextEncoder().encode(year!.text) },
      { config: DEFAULT_CONFIG },
    );
    for (const table of TABLES) {
      files[table] = join(dir, `${table}.parquet`);
      writeFileSync(files[table]!, datasetParquet(table, [{ document: year!.name, path: `incoming/${year!.name}`, result }], true));
    }
  });

  it('defines one Glue table per dataset file, whose columns are the file’s columns and types', async () => {
    assert.deepEqual(glueTables.map((t) => t['Properties']['TableInput']['Name']).sort(), [...TABLES].sort());
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    for (const table of TABLES) {
      const input = glueTables.find((t) => t['Properties']['TableInput']['Name'] === table)!['Properties']['TableInput'];
      const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${files[table]}'`)).getRowObjectsJS();
      assert.deepEqual(
        input['StorageDescriptor']['Columns'].map((c: { Name: string; Type: string }) => [c.Name, c.Type]),
        described.map((r) => [r['column_name'], HIVE[r['column_type'] as string]]),
        table,
      );
      assert.deepEqual(input['PartitionKeys'], [{ Name: 'year', Type: 'int' }]);
      assert.equal(
        input['StorageDescriptor']['SerdeInfo']['SerializationLibrary'],
        'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      );
    }
    db.closeSync();
  });

  it('projects the year partition where the bucket writer puts each file', () => {
    for (const table of TABLES) {
      const input = glueTables.find((t) => t['Properties']['TableInput']['Name'] === table)!['Properties']['TableInput'];
      const template = JSON.stringify(input['Parameters']['storage.location.template']);
      assert.equal(input['Parameters']['projection.enabled'], 'true');
      const years = String(input['Parameters']['projection.year.values']).split(',').map(Number);
      assert.ok(years.includes(0) && years.includes(2023), 'unknown (0) and the report years are projected');
      // the template, with the bucket and year filled in, is the folder of the key the writer uses
      const key = datasetKeyOf(table, 2023, 'abc');
      const folder = key.slice(0, key.lastIndexOf('/') + 1);
      const projected = folder.replace('year=2023', 'year=$' + '{year}');
      assert.ok(template.includes(`/${projected}`), `${template} ~ ${projected}`);
    }
  });

  it('adds an Athena workgroup whose results are encrypted, outside incoming/', () => {
    const [workGroup] = Object.values(template.findResources('AWS::Athena::WorkGroup'));
    const config = workGroup!['Properties']['WorkGroupConfiguration'];
    assert.equal(config['EnforceWorkGroupConfiguration'], true);
    assert.equal(config['ResultConfiguration']['EncryptionConfiguration']['EncryptionOption'], 'SSE_S3');
    assert.match(JSON.stringify(config['ResultConfiguration']['OutputLocation']), /athena-results\//);
    template.resourceCountIs('AWS::Glue::Database', 1);
  });
});
