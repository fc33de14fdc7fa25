import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG } from '../../lib/config.ts';
import { processDocument } from '../../lib/process-document.ts';
import { countingOcr } from '../support/counting-ocr.ts';
import { cellDifferences, generatedFiles, REAL, REAL_AVAILABLE, skipWithoutReal } from '../support/samples.ts';

/** Issue 3: a PDF with a good text layer is read from it, even when an OCR engine is at hand. */
const engine = countingOcr(createLocalOcrEngine());

const files = [
  ...generatedFiles('pdf').map((f) => ({ name: f.name, path: f.path, tables: f.truth.tables })),
  // a published report, when ../shared is beside the clone
  ...(REAL_AVAILABLE
    ? [
        {
          name: 'huaian-2024.pdf',
          path: join(REAL, 'huaian-2024.pdf'),
          tables: (JSON.parse(readFileSync(join(REAL, 'huaian-2024.expected.json'), 'utf8')) as { tables: unknown }).tables,
        },
      ]
    : []),
];

describe('born-digital PDFs with an OCR engine given', () => {
  it('finds the 8 generated PDFs', () => {
    assert.equal(files.filter((f) => f.name !== 'huaian-2024.pdf').length, 8);
  });

  it('finds the real one', { skip: skipWithoutReal }, () => {
    assert.ok(files.some((f) => f.name === 'huaian-2024.pdf'));
  });

  for (const file of files) {
    it(`${file.name}: read from the text layer, no page OCR’d, every cell right`, async () => {
      const before = engine.calls;
      const result = await processDocument(
        { name: file.name, uri: `file://${file.path}`, bytes: new Uint8Array(readFileSync(file.path)) },
        { config: DEFAULT_CONFIG, ocr: engine },
      );
      assert.equal(result.extraction.method, 'text');
      assert.equal(result.extraction.ocrPages, undefined);
      assert.equal(result.extraction.ocrEngine, undefined);
      assert.equal(engine.calls, before, 'the engine was never called');
      assert.deepEqual(cellDifferences(result.tables, file.tables), []);
      // values from a text layer carry no OCR confidence
      assert.ok(Object.values(result.cells).every((c) => c.confidence === undefined));
    });
  }
});
