import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { estimateSkewDegrees } from '../../lib/read/image/deskew.ts';
import { CorruptImageError, ImageTooLargeError, UnsupportedImageError } from '../../lib/read/image/image-errors.ts';
import { detectImageFormat, readImageHeader } from '../../lib/read/image/image-header.ts';
import { readImageFile, resizeGray } from '../../lib/read/image/read-image-file.ts';
import { GENERATED, scanPages } from './scan-images.ts';

const png = readFileSync(join(GENERATED, 'png', 'h008.png'));

/** A PNG whose header claims `width` × `height` and that has no pixel data at all. */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes[24] = 8;
  return bytes;
}

/** A JPEG with only SOI, an APP0 segment and a baseline frame header of the given size. */
function jpegHeaderOnly(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x0b, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof]);
}

/** A little-endian TIFF with one IFD holding ImageWidth/ImageLength as LONGs. */
function tiffHeaderOnly(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  bytes.write('II', 0, 'latin1');
  bytes.writeUInt16LE(42, 2);
  bytes.writeUInt32LE(8, 4);
  bytes.writeUInt16LE(2, 8);
  [256, 257].forEach((tag, i) => {
    const at = 10 + i * 12;
    bytes.writeUInt16LE(tag, at);
    bytes.writeUInt16LE(4, at + 2);
    bytes.writeUInt32LE(1, at + 4);
    bytes.writeUInt32LE(i === 0 ? width : height, at + 8);
  });
  return bytes;
}

describe('image header', () => {
  it('tells PNG, JPEG and TIFF apart by their magic bytes', async () => {
    assert.equal(detectImageFormat(png), 'png');
    assert.equal(detectImageFormat(scanPages('h008')[0]!), 'jpeg');
    assert.equal(detectImageFormat(await sharp(png).tiff().toBuffer()), 'tiff');
    assert.equal(detectImageFormat(Buffer.from('GIF89a')), undefined);
  });

  it('reads the pixel size of real PNG, JPEG and TIFF files from the header', async () => {
    assert.deepEqual(readImageHeader(png), { format: 'png', width: 1654, height: 2339 });
    assert.deepEqual(readImageHeader(scanPages('h005')[0]!), { format: 'jpeg', width: 2481, height: 3508 });
    const tiff = await sharp(png).resize(400).tiff({ compression: 'lzw' }).toBuffer();
    assert.deepEqual(readImageHeader(tiff), { format: 'tiff', width: 400, height: 566 });
    assert.deepEqual(readImageHeader(tiffHeaderOnly(300, 200)), { format: 'tiff', width: 300, height: 200 });
  });
});

describe('readImageFile', () => {
  for (const [kind, bomb] of [
    ['PNG', pngHeaderOnly(50_000, 50_000)],
    ['JPEG', jpegHeaderOnly(50_000, 50_000)],
    ['TIFF', tiffHeaderOnly(50_000, 50_000)],
  ] as const) {
    it(`refuses a 50,000 × 50,000 ${kind} from its header alone`, async () => {
      // the file holds no pixels: reaching the decoder would give a CorruptImageError instead
      await assert.rejects(readImageFile(bomb), (error: unknown) => {
        assert.ok(error instanceof ImageTooLargeError);
        assert.equal(error.width, 50_000);
        assert.equal(error.retryable, false);
        return true;
      });
    });
  }

  it('honours a lower pixel limit', async () => {
    await assert.rejects(readImageFile(png, { maxPixels: 1_000_000 }), ImageTooLargeError);
  });

  it('rejects other formats and broken files with typed errors', async () => {
    await assert.rejects(readImageFile(Buffer.from('GIF89a\x01\x00\x01\x00')), UnsupportedImageError);
    await assert.rejects(readImageFile(new Uint8Array()), UnsupportedImageError);
    await assert.rejects(readImageFile(png.subarray(0, 4000)), CorruptImageError);
    await assert.rejects(readImageFile(pngHeaderOnly(100, 100)), CorruptImageError);
  });

  it('decodes PNG, JPEG and TIFF pages to one grey image of the same size', async () => {
    const tiff = await sharp(png).tiff({ compression: 'lzw' }).toBuffer();
    const jpeg = await sharp(png).jpeg({ quality: 90 }).toBuffer();
    for (const bytes of [png, tiff, jpeg]) {
      const page = await readImageFile(bytes, { deskew: false });
      assert.equal(page.width, 1654);
      assert.equal(page.height, 2339);
      assert.equal(page.data.length, 1654 * 2339);
    }
  });

  it('straightens the skewed scans: after deskewing no skew is left', async () => {
    for (const id of ['h002', 'h008', 'h011']) {
      const page = await readImageFile(scanPages(id)[0]!);
      assert.ok(Math.abs(page.skewDegrees) >= 0.3 && Math.abs(page.skewDegrees) <= 1.5, `${id}: ${page.skewDegrees}`);
      const left = estimateSkewDegrees(await resizeGray(page, 1000));
      assert.ok(Math.abs(left) <= 0.1, `${id}: ${left}° left after deskewing`);
    }
  });

  it('finds a known rotation of a straight page', async () => {
    const straight = await readImageFile(png, { deskew: false });
    const flat = await resizeGray(straight, 1000);
    const baseline = estimateSkewDegrees(flat);
    const turned = await sharp(png).rotate(1.2, { background: '#ffffff' }).toBuffer();
    const page = await readImageFile(turned);
    // sharp turns clockwise for positive angles: the content then runs down to the right
    assert.ok(Math.abs(page.skewDegrees - (1.2 + baseline)) <= 0.1, `found ${page.skewDegrees}°`);
  });
});
