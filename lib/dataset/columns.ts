/**
 * The archive dataset's three tables, column by column: one definition the Parquet writer, the
 * Glue tables of the CDK stack and docs/dataset.md all follow.
 */

export type ColumnType = 'string' | 'int' | 'double' | 'boolean' | 'array<string>' | 'array<double>';

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  /** what it holds, for docs/dataset.md */
  readonly doc: string;
}

export type DatasetTable = 'reports' | 'cells' | 'findings';

const DOCUMENT: ColumnDef = {
  name: 'document',
  type: 'string',
  doc: 'the result’s key below the archive (`2023/a.pdf`): joins the three tables',
};
const AGENCY_KEY: ColumnDef = {
  name: 'agency_key',
  type: 'string',
  doc: 'the normalised agency key (`report.agencyKey`), the same across name variants',
};
const YEAR: ColumnDef = {
  name: 'year',
  type: 'int',
  doc: 'the report’s year; null when not read (in the bucket: the partition, `year=0`)',
};

export const DATASET_COLUMNS: Record<DatasetTable, readonly ColumnDef[]> = {
  reports: [
    DOCUMENT,
    { name: 'path', type: 'string', doc: 'the source document: its path (local files) or key (bucket)' },
    { name: 'sha256', type: 'string', doc: 'sha256 of the source’s bytes' },
    { name: 'bytes', type: 'double', doc: 'size of the source in bytes' },
    { name: 'agency', type: 'string', doc: 'the agency as printed' },
    AGENCY_KEY,
    YEAR,
    { name: 'format', type: 'string', doc: '`2019` or `2021`: the form the tables follow' },
    { name: 'title', type: 'string', doc: 'the report’s title as printed' },
    { name: 'status', type: 'string', doc: '`valid`, `invalid` or `unreadable`' },
    { name: 'errors', type: 'int', doc: 'findings of severity error' },
    { name: 'warnings', type: 'int', doc: 'findings of severity warning' },
    { name: 'failed_rules', type: 'array<string>', doc: 'distinct rules with an error or warning finding' },
    { name: 'checks_passed', type: 'int', doc: 'rules that held (`checks` with outcome pass)' },
    { name: 'checks_failed', type: 'int', doc: 'rules that failed' },
    { name: 'checks_skipped', type: 'int', doc: 'rules that could not be checked' },
    { name: 'reader', type: 'string', doc: '`text`, `html`, `docx`, `doc`, `pdf`, `image` or `none`' },
    { name: 'extraction', type: 'string', doc: '`text` (a text layer or markup), `ocr`, `mixed` or `none`' },
    { name: 'pages', type: 'int', doc: 'pages of a PDF or image' },
    { name: 'ocr_pages', type: 'int', doc: 'how many pages were OCR’d' },
    { name: 'ocr_engine', type: 'string', doc: 'the OCR engine, when one was used' },
    { name: 'mean_confidence', type: 'double', doc: 'mean OCR confidence of the words read' },
    { name: 'gouji_version', type: 'string', doc: 'the gouji version that made the result' },
    { name: 'version', type: 'int', doc: 'the result’s version: 1 as read, +1 per applied set of corrections' },
    { name: 'corrected_cells', type: 'int', doc: 'cells a reviewer corrected' },
  ],
  cells: [
    DOCUMENT,
    AGENCY_KEY,
    YEAR,
    { name: 'format', type: 'string', doc: '`2019` or `2021`' },
    { name: 'table_id', type: 'string', doc: '`proactive` (表二), `applications` (表三) or `reviewLitigation` (表四)' },
    { name: 'row_id', type: 'string', doc: 'the row’s id under its table (`results.denied.stateSecret`); see docs/format.md' },
    { name: 'column_id', type: 'string', doc: 'the column’s id (`naturalPerson`, `total`, `issued`…)' },
    { name: 'cell', type: 'string', doc: 'the whole dotted path, as in the result (`applications.results.denied.stateSecret.total`)' },
    { name: 'value', type: 'double', doc: 'the value; null where it could not be read' },
    {
      name: 'semantic',
      type: 'string',
      doc: '`number`, `zero`, `blank` (printed empty), `notApplicable` (“/ - — 无 不适用”), `text` (not a number: unread), `missing` (its row was not found), `merged` (a row printed merged into its group’s row)',
    },
    { name: 'raw_text', type: 'string', doc: 'the cell’s text as read' },
    { name: 'page', type: 'int', doc: '1-based page (PDF, image)' },
    { name: 'bbox', type: 'array<double>', doc: '`[x0, y0, x1, y1]`, origin top-left: PDF points (text layer) or image pixels (OCR)' },
    { name: 'confidence', type: 'double', doc: 'OCR confidence, 0…1' },
    { name: 'method', type: 'string', doc: '`text`, `ocr`, `arithmetic` or `corrected`' },
    { name: 'read_value', type: 'double', doc: 'for a corrected cell: the value as read' },
    { name: 'read_method', type: 'string', doc: 'for a corrected cell: how it was read' },
    { name: 'rules', type: 'array<string>', doc: 'rules of the error and warning findings that name the cell' },
  ],
  findings: [
    DOCUMENT,
    AGENCY_KEY,
    YEAR,
    { name: 'finding', type: 'int', doc: 'the finding’s position in the result (0-based)' },
    { name: 'rule', type: 'string', doc: 'the rule id' },
    { name: 'severity', type: 'string', doc: '`error`, `warning` or `info`' },
    { name: 'message', type: 'string', doc: 'what is wrong, in Chinese' },
    { name: 'cells', type: 'array<string>', doc: 'the dotted paths of the cells concerned' },
    { name: 'suspect_cells', type: 'array<string>', doc: 'for an OCR’d table: the cells most likely misread' },
  ],
};

/** The partition column of the bucket’s copy: not a column of its files. */
export const PARTITION_COLUMN = 'year';
/** The partition a result without a year goes to. */
export const UNKNOWN_YEAR_PARTITION = 0;
/** Partitions Athena projects: unknown, and the years the regulation has required reports for. */
export const PARTITION_YEARS: readonly number[] = [UNKNOWN_YEAR_PARTITION, ...Array.from({ length: 2040 - 2008 + 1 }, (_, i) => 2008 + i)];
