import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import type { Result } from '../../lib/model/result.ts';
import { processDocument } from '../../lib/process-document.ts';
import { flatten, REAL, skipWithoutReal } from '../support/samples.ts';
import { scanOfPdf } from '../support/scan-fixtures.ts';

/**
 * Issue 3 on a real report: huaian-2024.pdf rendered at 300 dpi by the project's own renderer,
 * "scanned" (grey, turned up to 1°, soft, JPEG 85) into an image-only PDF in memory, and read back
 * through the local engine. The real file stays in ../shared/samples/real; the scan is never written.
 */
const engine = createLocalOcrEngine();
const PAGES = 6;
// each sheet sits a little differently on the glass
const ANGLES = [0.6, -0.4, 0.9, -0.8, 0.3, -1];

describe('a 300-dpi scan of huaian-2024.pdf', { skip: skipWithoutReal }, () => {
  const expected = JSON.parse(readFileSync(join(REAL, 'huaian-2024.expected.json'), 'utf8')) as {
    report: { agency: string; year: number; formatVersion: string };
    tables: unknown;
  };
  let result: Result;
  let misread: string[];
  let scanMs: number;
  let ocrMs: number;
  let scanBytes: number;

  before(async () => {
    const original = new Uint8Array(readFileSync(join(REAL, 'huaian-2024.pdf')));
    let started = performance.now();
    const scan = await scanOfPdf(original, { dpi: 300, maxPixels: DEFAULT_CONFIG.maxPixels, pages: PAGES, angles: ANGLES });
    scanMs = performance.now() - started;
    scanBytes = scan.pdf.length;
    started = performance.now();
    result = await processDocument(
      { name: 'huaian-2024.scan.pdf', uri: 'memory://huaian-2024.scan.pdf', bytes: scan.pdf },
      { config: DEFAULT_CONFIG, ocr: engine },
    );
    ocrMs = performance.now() - started;
    const got = flatten(result.tables);
    const want = flatten(expected.tables);
    misread = Object.keys(want).filter((k) => got[k] !== want[k]);
  });

  it('is OCR’d on all 6 pages, with the report named', (t) => {
    t.diagnostic(
      `scan made in ${(scanMs / 1000).toFixed(1)} s (${(scanBytes / 1e6).toFixed(1)} MB); read in ${(ocrMs / 1000).toFixed(1)} s, ${(ocrMs / PAGES / 1000).toFixed(1)} s/page, mean confidence ${result.extraction.meanConfidence}`,
    );
    assert.equal(result.extraction.method, 'ocr');
    assert.equal(result.extraction.reader, 'pdf');
    assert.equal(result.extraction.pages, PAGES);
    assert.deepEqual(result.extraction.ocrPages, [1, 2, 3, 4, 5, 6]);
    assert.equal(result.extraction.ocrEngine, engine.name);
    assert.equal(result.report.agency, expected.report.agency);
    assert.equal(result.report.year, expected.report.year);
    assert.equal(result.report.formatVersion, expected.report.formatVersion);
  });

  it('reads every cell as read by hand', (t) => {
    const got = flatten(result.tables);
    const want = flatten(expected.tables);
    t.diagnostic(`${Object.keys(want).length - misread.length}/${Object.keys(want).length} cells exact`);
    for (const key of misread) {
      const source = result.cells[key];
      t.diagnostic(`  ${key}: ${String(got[key])} ≠ ${String(want[key])} (page ${source?.page}, text “${source?.text}”)`);
    }
    assert.deepEqual(misread, []);
    assert.equal(result.status, 'valid');
  });

  it('never hides a misread: the report is not valid and every misread cell is a suspect of a failing rule', (t) => {
    if (misread.length === 0) {
      assert.equal(result.status, 'valid');
      return;
    }
    assert.notEqual(result.status, 'valid');
    const suspects = new Set(result.findings.flatMap((f) => f.suspectCells ?? []));
    for (const key of misread) {
      const rules = result.findings
        .filter((f) => f.cells.includes(key))
        .map((f) => `${f.rule}${f.suspectCells?.includes(key) ? ' (suspect)' : ''}`);
      t.diagnostic(`  ${key} flagged by: ${rules.join(', ') || 'nothing'}`);
    }
    for (const key of misread) assert.ok(suspects.has(key), `${key} is not named as a suspect`);
  });

  it('gives every OCR’d value cell a page and a box, and every figure read a confidence', () => {
    const values = Object.entries(flatten(result.tables)).filter(([, v]) => v !== null);
    assert.ok(values.length > 150);
    const missing = values
      .map(([key]) => key)
      .filter((key) => {
        const cell = result.cells[key];
        // a blank cell had nothing to recognise: it has a box but no confidence
        const read = cell !== undefined && cell.text.trim() !== '';
        return !cell?.page || cell.page > PAGES || cell.bbox === undefined || (read && cell.confidence === undefined);
      })
      .map((key) => `${key} (text “${result.cells[key]?.text ?? ''}”)`);
    assert.deepEqual(missing, [], 'cells without page, box or confidence');
  });
});
