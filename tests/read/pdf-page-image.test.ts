import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ImageTooLargeError, pageImage } from '../../lib/read/pdf/page-image.ts';

const here = dirname(fileURLToPath(import.meta.url));
const generated = (path: string) => new Uint8Array(readFileSync(join(here, '../../samples/generated', path)));

describe('pageImage', () => {
  it("returns a scanned page's own JPEG without re-rendering it", async () => {
    const image = await pageImage(generated('scan/h002.scan.pdf'), 2, { dpi: 300, maxPixels: 50_000_000 });
    assert.equal(image.kind, 'encoded');
    assert.deepEqual(image.kind === 'encoded' ? [...image.bytes.subarray(0, 3)] : [], [0xff, 0xd8, 0xff]);
    assert.equal(image.pixelWidth, 2481);
    assert.equal(image.pixelHeight, 3508);
    assert.ok(Math.abs(image.pageWidthPt - 595.44) < 0.01);
  });

  it('renders a born-digital page to PNG at the asked resolution', async () => {
    const image = await pageImage(generated('pdf/h002.pdf'), 1, { dpi: 100, maxPixels: 50_000_000 });
    assert.equal(image.kind, 'encoded');
    assert.deepEqual(image.kind === 'encoded' ? [...image.bytes.subarray(0, 4)] : [], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal(image.pixelWidth, Math.ceil((image.pageWidthPt * 100) / 72));
  });

  it('refuses an image larger than maxPixels before drawing it', async () => {
    await assert.rejects(pageImage(generated('pdf/h002.pdf'), 1, { dpi: 2400, maxPixels: 10_000_000 }), ImageTooLargeError);
    await assert.rejects(pageImage(generated('scan/h002.scan.pdf'), 1, { dpi: 300, maxPixels: 1_000_000 }), ImageTooLargeError);
  });
});
