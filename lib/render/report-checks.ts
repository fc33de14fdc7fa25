import type { Check } from '../model/result.ts';
import { escapeHtml } from './escape-html.ts';
import { explainRule } from './rule-explanations.ts';

const OUTCOME_WORDS: Record<Check['outcome'], string> = { pass: '成立', fail: '不成立', skipped: '未核对' };

/** One line a reader takes in at once: how many sums were checked and how many failed. */
export function checksHeadline(checks: readonly Check[]): string {
  const checked = checks.reduce((n, c) => n + (c.checked ?? 0), 0);
  const failed = checks.reduce((n, c) => n + (c.failed ?? 0), 0);
  if (checked === 0) return '没有可核对的勾稽关系。';
  return failed === 0 ? `${checked} 项勾稽关系全部成立。` : `已核对 ${checked} 项勾稽关系，其中 ${failed} 项不成立。`;
}

/** Every rule the report was checked against — passed and skipped ones too — so a reader sees what was verified. */
export function checksSection(checks: readonly Check[]): string {
  if (checks.length === 0) return '';
  const rows = checks.map(
    (c) =>
      `<tr data-rule="${escapeHtml(c.rule)}"><td class="outcome ${c.outcome}">${OUTCOME_WORDS[c.outcome]}</td><td><code>${escapeHtml(c.rule)}</code><div class="explain">${escapeHtml(explainRule(c.rule) ?? '')}</div></td>` +
      `<td>${escapeHtml(c.reason ?? '')}${c.against ? `<div class="explain">对照报告：<code>${escapeHtml(c.against)}</code></div>` : ''}</td></tr>`,
  );
  return `<h2>核对的规则</h2><p class="checks-headline">${escapeHtml(checksHeadline(checks))}</p><table class="checks"><thead><tr><th>结果</th><th>规则</th><th>说明</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
