import type { LayoutCell } from '../model/layout.ts';
import type { ValueRow } from './value-row.ts';

/**
 * Positioned text loses blank cells: a row prints 3 of its 7 numbers. Column centres learned
 * from the complete rows put each number back in its column, and blanks in the others.
 */
export function fillByPosition(rows: ValueRow[], n: number): void {
  const complete = rows.filter((r) => r.values.length === n && r.values.every((c) => c.bbox));
  if (complete.length === 0) return;
  const centres: number[] = [];
  for (let k = 0; k < n; k++) {
    const xs = complete.map((r) => centre(r.values[k]!)).sort((a, b) => a - b);
    centres.push(xs[Math.floor(xs.length / 2)]!);
  }
  const pitch = Math.min(...centres.slice(1).map((c, k) => c - centres[k]!));
  for (const row of rows) {
    if (row.values.length >= n || row.values.length === 0 || !row.values.every((c) => c.bbox)) continue;
    const slots: (LayoutCell | null)[] = Array.from({ length: n }, () => null);
    let ok = true;
    for (const cell of row.values) {
      const x = centre(cell);
      let bestK = 0;
      for (let k = 1; k < n; k++) if (Math.abs(centres[k]! - x) < Math.abs(centres[bestK]! - x)) bestK = k;
      if (slots[bestK] || Math.abs(centres[bestK]! - x) > pitch * 0.6) ok = false;
      slots[bestK] = cell;
    }
    if (!ok) continue;
    row.values = slots.map((c) => c ?? { text: '' });
  }
}

function centre(cell: LayoutCell): number {
  const b = cell.bbox!;
  return (b[0] + b[2]) / 2;
}
