/**
 * The report page's status line and list of findings: rendered once by renderReportHtml, and again
 * in the browser after a reviewer's correction (so the page never shows findings that no longer hold).
 */
import type { FormatVersion } from '../model/form.ts';
import type { Finding, Severity, Status } from '../model/result.ts';
import { describeCell } from './cell-labels.ts';
import { SEVERITY_WORD } from './cell-marks.ts';
import { escapeHtml } from './escape-html.ts';
import { explainRule } from './rule-explanations.ts';

export const STATUS_HINTS: Record<Status, string> = {
  valid: '未发现错误：表中各项勾稽关系成立。',
  invalid: '发现错误：至少一项勾稽关系不成立或数据不合规，详见下方问题清单。',
  unreadable: '无法读取此文件中的统计表，未能核对。',
};
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countsLine(findings: readonly Finding[]): string {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  return `错误 ${count('error')} 项 · 警告 ${count('warning')} 项 · 提示 ${count('info')} 项`;
}

export function findingsSection(findings: readonly Finding[], format: FormatVersion): string {
  if (findings.length === 0) return '<h2>问题清单</h2><p>没有发现问题。</p>';
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const rows = sorted.map((f) => {
    const explanation = explainRule(f.rule);
    const cells = f.cells.map((c) => `<li>${escapeHtml(describeCell(c, format))}</li>`).join('');
    const suspects = (f.suspectCells ?? []).map((c) => `<li>${escapeHtml(describeCell(c, format))}</li>`).join('');
    return (
      `<tr><td class="sev ${f.severity}">${SEVERITY_WORD[f.severity]}</td>` +
      `<td><code>${escapeHtml(f.rule)}</code></td>` +
      `<td>${escapeHtml(f.message)}${explanation ? `<div class="explain">规则说明：${escapeHtml(explanation)}</div>` : ''}</td>` +
      `<td>${cells ? `<ul class="cells">${cells}</ul>` : '—'}${suspects ? `<div class="explain">可能误读：</div><ul class="cells">${suspects}</ul>` : ''}</td></tr>`
    );
  });
  return `<h2>问题清单（${findings.length} 项）</h2><table class="findings"><thead><tr><th>级别</th><th>规则</th><th>说明</th><th>涉及单元格</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
