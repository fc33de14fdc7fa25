import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { type Result, ResultSchema } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_HEIGHT, EVIDENCE_MAX_WIDTH } from '../../lib/read/image/cell-crops.ts';
import { renderReportHtml } from '../../lib/render/render-report-html.ts';
import { EVIDENCE_MAX_CELLS, evidenceCells } from '../../lib/rules/evidence-cells.ts';
import { ERASED, FORGED, forgedH005Scan } from '../support/forged-scan.ts';
import { GENERATED } from '../support/samples.ts';

/**
 * Issue 11 item 5: the page image behind a flagged OCR'd cell travels with the result and shows in
 * the report beside the cell; unflagged cells and text-layer cells get none.
 */
const engine = createLocalOcrEngine();

function flaggedPaths(result: Result): Set<string> {
  const named = (list: readonly string[] | undefined, path: string) =>
    (list ?? []).some((cell) => cell === path || path.startsWith(`${cell}.`));
  return new Set(
    Object.keys(result.cells).filter((path) =>
      result.findings.some(
        (f) =>
          (f.severity !== 'info' && (named(f.cells, path) || named(f.suspectCells, path))) ||
          (f.rule === 'ocr.lowConfidence' && named(f.cells, path)),
      ),
    ),
  );
}

function pngOf(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
}

describe('scanned-cell evidence, local OCR', () => {
  let scan: Result;
  let born: Result;

  before(async () => {
    const forged = await forgedH005Scan();
    scan = await processDocument(
      { name: 'h005-forged.scan.pdf', uri: 'file://h005-forged.scan.pdf', bytes: forged.pdf },
      { config: DEFAULT_CONFIG, ocr: engine },
    );
    const bytes = new Uint8Array(readFileSync(join(GENERATED, 'pdf', 'h005.pdf')));
    born = await processDocument({ name: 'h005.pdf', uri: 'file://h005.pdf', bytes }, { config: DEFAULT_CONFIG, ocr: engine });
  });

  it('crops the cells the findings flag, and only those', async () => {
    assert.equal(scan.status, 'invalid');
    ResultSchema.parse(scan);
    const evidence = scan.evidence ?? {};
    const flagged = flaggedPaths(scan);
    const paths = Object.keys(evidence);
    assert.ok(paths.includes(FORGED), `the forged cell ${FORGED} has a crop (got ${paths.join(', ')})`);
    assert.ok(paths.includes(ERASED), `the erased cell ${ERASED} has a crop`);
    for (const path of paths) {
      assert.ok(flagged.has(path), `${path} has a crop but no finding flags it`);
      assert.equal(scan.cells[path]?.method, 'ocr');
      assert.deepEqual(evidence[path]!.bbox, scan.cells[path]!.bbox);
    }
    const unflagged = Object.keys(scan.cells).filter((p) => !flagged.has(p));
    assert.ok(unflagged.length > 100, 'most cells are not flagged');
    assert.ok(unflagged.every((p) => evidence[p] === undefined));
    if (flagged.size <= EVIDENCE_MAX_CELLS) {
      const ocrFlagged = [...flagged].filter((p) => scan.cells[p]?.method === 'ocr' && scan.cells[p]?.bbox);
      assert.deepEqual(paths.sort(), ocrFlagged.sort(), 'every flagged OCR cell has a crop');
    }
  });

  it('keeps each crop small and the whole under the byte budget, with the figure in it', async () => {
    const evidence = Object.values(scan.evidence ?? {});
    let total = 0;
    const sizes: string[] = [];
    for (const { image } of evidence) {
      total += image.length;
      const { data, info } = await sharp(pngOf(image)).grayscale().raw().toBuffer({ resolveWithObject: true });
      assert.ok(info.width <= EVIDENCE_MAX_WIDTH && info.height <= EVIDENCE_MAX_HEIGHT, `${info.width} × ${info.height}`);
      assert.ok(info.width >= 16 && info.height >= 8, `${info.width} × ${info.height} is too small to read`);
      sizes.push(`${info.width}×${info.height} ${image.length} B`);
      // an erased cell shows only its rulings, grey once scaled down
      assert.ok(
        data.some((v) => v < 170),
        'the crop has ink (the figure, the rulings)',
      );
    }
    assert.ok(total <= EVIDENCE_MAX_BYTES);
    console.log(`${evidence.length} crops, ${total} bytes of data URLs: ${sizes.join(', ')}`);
    // the forged cell shows the figure printed there: a dark run inside the cell's middle
    const forged = scan.evidence![FORGED]!;
    const { data, info } = await sharp(pngOf(forged.image)).grayscale().raw().toBuffer({ resolveWithObject: true });
    const middle = [...data.subarray(Math.floor(info.height / 2) * info.width, (Math.floor(info.height / 2) + 1) * info.width)];
    assert.ok(
      middle.slice(Math.floor(info.width / 4), Math.floor((3 * info.width) / 4)).some((v) => v < 100),
      'ink in the middle',
    );
  });

  it('gives a born-digital PDF no crops', () => {
    assert.equal(born.extraction.method, 'text');
    assert.equal(born.evidence, undefined);
  });

  it('shows the crop beside the flagged cell in the report, and nowhere else', () => {
    const html = renderReportHtml(scan);
    const cell = new RegExp(
      `<td [^>]*id="cell-${FORGED.replaceAll('.', '\\.')}"[^>]*>[^<]*<img class="evidence" src="data:image/png;base64,`,
    );
    assert.match(html, cell);
    const images = html.match(/<img class="evidence"/g) ?? [];
    assert.equal(images.length, Object.keys(scan.evidence ?? {}).length);
    assert.match(html, /img-src data:/);
    // the result the page's script re-checks does not carry the crops a second time
    const embedded = html.match(/<script type="application\/json" id="gouji-result">([\s\S]*?)<\/script>/);
    assert.ok(embedded, 'the page embeds the result');
    assert.ok(!embedded[1]!.includes('"evidence"'));
    assert.equal(renderReportHtml(born).includes('class="evidence"'), false);
  });
});

describe('evidenceCells', () => {
  const cell = (method: 'ocr' | 'text', confidence = 0.99) => ({
    method,
    page: 1,
    bbox: [0, 0, 10, 10] as [number, number, number, number],
    text: '1',
    confidence,
  });

  it('ranks suspects first, then low confidence, then cells of failing sums, at most the cap', () => {
    const cells = Object.fromEntries([
      ...Array.from({ length: 60 }, (_, i) => [`t.sum.c${i}`, cell('ocr')]),
      ['t.low', cell('ocr', 0.4)],
      ['t.suspect', cell('ocr')],
      ['t.text', cell('text')],
      ['t.quiet', cell('ocr')],
    ]);
    const findings = [
      { rule: 'applications.balance', severity: 'error' as const, message: 'x', cells: ['t.sum', 't.text'], suspectCells: ['t.suspect'] },
      { rule: 'ocr.lowConfidence', severity: 'warning' as const, message: 'y', cells: ['t.low'] },
      { rule: 'value.blankCell', severity: 'info' as const, message: 'z', cells: ['t.quiet'] },
    ];
    const chosen = evidenceCells(cells, findings).map((c) => c.path);
    assert.equal(chosen.length, EVIDENCE_MAX_CELLS);
    assert.deepEqual(chosen.slice(0, 3), ['t.suspect', 't.low', 't.sum.c0']);
    assert.ok(!chosen.includes('t.text') && !chosen.includes('t.quiet'));
  });
});
