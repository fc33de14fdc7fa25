import { APPLICATION_GROUPS, APPLICATION_ROWS, type FormatVersion, type RowDef } from '../model/form.ts';
import type { LayoutCell, LayoutLine } from '../model/layout.ts';
import { type Alignment, align } from './align.ts';
import { fillByPosition } from './columns-by-position.ts';
import { containment, normalizeLabel } from './normalize.ts';
import { parseCell } from './parse-number.ts';
import { fitValues, toValueRow, type ValueRow } from './value-row.ts';

export interface MappedRows {
  /** form row id → its cells (7 for table 3), or null when the row was not found */
  rows: Map<string, LayoutCell[] | null>;
  /** printed label of each mapped form row */
  labels: Map<string, string>;
  /** line index of each mapped form row */
  lines: Map<string, number>;
  /** line indices of rows the publisher added (subtotals) that were left out */
  extraRows: { line: number; label: string }[];
  /** alignment quality: higher is a better fit of this format */
  score: number;
  /** columns where （七）总计 = its items and 一 + 二 = 总计 + 四 hold under this mapping (0..14) */
  sumsHolding: number;
}

const BASE = 0.5;
const SKIP_FORM = -0.6;
const SKIP_DATA = -0.3;
const SUBTOTAL_BONUS = 0.9;
const BLANK_BASE = 0.3;
const WIDTH = 7;

/** Maps the value rows of table 3's region to the rows of the given format. */
export function mapApplications(lines: LayoutLine[], start: number, end: number, format: FormatVersion): MappedRows {
  const form = APPLICATION_ROWS[format];
  const rows: ValueRow[] = [];
  const contexts: string[] = [];
  let pending = '';
  for (let i = start; i < end; i++) {
    const row = toValueRow(lines[i]!, i);
    if (!row || row.values.length === 0 || (row.numbers === 0 && (row.label === '' || row.values.length < 5))) {
      pending += normalizeLabel(lines[i]!.cells.map((c) => c.text).join(''));
      continue;
    }
    rows.push(row);
    contexts.push(pending.slice(-40) + row.label);
    pending = '';
  }
  fillByPosition(rows, WIDTH);
  const fitted = rows.map((r) => fitValues(r.values, WIDTH, r.ocr, true, r.grid));
  const vectors = fitted.map((cells, i) => (cells ? cells.map((c) => num(c, rows[i]!.ocr)) : null));
  const groupSizes = APPLICATION_GROUPS[format].map((g) => form.filter((r) => r.id.startsWith(g.prefix)).length);

  const subtotal = rows.map((_, i) => isSubtotal(i));
  const alignWithin = (first: number, last: number) =>
    align(last - first, form.length, {
      match(i, j) {
        const row = first + i;
        if (!fitted[row]) return null;
        // a row printed all blank weighs less than one with figures, but more than a skipped one
        const base = rows[row]!.numbers === 0 ? BLANK_BASE : BASE;
        return base + labelScore(contexts[row]!, rows[row]!.label, form[j]!);
      },
      skipData(i) {
        return SKIP_DATA + (subtotal[first + i] ? SUBTOTAL_BONUS : 0);
      },
      skipForm(j) {
        // when labels cannot tell, a row missing at the end (a cut page) beats one missing mid-table
        return SKIP_FORM + (0.01 * j) / form.length;
      },
    });
  // With unreadable labels, rows just outside the table (a blank header, the next table's first
  // row) can be taken in at no cost; the form's own sums tell the right span from a shifted one.
  let best: { result: Alignment; first: number; holding: number } | null = null;
  for (let cutStart = 0; cutStart <= 2; cutStart++) {
    for (let cutEnd = 0; cutEnd <= 3; cutEnd++) {
      const first = cutStart;
      const last = rows.length - cutEnd;
      if (last - first < form.length - 4) continue;
      const result = alignWithin(first, last);
      const holding = sumsHold(result, first);
      if (!best || holding > best.holding || (holding === best.holding && result.score > best.result.score)) {
        best = { result, first, holding };
      }
      if (rows.length === 0) break;
    }
  }
  const first = best?.first ?? 0;
  const result = best?.result ?? alignWithin(0, rows.length);
  const sumsHolding = best?.holding ?? sumsHold(result, first);

  /** Columns where （七）总计 = the items and 一 + 二 = 总计 + 四 hold under this alignment. */
  function sumsHold(alignment: Alignment, offset: number): number {
    const at = (id: string) => {
      const j = form.findIndex((r) => r.id === id);
      const i = alignment.pairs.get(j);
      return i === undefined ? null : (vectors[offset + i] ?? null);
    };
    const items = form.filter((r) => r.id.startsWith('results.') && r.id !== 'results.total').map((r) => at(r.id));
    const total = at('results.total');
    const flow = ['newlyReceived', 'carriedOver', 'carriedForward'].map(at);
    let holding = 0;
    for (let c = 0; c < WIDTH; c++) {
      if (total && items.every((v) => v) && items.reduce((a, v) => a + v![c]!, 0) === total[c]) holding++;
      if (total && flow.every((v) => v) && flow[0]![c]! + flow[1]![c]! === total[c]! + flow[2]![c]!) holding++;
    }
    return holding;
  }

  function isSubtotal(i: number): boolean {
    const own = rows[i]!.label;
    const groupLabel = APPLICATION_GROUPS[format].some((g) => containment(normalizeLabel(g.label), own) >= 0.75);
    if (groupLabel && !/\d\./.test(own)) return true;
    const v = vectors[i];
    if (!v || v.every((x) => x === 0)) return false;
    return groupSizes.some((k) => {
      if (i + k >= rows.length) return false;
      const sum = new Array<number>(WIDTH).fill(0);
      for (let m = 1; m <= k; m++) {
        const next = vectors[i + m];
        if (!next) return false;
        next.forEach((x, c) => {
          sum[c]! += x;
        });
      }
      return sum.every((x, c) => x === v[c]);
    });
  }

  const mapped = new Map<string, LayoutCell[] | null>();
  const labels = new Map<string, string>();
  const lineOf = new Map<string, number>();
  form.forEach((def, j) => {
    const paired = result.pairs.get(j);
    const i = paired === undefined ? undefined : first + paired;
    mapped.set(def.id, i === undefined ? null : fitted[i]!);
    if (i !== undefined) {
      labels.set(def.id, rows[i]!.rawLabel);
      lineOf.set(def.id, rows[i]!.line);
    }
  });
  return {
    rows: mapped,
    labels,
    lines: lineOf,
    // header rows with blank cells are skipped silently; only rows with figures are worth a note
    extraRows: result.skippedData
      .map((i) => first + i)
      // only rows shaped like table 3's (7 figures) are worth a note; others belong elsewhere
      .filter((i) => rows[i]!.numbers > 0 && fitted[i] !== null)
      .map((i) => ({ line: rows[i]!.line, label: rows[i]!.rawLabel })),
    score: result.score,
    sumsHolding,
  };
}

function num(cell: LayoutCell, ocr: boolean): number {
  const p = parseCell(cell.text, ocr);
  return p.kind === 'number' ? p.value : 0;
}

const formLabels = new WeakMap<RowDef, { variants: string[]; full: string }>();
function labelsOf(def: RowDef): { variants: string[]; full: string } {
  let labels = formLabels.get(def);
  if (!labels) {
    const variants = [def.label, ...(def.variants ?? [])].map(normalizeLabel);
    labels = { variants, full: normalizeLabel((def.group ?? '') + def.label) + variants.join('') };
    formLabels.set(def, labels);
  }
  return labels;
}

/** 0..1: how well a printed row label (with the text just above it) matches a form row. */
export function labelScore(context: string, own: string, def: RowDef): number {
  const { variants, full } = labelsOf(def);
  let best = 0;
  for (const v of variants) {
    const forward = containment(v, context);
    const backward = own.length >= 2 ? containment(own, full) : forward;
    best = Math.max(best, 0.75 * forward + 0.25 * backward);
  }
  return best;
}
