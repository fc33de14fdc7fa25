import type { SummaryRow } from './summary-row.ts';

const CSV_HEADER = ['file', 'agency', 'year', 'format', 'status', 'errors', 'warnings', 'rules', 'json', 'html'];

/** A spreadsheet would run `=…`, `+…`, `-…`, `@…` (and tab/CR-led) text as a formula. */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * summary.csv: UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, one row per
 * document; text fields are guarded against formula injection.
 */
export function renderSummaryCsv(rows: readonly SummaryRow[]): string {
  const lines = rows.map((r) =>
    [
      defuse(r.file),
      defuse(r.agency ?? ''),
      r.year === null ? '' : String(r.year),
      r.formatVersion ?? '',
      r.status,
      String(r.errors),
      String(r.warnings),
      defuse(r.rules.join(' ')),
      defuse(r.json),
      defuse(r.html),
    ]
      .map(field)
      .join(','),
  );
  return `\ufeff${[CSV_HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}
