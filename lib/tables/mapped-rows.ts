// What mapping table 3's printed rows onto the form found: each form row's cells, the printed
// labels for the label check, merged and split rows, and the publisher's extra rows.
import { APPLICATION_ROWS, type FormatVersion } from '../model/form.ts';
import type { LayoutCell } from '../model/layout.ts';
import type { Alignment } from './align.ts';
import type { LabelledRow } from './table3-rows.ts';

/** A data row printed for several consecutive form rows (e.g. （六）其他处理 as one row in 2021). */
export interface MergedRow {
  /** the group's path under the table, e.g. `results.otherHandling` */
  group: string;
  /** the form row ids it stands for */
  members: string[];
  cells: LayoutCell[];
  /** the label as printed */
  label: string;
  line: number;
}

/** Several printed rows that together are one form row (a 2019 report with 2021's （六） rows). */
export interface SplitRow {
  id: string;
  /** each part's 7 cells */
  parts: LayoutCell[][];
  labels: string[];
}

/** What a printed row said about itself, for the label check. */
export interface PrintedLabel {
  /** the row's own label cells, as printed */
  raw: string;
  /** normalised: the text just above the row, its own label, and the continuation below */
  context: string;
  own: string;
  following: string;
  /** lowest OCR confidence of the label cells, when OCR read them */
  confidence?: number;
}

export interface MappedRows {
  /** form row id → its cells (7 for table 3), or null when the row was not found or is merged */
  rows: Map<string, LayoutCell[] | null>;
  /** printed label of each mapped form row */
  labels: Map<string, PrintedLabel>;
  /** line index of each mapped form row */
  lines: Map<string, number>;
  merged: MergedRow[];
  split: SplitRow[];
  /** rows the publisher added (subtotals) that were left out */
  extraRows: { line: number; label: string }[];
  /** alignment quality: higher is a better fit of this format */
  score: number;
  /** column checks that hold under this mapping: （七）总计 = its items, 一 + 二 = 总计 + 四 (0..14) */
  sumsHolding: number;
}

export function describeMapping(
  alignment: Alignment,
  first: number,
  rows: LabelledRow[],
  fitted: (LayoutCell[] | null)[],
  sumsHolding: number,
  format: FormatVersion,
): MappedRows {
  const form = APPLICATION_ROWS[format];
  const mapped = new Map<string, LayoutCell[] | null>();
  const labels = new Map<string, PrintedLabel>();
  const lineOf = new Map<string, number>();
  form.forEach((def, j) => {
    const paired = alignment.pairs.get(j);
    const i = paired === undefined ? undefined : first + paired;
    mapped.set(def.id, i === undefined ? null : fitted[i]!);
    if (i !== undefined) {
      labels.set(def.id, printedLabel(rows[i]!));
      lineOf.set(def.id, rows[i]!.row.line);
    }
  });
  const merged = alignment.merged.map((span): MergedRow => {
    const { row } = rows[first + span.data]!;
    const members = form.slice(span.form, span.form + span.span).map((d) => d.id);
    const group = members[0]!.slice(0, members[0]!.lastIndexOf('.'));
    return { group, members, cells: fitted[first + span.data]!, label: row.rawLabel, line: row.line };
  });
  const split = alignment.split.map((span): SplitRow => {
    const parts = rows.slice(first + span.data, first + span.data + span.span);
    lineOf.set(form[span.form]!.id, parts[0]!.row.line);
    return {
      id: form[span.form]!.id,
      parts: parts.map((_, k) => fitted[first + span.data + k]!),
      labels: parts.map((p) => p.row.rawLabel),
    };
  });
  return {
    rows: mapped,
    labels,
    lines: lineOf,
    merged,
    split,
    // only rows shaped like table 3's (7 figures) are worth a note; others belong elsewhere
    extraRows: alignment.skippedData
      .map((i) => first + i)
      .filter((i) => rows[i]!.row.numbers > 0 && fitted[i] !== null)
      .map((i) => ({ line: rows[i]!.row.line, label: rows[i]!.row.rawLabel })),
    score: alignment.score,
    sumsHolding,
  };
}

function printedLabel({ row, context, following, labelConfidence }: LabelledRow): PrintedLabel {
  const label: PrintedLabel = { raw: row.rawLabel, context, own: row.label, following };
  if (labelConfidence !== undefined) label.confidence = labelConfidence;
  return label;
}
