// Builders of Textract Blocks shaped as the Textract API reference documents them (Block:
// BlockType, Id, Page, Confidence 0–100, Text, Geometry.BoundingBox as page fractions,
// Relationships [{ Type: 'CHILD' | 'MERGED_CELL', Ids }], RowIndex/ColumnIndex/RowSpan/ColumnSpan
// 1-based on CELL and MERGED_CELL), so the adapter is tested against the documented response.
import type { Block } from '@aws-sdk/client-textract';

let next = 0;
const id = (prefix: string) => `${prefix}-${(next++).toString(16).padStart(8, '0')}-6f1c-4a2b-9d3e-0c1b2a3d4e5f`;

/** Geometry as Textract gives it: a BoundingBox in page ratios and its four-point Polygon. */
export function geometry(left: number, top: number, width: number, height: number): Block['Geometry'] {
  return {
    BoundingBox: { Left: left, Top: top, Width: width, Height: height },
    Polygon: [
      { X: left, Y: top },
      { X: left + width, Y: top },
      { X: left + width, Y: top + height },
      { X: left, Y: top + height },
    ],
  };
}

export function word(page: number, text: string, box: [number, number, number, number], confidence = 99.1): Block {
  return {
    BlockType: 'WORD',
    Id: id('w'),
    Page: page,
    Text: text,
    TextType: 'PRINTED',
    Confidence: confidence,
    Geometry: geometry(...box),
  };
}

export function cell(
  page: number,
  row: number,
  column: number,
  box: [number, number, number, number],
  words: Block[],
  confidence = 95.5,
): Block {
  return {
    BlockType: 'CELL',
    Id: id('c'),
    Page: page,
    RowIndex: row,
    ColumnIndex: column,
    RowSpan: 1,
    ColumnSpan: 1,
    Confidence: confidence,
    Geometry: geometry(...box),
    ...(words.length > 0 ? { Relationships: [{ Type: 'CHILD', Ids: words.map((w) => w.Id!) }] } : {}),
  };
}

export function mergedCell(page: number, cells: Block[], box: [number, number, number, number]): Block {
  const rows = cells.map((c) => c.RowIndex!);
  const columns = cells.map((c) => c.ColumnIndex!);
  return {
    BlockType: 'MERGED_CELL',
    Id: id('m'),
    Page: page,
    RowIndex: Math.min(...rows),
    ColumnIndex: Math.min(...columns),
    RowSpan: Math.max(...rows) - Math.min(...rows) + 1,
    ColumnSpan: Math.max(...columns) - Math.min(...columns) + 1,
    Confidence: 90.2,
    Geometry: geometry(...box),
    Relationships: [{ Type: 'CHILD', Ids: cells.map((c) => c.Id!) }],
  };
}

export function table(page: number, cells: Block[], merged: Block[], box: [number, number, number, number]): Block {
  return {
    BlockType: 'TABLE',
    Id: id('t'),
    Page: page,
    Confidence: 99.0,
    EntityTypes: ['STRUCTURED_TABLE'],
    Geometry: geometry(...box),
    Relationships: [
      { Type: 'CHILD', Ids: cells.map((c) => c.Id!) },
      ...(merged.length > 0 ? [{ Type: 'MERGED_CELL' as const, Ids: merged.map((m) => m.Id!) }] : []),
    ],
  };
}

export function pageBlock(page: number, children: Block[]): Block {
  return {
    BlockType: 'PAGE',
    Id: id('p'),
    Page: page,
    Geometry: geometry(0, 0, 1, 1),
    Relationships: [{ Type: 'CHILD', Ids: children.map((c) => c.Id!) }],
  };
}

/**
 * A two-page analysis. Page 1: a table 3 rows × 4 columns — row 1 a header 申请人情况 merged over
 * columns 2–4, column 1 a label 三、本年度办理结果 merged over rows 2–3 and read in two parts —
 * with "1O6" (a look-alike O) in a number cell. Page 2: a one-row table （七）总计 | 7.
 * `labels` replaces the Chinese texts (to model a garbled read).
 */
export function twoPageAnalysis(labels: Partial<Record<string, string>> = {}): Block[] {
  const t = (text: string) => labels[text] ?? text;
  const w = {
    header: word(1, t('申请人情况'), [0.45, 0.105, 0.1, 0.02]),
    labelTop: word(1, t('三、本年度'), [0.1, 0.16, 0.1, 0.02]),
    labelBottom: word(1, t('办理结果'), [0.1, 0.21, 0.08, 0.02]),
    person: word(1, t('自然人'), [0.32, 0.16, 0.06, 0.02]),
    company: word(1, t('商业企业'), [0.52, 0.16, 0.08, 0.02]),
    total: word(1, t('总计'), [0.72, 0.16, 0.04, 0.02]),
    n80: word(1, '80', [0.33, 0.21, 0.02, 0.02], 99.8),
    n26: word(1, '26', [0.53, 0.21, 0.02, 0.02], 98.7),
    n106: word(1, '1O6', [0.73, 0.21, 0.03, 0.02], 71.5),
  };
  const c11 = cell(1, 1, 1, [0.05, 0.1, 0.25, 0.05], []);
  const c12 = cell(1, 1, 2, [0.3, 0.1, 0.2, 0.05], []);
  const c13 = cell(1, 1, 3, [0.5, 0.1, 0.2, 0.05], [w.header]);
  const c14 = cell(1, 1, 4, [0.7, 0.1, 0.2, 0.05], []);
  const c21 = cell(1, 2, 1, [0.05, 0.15, 0.25, 0.05], [w.labelTop]);
  const c22 = cell(1, 2, 2, [0.3, 0.15, 0.2, 0.05], [w.person]);
  const c23 = cell(1, 2, 3, [0.5, 0.15, 0.2, 0.05], [w.company]);
  const c24 = cell(1, 2, 4, [0.7, 0.15, 0.2, 0.05], [w.total]);
  const c31 = cell(1, 3, 1, [0.05, 0.2, 0.25, 0.05], [w.labelBottom]);
  const c32 = cell(1, 3, 2, [0.3, 0.2, 0.2, 0.05], [w.n80]);
  const c33 = cell(1, 3, 3, [0.5, 0.2, 0.2, 0.05], [w.n26]);
  const c34 = cell(1, 3, 4, [0.7, 0.2, 0.2, 0.05], [w.n106]);
  const m1 = mergedCell(1, [c12, c13, c14], [0.3, 0.1, 0.6, 0.05]);
  const m2 = mergedCell(1, [c21, c31], [0.05, 0.15, 0.25, 0.1]);
  const cells1 = [c11, c12, c13, c14, c21, c22, c23, c24, c31, c32, c33, c34];
  const t1 = table(1, cells1, [m1, m2], [0.05, 0.1, 0.85, 0.15]);
  const words1 = Object.values(w);
  const line1 = {
    BlockType: 'LINE',
    Id: id('l'),
    Page: 1,
    Text: '80 26 1O6',
    Confidence: 97,
    Geometry: geometry(0.33, 0.21, 0.43, 0.02),
    Relationships: [{ Type: 'CHILD', Ids: [w.n80.Id!, w.n26.Id!, w.n106.Id!] }],
  } satisfies Block;

  const p2label = word(2, t('（七）总计'), [0.1, 0.3, 0.12, 0.02]);
  const p2value = word(2, '7', [0.6, 0.3, 0.01, 0.02]);
  const d1 = cell(2, 1, 1, [0.05, 0.28, 0.5, 0.05], [p2label]);
  const d2 = cell(2, 1, 2, [0.55, 0.28, 0.3, 0.05], [p2value]);
  const t2 = table(2, [d1, d2], [], [0.05, 0.28, 0.8, 0.05]);
  return [
    pageBlock(1, [line1, t1]),
    line1,
    ...words1,
    t1,
    ...cells1,
    m1,
    m2,
    pageBlock(2, [p2label, p2value, t2]),
    p2label,
    p2value,
    t2,
    d1,
    d2,
  ];
}
