// A Textract document analysis (TABLES + LAYOUT) of a real document, built from its born-digital
// PDF: the words of its text layer and the grid its rulings draw, emitted as Blocks exactly per
// the Textract API reference (Block: BlockType, Id, Page, Text, TextType, Confidence 0–100,
// Geometry.BoundingBox {Width, Height, Left, Top} as page fractions + Polygon, RowIndex/ColumnIndex/
// RowSpan/ColumnSpan 1-based, EntityTypes, Relationships CHILD / MERGED_CELL). Like Textract:
// a table cut by a page break is two TABLEs; a CELL's CHILD are the WORDs inside it, a merged
// cell's words stay in the grid cells they sit in and the MERGED_CELL lists those CELLs.
import type { Block, GetDocumentAnalysisCommandOutput } from '@aws-sdk/client-textract';
import type { PositionedPage } from '../../lib/model/layout.ts';
import type { Box } from '../../lib/model/result.ts';
import { levelPage } from '../../lib/read/geometry/deskew.ts';
import { type GeoWord, height, median } from '../../lib/read/geometry/geo-word.ts';
import { ruledTables } from '../../lib/read/geometry/ruled-tables.ts';
import { textLines } from '../../lib/read/geometry/text-join.ts';
import { readPdf } from '../../lib/read/pdf/read-pdf.ts';

export interface AnalysisOptions {
  /**
   * What Textract's limited Chinese gives: every Han character read as a random Latin letter or
   * symbol (digits, punctuation and the table structure intact), with low confidence.
   */
  garbleChinese?: boolean;
  /** degrees the sheet lies turned on the scanner (Textract reports the turned geometry) */
  skewDegrees?: number;
  /** seed of the ids, confidences and garbling */
  seed?: number;
}

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
// Latin letters and symbols a Latin-script recogniser gives for glyphs it does not know.
const JUNK = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#@%&?!~*+=<>';

/** Every Block of the analysis of a born-digital PDF, page by page, in Textract's order. */
export async function textractAnalysisOf(pdf: Uint8Array, options: AnalysisOptions = {}): Promise<Block[]> {
  const read = await readPdf(pdf, { maxPages: 50 });
  if (!read.ok) throw new Error(`cannot read the source PDF: ${read.message}`);
  const random = seeded(options.seed ?? 7);
  const ids = new Set<string>();
  const newId = (): string => {
    const hex = () => Math.floor(random() * 16).toString(16);
    let id: string;
    do id = [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, hex).join('')).join('-');
    while (ids.has(id));
    ids.add(id);
    return id;
  };
  const blocks: Block[] = [];
  for (const { positioned } of read.pages) blocks.push(...pageBlocks(positioned, options, random, newId));
  return blocks;
}

function pageBlocks(page: PositionedPage, options: AnalysisOptions, random: () => number, newId: () => string): Block[] {
  const n = page.page;
  const geometry = geometryOn(page, ((options.skewDegrees ?? 0) * Math.PI) / 180);
  const between = (lo: number, hi: number) => Math.round((lo + random() * (hi - lo)) * 1e4) / 1e4;
  const level = levelPage(page);
  const textHeight = median(
    level.words.map((w) => height(w.box)),
    10,
  );
  const { tables, rest } = ruledTables(level.words, level.rulings, Math.max(1, textHeight * 0.2));

  // WORD: one per space-separated token of a text run, its box a share of the run's.
  const wordBlocks = new Map<GeoWord, Block[]>();
  const wordsOf = (run: GeoWord): Block[] => {
    const known = wordBlocks.get(run);
    if (known) return known;
    const tokens = [...run.text.matchAll(/\S+/gu)];
    const chars = [...run.text].length;
    const width = run.box[2] - run.box[0];
    const made = tokens.map((m): Block => {
      const start = [...run.text.slice(0, m.index)].length;
      const length = [...m[0]].length;
      const box: Box = [run.box[0] + (width * start) / chars, run.box[1], run.box[0] + (width * (start + length)) / chars, run.box[3]];
      const chinese = HAN.test(m[0]);
      const text = options.garbleChinese ? m[0].replace(HAN_ALL, () => JUNK[Math.floor(random() * JUNK.length)]!) : m[0];
      const confidence = chinese ? (options.garbleChinese ? between(18, 62) : between(90, 99.6)) : between(97, 99.95);
      return { BlockType: 'WORD', Id: newId(), Page: n, Text: text, TextType: 'PRINTED', Confidence: confidence, Geometry: geometry(box) };
    });
    wordBlocks.set(run, made);
    return made;
  };

  // LINE: the runs of one visual line that sit close together (never across a cell's ruling).
  const lineBlocks: Block[] = [];
  const lineBoxes = new Map<Block, Box>();
  const linesOf = (runs: readonly GeoWord[]): Block[] => {
    const made: Block[] = [];
    for (const visual of textLines(runs)) {
      let group: GeoWord[] = [];
      const flush = () => {
        if (group.length === 0) return;
        const words = group.flatMap(wordsOf);
        const box = unionOf(group.map((w) => w.box));
        const line: Block = {
          BlockType: 'LINE',
          Id: newId(),
          Page: n,
          Text: words.map((w) => w.Text).join(' '),
          Confidence: Math.min(...words.map((w) => w.Confidence!)),
          Geometry: geometry(box),
          Relationships: [{ Type: 'CHILD', Ids: words.map((w) => w.Id!) }],
        };
        lineBoxes.set(line, box);
        made.push(line);
        group = [];
      };
      for (const run of visual) {
        const last = group.at(-1);
        if (last && run.box[0] - last.box[2] > 2 * height(run.box)) flush();
        group.push(run);
      }
      flush();
    }
    lineBlocks.push(...made);
    return made;
  };

  const tableBlocks: Block[] = [];
  const cellBlocks: Block[] = [];
  const mergedBlocks: Block[] = [];
  const layoutBlocks: Block[] = [];
  for (const table of tables) {
    const rows = table.ys.length - 1;
    const columns = table.xs.length - 1;
    // a merged region's words go to the grid cell each one sits in
    const placed = new Map<string, GeoWord[]>();
    for (const g of table.regions) {
      for (const w of g.words) {
        const r = Math.min(g.r1, Math.max(g.r0, band(table.ys, (w.box[1] + w.box[3]) / 2)));
        const c = Math.min(g.c1, Math.max(g.c0, band(table.xs, (w.box[0] + w.box[2]) / 2)));
        placed.set(`${r},${c}`, [...(placed.get(`${r},${c}`) ?? []), w]);
      }
    }
    const grid: Block[][] = [];
    const tableLines: Block[] = [];
    for (let r = 0; r < rows; r++) {
      const row: Block[] = [];
      for (let c = 0; c < columns; c++) {
        const box: Box = [table.xs[c]!, table.ys[r]!, table.xs[c + 1]!, table.ys[r + 1]!];
        const inside = placed.get(`${r},${c}`) ?? [];
        tableLines.push(...linesOf(inside));
        const words = inside.flatMap(wordsOf);
        // Textract's cell confidence drops with the text it could not read
        const readable = words.every((w) => w.Confidence! >= 80);
        row.push({
          BlockType: 'CELL',
          Id: newId(),
          Page: n,
          RowIndex: r + 1,
          ColumnIndex: c + 1,
          RowSpan: 1,
          ColumnSpan: 1,
          Confidence: readable ? between(86, 99.5) : between(35, 72),
          Geometry: geometry(box),
          ...(r === 0 ? { EntityTypes: ['COLUMN_HEADER' as const] } : {}),
          ...(words.length > 0 ? { Relationships: [{ Type: 'CHILD' as const, Ids: words.map((w) => w.Id!) }] } : {}),
        });
      }
      grid.push(row);
    }
    const merged = table.regions
      .filter((g) => g.r1 > g.r0 || g.c1 > g.c0)
      .map((g): Block => {
        const parts: Block[] = [];
        for (let r = g.r0; r <= g.r1; r++) for (let c = g.c0; c <= g.c1; c++) parts.push(grid[r]![c]!);
        return {
          BlockType: 'MERGED_CELL',
          Id: newId(),
          Page: n,
          RowIndex: g.r0 + 1,
          ColumnIndex: g.c0 + 1,
          RowSpan: g.r1 - g.r0 + 1,
          ColumnSpan: g.c1 - g.c0 + 1,
          Confidence: Math.min(...parts.map((p) => p.Confidence!)),
          Geometry: geometry(g.box),
          ...(g.r0 === 0 ? { EntityTypes: ['COLUMN_HEADER' as const] } : {}),
          Relationships: [{ Type: 'CHILD', Ids: parts.map((p) => p.Id!) }],
        };
      });
    const cells = grid.flat();
    const tableBlock: Block = {
      BlockType: 'TABLE',
      Id: newId(),
      Page: n,
      Confidence: between(92, 99.9),
      EntityTypes: ['STRUCTURED_TABLE'],
      Geometry: geometry(table.box),
      Relationships: [
        { Type: 'CHILD', Ids: cells.map((c) => c.Id!) },
        ...(merged.length > 0 ? [{ Type: 'MERGED_CELL' as const, Ids: merged.map((m) => m.Id!) }] : []),
      ],
    };
    tableBlocks.push(tableBlock);
    cellBlocks.push(...cells);
    mergedBlocks.push(...merged);
    layoutBlocks.push(layout('LAYOUT_TABLE', table.box, tableLines));
  }

  for (const [i, line] of linesOf(rest).entries()) {
    const text = line.Text ?? '';
    const box = lineBoxes.get(line)!;
    const type = /^[-—\s]*\d+[-—\s]*$/.test(text)
      ? 'LAYOUT_PAGE_NUMBER'
      : n === 1 && i === 0
        ? 'LAYOUT_TITLE'
        : /^[一二三四五六七八九十]+、/u.test(text)
          ? 'LAYOUT_SECTION_HEADER'
          : 'LAYOUT_TEXT';
    layoutBlocks.push(layout(type, box, [line]));
  }
  layoutBlocks.sort((a, b) => a.Geometry!.BoundingBox!.Top! - b.Geometry!.BoundingBox!.Top!);

  function layout(type: Block['BlockType'], box: Box, children: Block[]): Block {
    return {
      BlockType: type,
      Id: newId(),
      Page: n,
      Confidence: between(60, 99),
      Geometry: geometry(box),
      Relationships: [{ Type: 'CHILD', Ids: children.map((c) => c.Id!) }],
    };
  }

  const words = lineBlocks.flatMap((line) => line.Relationships![0]!.Ids!);
  const byId = new Map([...wordBlocks.values()].flat().map((w) => [w.Id!, w]));
  const pageBlock: Block = {
    BlockType: 'PAGE',
    Id: newId(),
    Page: n,
    Geometry: geometry([0, 0, page.width, page.height], false),
    Relationships: [{ Type: 'CHILD', Ids: [...lineBlocks, ...tableBlocks, ...layoutBlocks].map((b) => b.Id!) }],
  };
  return [pageBlock, ...lineBlocks, ...words.map((id) => byId.get(id)!), ...tableBlocks, ...cellBlocks, ...mergedBlocks, ...layoutBlocks];
}

/**
 * Geometry of a box on the page as Textract gives it: the box turned with the sheet about the
 * page's centre, Polygon its four corners and BoundingBox the upright box around them, as
 * fractions of the page's width and height.
 */
function geometryOn(page: PositionedPage, angle: number) {
  const ox = page.width / 2;
  const oy = page.height / 2;
  const turn = (x: number, y: number, a: number): [number, number] => [
    ox + (x - ox) * Math.cos(a) - (y - oy) * Math.sin(a),
    oy + (x - ox) * Math.sin(a) + (y - oy) * Math.cos(a),
  ];
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const make = (box: Box, turned = true): NonNullable<Block['Geometry']> => {
    const a = turned ? angle : 0;
    const corners = [turn(box[0], box[1], a), turn(box[2], box[1], a), turn(box[2], box[3], a), turn(box[0], box[3], a)];
    const xs = corners.map((p) => p[0] / page.width);
    const ys = corners.map((p) => p[1] / page.height);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return {
      BoundingBox: { Width: round(Math.max(...xs) - left), Height: round(Math.max(...ys) - top), Left: round(left), Top: round(top) },
      Polygon: corners.map(([x, y]) => ({ X: round(x / page.width), Y: round(y / page.height) })),
    };
  };
  return make;
}

/** Index of the band [edges[i], edges[i+1]) holding `v`. */
function band(edges: readonly number[], v: number): number {
  for (let i = 0; i < edges.length - 1; i++) if (v < edges[i + 1]!) return i;
  return edges.length - 2;
}

function unionOf(boxes: readonly Box[]): Box {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** A small deterministic generator (mulberry32), so a response is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The analysis as GetDocumentAnalysis serves it: at most `perResponse` blocks a response (what the
 * service returns for MaxResults), chained by opaque NextTokens; the last response has none.
 */
export function analysisResponses(blocks: readonly Block[], perResponse = 300): GetDocumentAnalysisCommandOutput[] {
  const pages = new Set(blocks.map((b) => b.Page)).size;
  const count = Math.ceil(blocks.length / perResponse);
  return Array.from(
    { length: count },
    (_, i): GetDocumentAnalysisCommandOutput => ({
      $metadata: { httpStatusCode: 200, requestId: `3f6c2a1e-0000-4000-8000-${String(i).padStart(12, '0')}` },
      DocumentMetadata: { Pages: pages },
      JobStatus: 'SUCCEEDED',
      AnalyzeDocumentModelVersion: '1.0',
      Blocks: blocks.slice(i * perResponse, (i + 1) * perResponse),
      ...(i + 1 < count ? { NextToken: Buffer.from(`page-${i + 1}-of-${count}`).toString('base64') } : {}),
    }),
  );
}
