import { type ColumnSource, parquetWriteBuffer, type SchemaElement } from 'hyparquet-writer';
import { type ColumnDef, type ColumnType, DATASET_COLUMNS, type DatasetTable } from './columns.ts';
import { type DatasetDocument, datasetRows, type Row } from './rows.ts';

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8' } as const;
const SCALARS: Record<Exclude<ColumnType, `array<${string}>`>, Partial<SchemaElement>> = {
  string: STRING,
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
};
const ELEMENTS: Record<Extract<ColumnType, `array<${string}>`>, Partial<SchemaElement>> = {
  'array<string>': STRING,
  'array<double>': { type: 'DOUBLE' },
};

/** Parquet schema elements of one column: a nullable scalar, or a 3-level LIST of required elements. */
function schemaOf(column: ColumnDef): SchemaElement[] {
  if (column.type in ELEMENTS) {
    const element = ELEMENTS[column.type as keyof typeof ELEMENTS];
    return [
      { name: column.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'REQUIRED', ...element } as SchemaElement,
    ];
  }
  return [{ name: column.name, repetition_type: 'OPTIONAL', ...SCALARS[column.type as keyof typeof SCALARS] } as SchemaElement];
}

/** The rows as one Parquet file (Snappy, hyparquet-writer) with the table's columns in order. */
export function encodeParquet(columns: readonly ColumnDef[], rows: readonly Row[]): Uint8Array {
  const columnData: ColumnSource[] = columns.map((column) => ({
    name: column.name,
    data: rows.map((row) => row[column.name] ?? null) as ColumnSource['data'],
  }));
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.flatMap(schemaOf)];
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, createdBy: 'gouji (hyparquet-writer)' }));
}

/** One table of the dataset as Parquet; `withoutYear` for the bucket's copy, where the year is the partition. */
export function datasetParquet(table: DatasetTable, documents: readonly DatasetDocument[], withoutYear = false): Uint8Array {
  const columns = DATASET_COLUMNS[table].filter((c) => !withoutYear || c.name !== 'year');
  return encodeParquet(columns, datasetRows(table, documents));
}
