import { type FormatVersion, PROACTIVE_ROWS } from '../model/form.ts';
import type { LayoutCell, LayoutLine } from '../model/layout.ts';
import { align } from './align.ts';
import type { PrintedLabel } from './mapped-rows.ts';
import { containment, normalizeLabel } from './normalize.ts';
import { cellsOrPending } from './pending-cells.ts';
import { fitValues, toValueRow, type ValueRow } from './value-row.ts';

export interface MappedProactive {
  rows: Map<string, LayoutCell[] | null>;
  /** printed label of each mapped form row */
  labels: Map<string, PrintedLabel>;
  score: number;
}

/** Maps table 2's value rows (1–3 numbers each) to the form rows of the format. */
export function mapProactive(lines: LayoutLine[], start: number, end: number, format: FormatVersion): MappedProactive {
  const form = PROACTIVE_ROWS[format];
  const rows: ValueRow[] = [];
  for (let i = start; i < end; i++) {
    const row = toValueRow(lines[i]!, i);
    if (!row || row.values.length === 0) continue;
    if (row.numbers === 0 && !form.some((f) => containment(normalizeLabel(f.label), row.label) >= 0.99)) continue;
    if (row.values.length > 6) continue; // a table-3 row strayed into the region
    rows.push(row);
  }
  const result = align(rows.length, form.length, {
    match(i, j) {
      const row = rows[i]!;
      const def = form[j]!;
      if (!cellsOf(row, def.columns.length)) return null;
      const label = normalizeLabel(def.label);
      // 规章 must not match 行政规范性文件 by its last characters, nor 规范性文件 the 2021 label
      const exact = row.label.endsWith(label) || row.label === label ? 1 : containment(label, row.label);
      const shape = row.values.length === def.columns.length ? 0.2 : 0;
      return 0.5 + exact + shape;
    },
    skipData: () => -0.3,
    // when labels cannot tell, a row missing at the end (a cut page) beats one missing mid-table
    skipForm: (j) => -0.6 + (0.01 * j) / form.length,
  });
  const mapped = new Map<string, LayoutCell[] | null>();
  const labels = new Map<string, PrintedLabel>();
  const used = new Set(result.pairs.values());
  form.forEach((def, j) => {
    let i = result.pairs.get(j);
    // a block the converter moved out of order (第二十条第（一）项 printed after （八）) is found by its
    // own label (or its last words, 规范性文件) and its number of figures
    if (i === undefined) {
      const label = normalizeLabel(def.label);
      const named = (r: ValueRow) => r.label.endsWith(label) || (r.label.length >= 4 && label.endsWith(r.label));
      i = rows.findIndex((r, k) => !used.has(k) && named(r) && cellsOf(r, def.columns.length) !== null);
      if (i < 0) i = undefined;
      else used.add(i);
    }
    const row = i === undefined ? undefined : rows[i];
    mapped.set(def.id, row ? cellsOf(row, def.columns.length) : null);
    if (row) labels.set(def.id, { raw: row.rawLabel, context: row.label, own: row.label, following: '' });
  });
  return { rows: mapped, labels, score: result.score };
}

/** The row's `n` value cells, or pending cells when its figures ran together. */
function cellsOf(row: ValueRow, n: number): LayoutCell[] | null {
  return cellsOrPending(row.values, fitValues(row.values, n, row.ocr, false), n);
}
