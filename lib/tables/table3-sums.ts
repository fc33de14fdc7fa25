import { APPLICATION_GROUPS, APPLICATION_ROWS, type FormatVersion, type RowDef } from '../model/form.ts';
import type { LayoutCell } from '../model/layout.ts';
import type { Alignment } from './align.ts';
import { containment, normalizeLabel } from './normalize.ts';
import { parseCell } from './parse-number.ts';
import type { LabelledRow } from './table3-rows.ts';

const WIDTH = 7;
/** a group label is recognised in a row's label at this containment */
const GROUP_LABEL_MATCH = 0.75;

/** Each fitted row's 7 figures as numbers (blank and unreadable as 0), or null for a row that did not fit. */
export function rowVectors(fitted: (LayoutCell[] | null)[], rows: LabelledRow[]): (number[] | null)[] {
  return fitted.map((cells, i) => (cells ? cells.map((c) => numberOf(c, rows[i]!.row.ocr)) : null));
}

function numberOf(cell: LayoutCell, ocr: boolean): number {
  const parsed = parseCell(cell.text, ocr);
  return parsed.kind === 'number' ? parsed.value : 0;
}

/** A publisher's own subtotal row: a group label without an item number, or the sum of the rows of a group below it. */
export function isSubtotalRow(i: number, rows: LabelledRow[], vectors: (number[] | null)[], format: FormatVersion): boolean {
  const own = rows[i]!.row.label;
  const groups = APPLICATION_GROUPS[format];
  const groupLabel = groups.some((g) => containment(normalizeLabel(g.label), own) >= GROUP_LABEL_MATCH);
  if (groupLabel && !/\d\./.test(own)) return true;
  const values = vectors[i];
  if (!values || values.every((x) => x === 0)) return false;
  return groupSizes(format).some((size) => {
    if (i + size >= rows.length) return false;
    const sum = new Array<number>(WIDTH).fill(0);
    for (let m = 1; m <= size; m++) {
      const next = vectors[i + m];
      if (!next) return false;
      next.forEach((x, c) => {
        sum[c]! += x;
      });
    }
    return sum.every((x, c) => x === values[c]);
  });
}

const sizesCache = new Map<FormatVersion, number[]>();
function groupSizes(format: FormatVersion): number[] {
  let sizes = sizesCache.get(format);
  if (!sizes) {
    sizes = APPLICATION_GROUPS[format].map((g) => APPLICATION_ROWS[format].filter((r) => r.id.startsWith(g.prefix)).length);
    sizesCache.set(format, sizes);
  }
  return sizes;
}

/**
 * Columns where （七）总计 = its items and 一 + 二 = 总计 + 四 hold under an alignment (0..14): the
 * right alignment makes them hold in (nearly) every column, a shifted one breaks them.
 */
export function columnSumsHolding(alignment: Alignment, offset: number, vectors: (number[] | null)[], form: readonly RowDef[]): number {
  const at = (id: string) => {
    const j = form.findIndex((r) => r.id === id);
    const i = alignment.pairs.get(j);
    return i === undefined ? null : (vectors[offset + i] ?? null);
  };
  const mergedAt = new Map<string, number[] | null>();
  for (const span of alignment.merged) {
    for (let k = 0; k < span.span; k++) mergedAt.set(form[span.form + k]!.id, k === 0 ? (vectors[offset + span.data] ?? null) : zeros());
  }
  const item = (id: string) => (mergedAt.has(id) ? mergedAt.get(id)! : at(id));
  const items = form.filter((r) => r.id.startsWith('results.') && r.id !== 'results.total').map((r) => item(r.id));
  const total = at('results.total');
  const flow = ['newlyReceived', 'carriedOver', 'carriedForward'].map(at);
  let holding = 0;
  for (let c = 0; c < WIDTH; c++) {
    if (total && items.every((v) => v) && items.reduce((a, v) => a + v![c]!, 0) === total[c]) holding++;
    if (total && flow.every((v) => v) && flow[0]![c]! + flow[1]![c]! === total[c]! + flow[2]![c]!) holding++;
  }
  return holding;
}

const zeros = (): number[] => new Array<number>(WIDTH).fill(0);
