/** A source table cell with its spans, before expansion. */
export interface SpanCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

// The HTML spec's caps; beyond them browsers clamp too.
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

function spanOf(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

/**
 * Expands row- and column-spans into a rectangular grid: a spanning cell's text sits in the first
 * row and column it covers and '' fills the others, so every row has the same number of cells and
 * a blank number cell stays in its column. Rowspans stop at the last row; rowspan 0 means "to the
 * end" as in HTML.
 */
export function expandSpans(rows: readonly (readonly SpanCell[])[]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    const out = grid[r] ?? [];
    let c = 0;
    for (const cell of row) {
      while (out[c] !== undefined) c += 1;
      const colSpan = Math.min(spanOf(cell.colSpan), MAX_COLSPAN);
      const rowSpan = cell.rowSpan === 0 ? rows.length - r : Math.min(spanOf(cell.rowSpan), MAX_ROWSPAN);
      const lastRow = Math.min(r + rowSpan, rows.length);
      for (let rr = r; rr < lastRow; rr += 1) {
        const target = grid[rr] ?? [];
        for (let cc = c; cc < c + colSpan; cc += 1) {
          // an earlier cell's rowspan already owns this slot: overlapping spans, keep the first
          if (target[cc] !== undefined && rr !== r) continue;
          target[cc] = rr === r && cc === c ? cell.text : '';
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}
