import type { Status } from '../model/result.ts';
import { escapeHtml, hrefOf } from './escape-html.ts';
import { htmlPage } from './html-page.ts';
import { STATUS_WORDS } from './render-report-html.ts';
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

const INDEX_CSS = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;max-width:1200px;padding:16px 20px 40px;color:#212121}
h1{font-size:20px}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 16px}
.count{padding:8px 14px;border-radius:6px;font-size:15px}
.count b{font-size:22px;margin-left:6px}
.valid{background:#e6f4e7;color:#2e7d32}.invalid{background:#fde7e7;color:#c62828}.unreadable{background:#eee;color:#616161}.all{background:#e8eaf6;color:#283593}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e0e0e0;padding:5px 6px;text-align:left;vertical-align:top}
th{background:#fafafa;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
span.status{padding:1px 8px;border-radius:3px;white-space:nowrap}
code{font-size:12px}
`;

/** index.html of a batch: counts by status, then every document linked to its report. */
export function renderIndexHtml(rows: readonly SummaryRow[]): string {
  const statuses: Status[] = ['valid', 'invalid', 'unreadable'];
  const counts = statuses.map((s) => `<div class="count ${s}">${STATUS_WORDS[s]}<b>${rows.filter((r) => r.status === s).length}</b></div>`);
  const body = rows.map(
    (r) => `<tr>
<td><a href="${escapeHtml(hrefOf(r.html))}">${escapeHtml(r.file)}</a></td>
<td>${escapeHtml(r.agency ?? '—')}</td><td>${r.year ?? '—'}</td><td>${r.formatVersion ?? '—'}</td>
<td><span class="status ${r.status}">${STATUS_WORDS[r.status]}</span></td>
<td class="n">${r.errors}</td><td class="n">${r.warnings}</td>
<td>${r.rules.map((rule) => `<code>${escapeHtml(rule)}</code>`).join('<br>')}</td>
<td><a href="${escapeHtml(hrefOf(r.json))}">JSON</a></td></tr>`,
  );
  return htmlPage(
    `政府信息公开工作年度报告核对结果（${rows.length} 份）`,
    INDEX_CSS,
    `<h1>政府信息公开工作年度报告核对结果</h1>
<div class="counts"><div class="count all">共<b>${rows.length}</b></div>${counts.join('')}</div>
<table><thead><tr><th>文件</th><th>机关</th><th>年度</th><th>格式</th><th>结果</th><th>错误</th><th>警告</th><th>违反的规则</th><th>数据</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody></table>`,
  );
}
