import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { pageImage } from '../../lib/read/pdf/page-image.ts';
import { flatten, GENERATED, truthOf } from '../support/samples.ts';
import { type CellEdit, editCells, imageOnlyPdf, scanLike } from '../support/scan-fixtures.ts';

/**
 * Issue 3, confidence you can act on. A consistent report (h005) is scanned at 300 dpi after two
 * forgeries on its page images, as a misreading engine would produce them:
 * - 一、本年新收 总计 “4” covered with the “2” printed under it (breaks its row and its column);
 * - 行政复议 纠正错误 “3” erased (a blank read as 0: breaks the 行政复议 总计 only).
 * The rules must fire and `suspectCells` must put the forged cell in its top two.
 */
const engine = createLocalOcrEngine();
const DPI = 300;
const FORGED = 'applications.newlyReceived.total';
const ERASED = 'reviewLitigation.review.corrected';

type Box = readonly [number, number, number, number];

describe('suspect cells on a scan with a forged and an erased figure', () => {
  const truth = flatten(truthOf('h005').tables);
  let born: Result;
  let result: Result;

  before(async () => {
    const pdf = new Uint8Array(readFileSync(join(GENERATED, 'pdf', 'h005.pdf')));
    // where each figure is printed, from the born-digital text layer
    born = await processDocument({ name: 'h005.pdf', uri: 'file://h005.pdf', bytes: pdf }, { config: DEFAULT_CONFIG });
    const box = (path: string): { page: number; bbox: Box } => {
      const cell = born.cells[path];
      assert.ok(cell?.page && cell.bbox, `${path} has a position in the text layer`);
      return { page: cell.page, bbox: cell.bbox };
    };
    const edits = new Map<number, CellEdit[]>();
    const add = (page: number, edit: CellEdit) => edits.set(page, [...(edits.get(page) ?? []), edit]);
    const forged = box(FORGED);
    add(forged.page, { target: forged.bbox, donor: box('applications.carriedOver.total').bbox });
    const erased = box(ERASED);
    add(erased.page, { target: erased.bbox });

    const images = [];
    for (let n = 1; n <= 2; n++) {
      const page = await pageImage(pdf, n, { dpi: DPI, maxPixels: DEFAULT_CONFIG.maxPixels });
      assert.equal(page.kind, 'encoded');
      const edited = await editCells(page.bytes, DPI, edits.get(n) ?? []);
      images.push(await scanLike(edited, { angle: n === 1 ? 0.5 : -0.7 }));
    }
    result = await processDocument(
      { name: 'h005-forged.scan.pdf', uri: 'memory://h005-forged.scan.pdf', bytes: imageOnlyPdf(images) },
      { config: DEFAULT_CONFIG, ocr: engine },
    );
  });

  it('reads what is printed: the forged “2”, the erased blank as 0, every other cell as the truth', () => {
    assert.equal(born.status, 'valid', 'the original is consistent');
    assert.equal(result.extraction.method, 'ocr');
    const got = flatten(result.tables);
    assert.equal(truth[FORGED], 4);
    assert.equal(got[FORGED], 2);
    assert.equal(truth[ERASED], 3);
    assert.equal(got[ERASED], 0);
    const others = Object.keys(truth).filter((k) => k !== FORGED && k !== ERASED && got[k] !== truth[k]);
    assert.deepEqual(others, []);
    assert.equal(result.status, 'invalid');
  });

  it('gives every OCR’d value cell a box, and every figure read a confidence', () => {
    const values = Object.entries(flatten(result.tables)).filter(([, v]) => v !== null);
    assert.ok(values.length >= 190);
    const missing = values
      .map(([key]) => key)
      .filter((key) => {
        const cell = result.cells[key];
        const read = cell !== undefined && cell.text.trim() !== '';
        return cell?.bbox === undefined || (read && cell.confidence === undefined);
      });
    assert.deepEqual(missing, [], 'cells without a box, or figures without a confidence');
  });

  for (const [cell, rules] of [
    [FORGED, ['applications.rowTotal', 'applications.balance']],
    [ERASED, ['reviewLitigation.total']],
  ] as const) {
    it(`names ${cell} among the top two suspects of ${rules.join(' and ')}`, (t) => {
      for (const rule of rules) {
        const finding = result.findings.find((f) => f.rule === rule && f.cells.includes(cell));
        assert.ok(finding, `${rule} fires on ${cell}`);
        const confidences = finding.cells.map((c) => `${c}=${result.cells[c]?.confidence ?? '—'}`).join(', ');
        t.diagnostic(`${rule}: suspects ${JSON.stringify(finding.suspectCells)}; confidences ${confidences}`);
        assert.ok(finding.suspectCells && finding.suspectCells.length <= 2);
        assert.ok(finding.suspectCells.includes(cell), `${cell} not in ${JSON.stringify(finding.suspectCells)}`);
      }
    });
  }
});
