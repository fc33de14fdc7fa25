import { Fn, Stack } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ATHENA_RESULTS_PREFIX, DATASET_PREFIX } from '../lib/dataset/bucket-layout.ts';
import { type ColumnDef, DATASET_COLUMNS, type DatasetTable, PARTITION_COLUMN, PARTITION_YEARS } from '../lib/dataset/columns.ts';

export interface ArchiveDatasetProps {
  /** the reports bucket: the dataset is under results/dataset/, Athena's query results under athena-results/ */
  bucket: IBucket;
  /** Glue database and Athena workgroup name (lower case, digits, underscores) */
  name: string;
  /** Athena stops a query that would scan more than this (default 10 GB) */
  bytesScannedCutoffPerQuery?: number;
}

const PARQUET = {
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  serdeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
};
const TEN_GB = 10 * 1024 ** 3;

/**
 * The archive dataset in the bucket as SQL: a Glue database with the tables reports, cells and
 * findings over `results/dataset/<table>/year=<year>/` (partition projection: no crawler), and an
 * Athena workgroup whose results are encrypted and kept under athena-results/. Columns come from
 * lib/dataset/columns.ts, the same definitions the Parquet writer follows.
 */
export class ArchiveDataset extends Construct {
  readonly database: CfnDatabase;
  readonly tables: Record<DatasetTable, CfnTable>;
  readonly workGroup: CfnWorkGroup;

  constructor(scope: Construct, id: string, props: ArchiveDatasetProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    this.database = new CfnDatabase(this, 'Database', {
      catalogId: account,
      databaseInput: { name: props.name, description: 'gouji: the archive of 政府信息公开工作年度报告 results (docs/dataset.md)' },
    });
    const tables: Partial<Record<DatasetTable, CfnTable>> = {};
    for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
      const location = Fn.join('', ['s3://', props.bucket.bucketName, `/${DATASET_PREFIX}${table}/`]);
      const cfn = new CfnTable(this, `${table[0]!.toUpperCase()}${table.slice(1)}Table`, {
        catalogId: account,
        databaseName: props.name,
        tableInput: {
          name: table,
          tableType: 'EXTERNAL_TABLE',
          description: `gouji ${table}: see docs/dataset.md`,
          parameters: {
            classification: 'parquet',
            'projection.enabled': 'true',
            [`projection.${PARTITION_COLUMN}.type`]: 'enum',
            [`projection.${PARTITION_COLUMN}.values`]: PARTITION_YEARS.join(','),
            'storage.location.template': Fn.join('', [location, `${PARTITION_COLUMN}=\${${PARTITION_COLUMN}}/`]),
          },
          partitionKeys: [{ name: PARTITION_COLUMN, type: 'int' }],
          storageDescriptor: { ...PARQUET, location, columns: glueColumns(DATASET_COLUMNS[table]) },
        },
      });
      cfn.node.addDependency(this.database);
      tables[table] = cfn;
    }
    this.tables = tables as Record<DatasetTable, CfnTable>;
    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: props.name,
      description: 'gouji: SQL over the archive dataset',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? TEN_GB,
        resultConfiguration: {
          outputLocation: Fn.join('', ['s3://', props.bucket.bucketName, `/${ATHENA_RESULTS_PREFIX}`]),
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });
  }
}

/** A Glue database / Athena workgroup name from a stack name: lower case, digits and underscores. */
export function archiveNameOf(stackName: string): string {
  return stackName.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** The Glue columns of a table: every column but the partition, with Hive types. */
export function glueColumns(columns: readonly ColumnDef[]): { name: string; type: string; comment: string }[] {
  return columns.filter((c) => c.name !== PARTITION_COLUMN).map((c) => ({ name: c.name, type: c.type, comment: c.doc.slice(0, 255) }));
}
