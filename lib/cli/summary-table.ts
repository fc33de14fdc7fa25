import { join } from 'node:path';
import type { BatchEntry } from './process-command.ts';

const STATUS_TEXT: Record<string, string> = { valid: '通过', invalid: '不通过', unreadable: '无法读取' };

/** The batch as a table on stdout: file, agency, year, status, errors and warnings. */
export function printSummaryTable(entries: BatchEntry[], outRoot: string): void {
  const header = ['文件', '机关', '年度', '状态', '错误', '警告'];
  const rows = entries.map(({ file, result }) => [
    file,
    result.report.agency ?? '—',
    String(result.report.year ?? '—'),
    `${result.status} ${STATUS_TEXT[result.status] ?? ''}`,
    String(result.findings.filter((f) => f.severity === 'error').length),
    String(result.findings.filter((f) => f.severity === 'warning').length),
  ]);
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
  const line = (cells: string[]) => cells.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const count = (s: string) => entries.filter((e) => e.result.status === s).length;
  out.push('', `共 ${entries.length} 份：通过 ${count('valid')}，不通过 ${count('invalid')}，无法读取 ${count('unreadable')}`);
  if (entries.length > 0) out.push(`汇总：${join(outRoot, 'index.html')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Display width: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
