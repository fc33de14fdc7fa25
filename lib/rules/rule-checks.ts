import type { Check } from '../model/result.ts';

/**
 * One comparison a rule made on a report — a column's sum, a row's total, a statement against the
 * table, a figure against last year's: `holds` true or false, or null when a figure it needs was
 * not read. A `SumCheck` is one. Each rule's findings are the views of its failing comparisons;
 * the result's `checks` count all of them, so a reader sees what held as well as what failed.
 */
export interface Comparison {
  readonly rule: string;
  readonly holds: boolean | null;
}

/**
 * What a result lists for one rule: `fail` when a comparison failed, `pass` when some held and none
 * failed, else `skipped` — with `absent` (a table or statement not found) as the reason when the
 * rule had nothing to compare.
 */
export function checkOf(rule: string, comparisons: readonly Comparison[], absent?: string): Check {
  const mine = comparisons.filter((c) => c.rule === rule);
  const checked = mine.filter((c) => c.holds !== null).length;
  const failed = mine.filter((c) => c.holds === false).length;
  const unread = mine.length - checked;
  const unreadNote = unread > 0 ? `，另有 ${unread} 项因单元格无法读取未核对` : '';
  if (failed > 0) return { rule, outcome: 'fail', reason: `${checked} 项中 ${failed} 项不成立${unreadNote}`, checked, failed };
  if (checked > 0) return { rule, outcome: 'pass', reason: `${checked} 项全部成立${unreadNote}`, checked, failed: 0 };
  const reason = mine.length === 0 ? (absent ?? '没有可核对的数字') : `${unread} 项均因单元格无法读取未核对`;
  return { rule, outcome: 'skipped', reason, checked: 0, failed: 0 };
}
