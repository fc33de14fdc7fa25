import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Block, GetDocumentAnalysisCommandOutput } from '@aws-sdk/client-textract';
import { blocksToPositionedPages } from '../../lib/adapters/ocr/textract/blocks-to-positioned-pages.ts';
import { getAllResults } from '../../lib/adapters/ocr/textract/get-all-results.ts';
import { parseConfig } from '../../lib/config.ts';
import type { PositionedPage } from '../../lib/model/layout.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { linesFromPages } from '../../lib/read/geometry/lines-from-pages.ts';
import { cellDifferences, flatten, GENERATED, truthOf } from '../support/samples.ts';
import { type AnalysisOptions, analysisResponses, textractAnalysisOf } from '../support/textract-analysis.ts';
import { type RecordedCall, TextractDouble } from '../support/textract-double.ts';

const config = parseConfig({ ocrEngine: 'textract' });

describe('linesFromPages with the tables Textract found', () => {
  const word = (text: string, x: number, y: number) => ({
    text,
    bbox: [x, y, x + 12 * [...text].length, y + 12] as [number, number, number, number],
    confidence: 0.9,
  });
  const cell = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.95) => ({
    text,
    page: 1,
    bbox: [x0, y0, x1, y1] as [number, number, number, number],
    confidence,
  });
  // A heading, a two-row table (a label merged down both rows, an empty cell) and a paragraph.
  const page: PositionedPage = {
    page: 1,
    width: 595,
    height: 842,
    unit: 'pt',
    words: [
      word('四、政府信息公开行政复议、行政诉讼情况', 60, 200),
      word('行政复议', 70, 232),
      word('结果维持', 200, 232),
      word('总计', 330, 232),
      word('3', 210, 262),
      word('3', 340, 262),
      word('五、存在的主要问题及改进情况', 60, 320),
    ],
    tables: [
      {
        rows: [
          [cell('行政复议', 60, 225, 190, 285), cell('结果维持', 190, 225, 320, 255), cell('总计', 320, 225, 450, 255)],
          [cell('', 60, 255, 190, 285), cell('3', 190, 255, 320, 285, 0.99), cell('', 320, 255, 450, 285, 0.41)],
        ],
      },
    ],
  };

  it('puts each table row in reading order among the paragraphs, with the cells as Textract gave them', () => {
    const lines = linesFromPages([page]);
    assert.deepEqual(
      lines.map((l) => l.cells.map((c) => c.text)),
      [['四、政府信息公开行政复议、行政诉讼情况'], ['行政复议', '结果维持', '总计'], ['', '3', ''], ['五、存在的主要问题及改进情况']],
    );
    // Textract's cell, not the word that sits in it: its box and confidence, its table index
    assert.deepEqual(lines[2]?.cells[2], { text: '', page: 1, bbox: [320, 255, 450, 285], confidence: 0.41 });
    assert.deepEqual(
      lines.map((l) => l.table),
      [undefined, 0, 0, undefined],
    );
  });
});

/** What a user checks: the numbers, the verdict, where each number came from. */
interface Run {
  id: string;
  variant: string;
  responses: GetDocumentAnalysisCommandOutput[];
  calls: RecordedCall[];
  blocks: Block[];
  fetched: Block[];
  result: Result;
}

const CASES: { id: string; variant: string; options: AnalysisOptions }[] = [
  // format 2021, a subtotal row, full-width digits
  { id: 'h008', variant: 'readable', options: {} },
  { id: 'h008', variant: 'garbled', options: { garbleChinese: true } },
  // format 2019, a subtotal row, blank zeros, split headers; breaks rowTotal and balance
  { id: 'h002', variant: 'readable', options: {} },
  { id: 'h002', variant: 'garbled', options: { garbleChinese: true } },
  // format 2021, half-width brackets, blank zeros
  { id: 'h014', variant: 'readable', options: {} },
  { id: 'h014', variant: 'garbled', options: { garbleChinese: true } },
  // the sheet turned on the scanner: Textract's boxes turn with it
  { id: 'h002', variant: 'garbled, turned 1.2°', options: { garbleChinese: true, skewDegrees: 1.2, seed: 11 } },
];

describe('a realistic Textract analysis of a scanned report, through the core', () => {
  const runs: Run[] = [];

  before(async () => {
    for (const { id, variant, options } of CASES) {
      const blocks = await textractAnalysisOf(new Uint8Array(readFileSync(join(GENERATED, 'pdf', `${id}.pdf`))), options);
      const responses = analysisResponses(blocks, 300);
      const jobId = `0f3c${id}${'a'.repeat(56)}`;
      const textract = new TextractDouble();
      textract.addFinishedJob(jobId, responses);
      const fetched = await getAllResults(textract.client, jobId);
      const scan = join(GENERATED, 'scan', `${id}.scan.pdf`);
      const result = await processDocument(
        { name: `${id}.scan.pdf`, uri: `file://${scan}`, bytes: new Uint8Array(readFileSync(scan)) },
        { config, ocrPages: blocksToPositionedPages(fetched) },
      );
      runs.push({ id, variant, responses, calls: textract.calls, blocks, fetched, result });
    }
  });

  it('builds every response to the Block schema of the Textract API reference', () => {
    for (const run of runs) {
      const byId = new Map(run.blocks.map((b) => [b.Id!, b]));
      assert.equal(byId.size, run.blocks.length, 'ids are unique');
      for (const block of run.blocks) {
        assert.match(block.Id!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        const box = block.Geometry?.BoundingBox;
        assert.ok(box && [box.Left!, box.Top!, box.Width!, box.Height!].every((v) => v >= 0 && v <= 1), `${block.BlockType} box in 0..1`);
        assert.equal(block.Geometry?.Polygon?.length, 4);
        if (block.Confidence !== undefined) assert.ok(block.Confidence >= 0 && block.Confidence <= 100);
        for (const relation of block.Relationships ?? [])
          for (const id of relation.Ids ?? []) assert.ok(byId.has(id), `${block.BlockType} → ${id}`);
        if (block.BlockType === 'MERGED_CELL') {
          const parts = block.Relationships![0]!.Ids!.map((id) => byId.get(id)!);
          assert.ok(parts.every((p) => p.BlockType === 'CELL'));
          assert.equal(parts.length, block.RowSpan! * block.ColumnSpan!);
          assert.ok(parts.some((p) => p.RowIndex === block.RowIndex && p.ColumnIndex === block.ColumnIndex));
        }
        if (block.BlockType === 'CELL')
          assert.ok((block.Relationships ?? []).every((r) => r.Ids!.every((id) => byId.get(id)?.BlockType === 'WORD')));
        if (block.BlockType === 'TABLE') {
          assert.ok(block.Relationships![0]!.Ids!.every((id) => byId.get(id)?.BlockType === 'CELL'));
          assert.ok((block.Relationships![1]?.Ids ?? []).every((id) => byId.get(id)?.BlockType === 'MERGED_CELL'));
        }
      }
      // tables 2, 3 (cut by the page break: two TABLEs) and 4
      assert.equal(run.blocks.filter((b) => b.BlockType === 'TABLE').length, 4);
      assert.ok(run.blocks.some((b) => b.BlockType === 'MERGED_CELL'));
      const words = run.blocks.filter((b) => b.BlockType === 'WORD');
      const han = words.filter((w) => /\p{Script=Han}/u.test(w.Text!)).length;
      if (run.variant.startsWith('garbled')) assert.equal(han, 0, 'no Chinese survives the garbling');
      else assert.ok(han > 100);
    }
  });

  it('follows NextToken over several responses of at most 300 blocks and gets every block', () => {
    for (const run of runs) {
      assert.ok(run.responses.length >= 3, `${run.id}: ${run.responses.length} responses`);
      assert.ok(run.responses.every((r) => (r.Blocks ?? []).length <= 300));
      assert.deepEqual(
        run.calls.map((c) => c.input['NextToken'] ?? null),
        [null, ...run.responses.slice(0, -1).map((r) => r.NextToken)],
      );
      assert.deepEqual(run.fetched, run.blocks);
    }
  });

  for (const { id, variant } of CASES) {
    it(`${id}, Chinese ${variant}: every cell as the truth, the verdict as the truth`, () => {
      const run = runs.find((r) => r.id === id && r.variant === variant)!;
      const truth = truthOf(id);
      const { result } = run;
      assert.equal(result.extraction.ocrEngine, 'textract');
      assert.equal(result.extraction.method, 'ocr');
      assert.deepEqual(result.extraction.ocrPages, [1, 2]);
      assert.equal(result.report.formatVersion, truth.report.formatVersion);
      assert.deepEqual(cellDifferences(result.tables, truth.tables), []);
      const errors = [...new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort();
      assert.deepEqual(errors, [...truth.failingRules].sort());
      assert.equal(result.status, truth.failingRules.length === 0 ? 'valid' : 'invalid');
      for (const rule of truth.warningRules)
        assert.ok(
          result.findings.some((f) => f.rule === rule),
          `warning ${rule}`,
        );
      if (variant === 'readable') {
        assert.equal(result.report.agency, truth.report.agency);
        assert.equal(result.report.year, truth.report.year);
      }
    });
  }

  it('keeps Textract’s confidence and box on every value it read', () => {
    for (const run of runs) {
      const paths = Object.keys(flatten(truthOf(run.id).tables));
      for (const path of paths) {
        const source = run.result.cells[path];
        assert.ok(source, `${run.id} ${run.variant}: ${path} has a source`);
        assert.ok(
          source.confidence !== undefined && source.confidence >= 0 && source.confidence <= 1,
          `${path} confidence ${source.confidence}`,
        );
        const [x0, y0, x1, y1] = source.bbox ?? [];
        assert.ok(source.page === 1 || source.page === 2);
        assert.ok(x0! >= 0 && y0! >= 0 && x1! > x0! && y1! > y0! && x1! <= 600 && y1! <= 845, `${path} bbox ${source.bbox}`);
      }
    }
  });
});
