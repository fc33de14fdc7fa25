import type { LayoutCell } from '../model/layout.ts';
import type { ValueRow } from './value-row.ts';

/**
 * How far from its column's centre a figure of a complete row of laid-out text may stand, as a
 * share of the narrowest column pitch: further, and the text is not in a grid (`pdftotext -raw`
 * or a copy whose spaces mean nothing), so positions are not used on that page.
 */
const TEXT_GRID_TOLERANCE = 0.5;
/** complete labelled rows a page of laid-out text needs before its columns are trusted */
const MIN_GRID_ROWS = 2;
/** how far from the nearest centre a figure may stand and still be put in that column */
const SLOT_TOLERANCE = 0.6;

/**
 * Positioned text loses blank cells: a row prints 3 of its 7 numbers. Column centres learned
 * from the complete rows put each number back in its column, and blanks in the others.
 * A text layer's or OCR's boxes share centres across pages; text laid out in characters
 * (`pdftotext -layout`) shifts its columns from page to page, so there each page learns its own
 * from its complete rows, and only when they line up.
 */
export function fillByPosition(rows: ValueRow[], n: number): void {
  const placed = (r: ValueRow) => r.values.length > 0 && r.values.every((c) => placeOf(c) !== undefined);
  const complete = rows.filter((r) => r.values.length === n && placed(r));
  if (complete.length === 0) return;
  const boxed = complete.filter((r) => r.values[0]!.bbox !== undefined);
  const boxCentres = boxed.length > 0 ? centresOf(boxed, n) : null;
  const textCentres = new Map<number, number[] | null>();
  const centresFor = (cell: LayoutCell): number[] | null => {
    if (cell.bbox) return boxCentres;
    const page = cell.columns!.page;
    if (!textCentres.has(page)) {
      // a grid's rows print their label on the line of their figures; figures alone on their
      // lines (one cell per line, labels elsewhere) say nothing of columns
      const onPage = complete.filter((r) => r.values[0]!.columns?.page === page && r.label !== '');
      const centres = onPage.length >= MIN_GRID_ROWS ? centresOf(onPage, n) : null;
      textCentres.set(page, centres && inGrid(onPage, centres) ? centres : null);
    }
    return textCentres.get(page)!;
  };
  for (const row of rows) {
    if (row.values.length >= n || !placed(row)) continue;
    const centres = centresFor(row.values[0]!);
    if (!centres) continue;
    const pitch = pitchOf(centres);
    const slots: (LayoutCell | null)[] = Array.from({ length: n }, () => null);
    let ok = true;
    for (const cell of row.values) {
      const x = placeOf(cell)!;
      let bestK = 0;
      for (let k = 1; k < n; k++) if (Math.abs(centres[k]! - x) < Math.abs(centres[bestK]! - x)) bestK = k;
      if (slots[bestK] || Math.abs(centres[bestK]! - x) > pitch * SLOT_TOLERANCE) ok = false;
      slots[bestK] = cell;
    }
    if (!ok) continue;
    row.values = slots.map((c) => c ?? { text: '' });
  }
}

function centresOf(rows: ValueRow[], n: number): number[] {
  const centres: number[] = [];
  for (let k = 0; k < n; k++) {
    const xs = rows.map((r) => placeOf(r.values[k]!)!).sort((a, b) => a - b);
    centres.push(xs[Math.floor(xs.length / 2)]!);
  }
  return centres;
}

function pitchOf(centres: number[]): number {
  return Math.min(...centres.slice(1).map((c, k) => c - centres[k]!));
}

/** Every figure of the complete rows stands near its column's centre: the text is laid out in a grid. */
function inGrid(rows: ValueRow[], centres: number[]): boolean {
  const pitch = pitchOf(centres);
  if (!(pitch > 0)) return false;
  return rows.every((r) => r.values.every((c, k) => Math.abs(placeOf(c)! - centres[k]!) <= pitch * TEXT_GRID_TOLERANCE));
}

/** Where a cell stands across its page: from a text layer's or OCR's box, or its characters on a line of laid-out text. */
function placeOf(cell: LayoutCell): number | undefined {
  if (cell.bbox) return (cell.bbox[0] + cell.bbox[2]) / 2;
  if (cell.columns) return (cell.columns.from + cell.columns.to) / 2;
  return undefined;
}
