import { APPLICATION_GROUPS, APPLICATION_ROWS, type FormatVersion, type RowDef } from '../model/form.ts';
import { containment, normalizeLabel } from './normalize.ts';

/**
 * A group of table 3 (（三）不予公开, （四）无法提供, （五）不予处理, and in 2021 （六）其他处理) may be
 * printed as one row carrying the group's sum — most often （六）其他处理, as the 2019 form had it.
 * Only a readable group label without an item number may stand for the group: with garbled
 * labels nothing is merged, and a row is never taken for a group by its figures alone.
 */
const GROUP_LABEL_MATCH = 0.75;
const ITEM_NUMBER = /\d\./;

/** First form row index of each group → the group's label and how many form rows it spans. */
export function mergeableGroups(format: FormatVersion): Map<number, { label: string; span: number }> {
  const form = APPLICATION_ROWS[format];
  const groups = new Map<number, { label: string; span: number }>();
  for (const group of APPLICATION_GROUPS[format]) {
    const first = form.findIndex((r) => r.id.startsWith(group.prefix));
    const span = form.filter((r) => r.id.startsWith(group.prefix)).length;
    if (first >= 0 && span >= 2) groups.set(first, { label: group.label, span });
  }
  return groups;
}

/** 0..1 when a row's own (normalised) label is the group's label alone; null when it cannot be. */
export function spanScore(own: string, groupLabel: string): number | null {
  if (ITEM_NUMBER.test(own)) return null;
  const score = containment(normalizeLabel(groupLabel), own);
  return score >= GROUP_LABEL_MATCH ? score : null;
}

/**
 * The other way round: a 2019 report printing （六）其他处理 as the 2021 form's three rows. The form
 * row is their sum; each printed row must carry the label of its 2021 item.
 */
export function splittableRows(format: FormatVersion): Map<number, RowDef[]> {
  const splits = new Map<number, RowDef[]>();
  if (format !== '2019') return splits;
  const form = APPLICATION_ROWS['2019'];
  const j = form.findIndex((r) => r.id === 'results.otherHandling');
  splits.set(
    j,
    APPLICATION_ROWS['2021'].filter((r) => r.id.startsWith('results.otherHandling.')),
  );
  return splits;
}
