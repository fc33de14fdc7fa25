import type { CellSource } from '../model/result.ts';
import { normalizeText } from '../tables/normalize.ts';

/** What a cell means, beyond its number: 0, blank, “not applicable” and unread are different things. */
export type CellSemantic = 'number' | 'zero' | 'blank' | 'notApplicable' | 'text' | 'missing' | 'merged';

/** Marks publishers print for “none / not applicable” (read as 0 with a warning). */
const NOT_APPLICABLE = new Set(['-', '—', '–', '/', '\\', '－', '——', '--', '无', '不适用', 'N/A', 'n/a', '／']);

/** The semantic of one value with its source (none: its row was not found). */
export function cellSemantic(value: number | null, source: CellSource | undefined): CellSemantic {
  if (source === undefined) return value === null ? 'missing' : value === 0 ? 'zero' : 'number';
  if (source.method !== 'corrected') {
    const text = normalizeText(source.text).replace(/\s/gu, '');
    if (text === '') return 'blank';
    if (NOT_APPLICABLE.has(text)) return 'notApplicable';
  }
  if (value === null) return 'text';
  return value === 0 ? 'zero' : 'number';
}
