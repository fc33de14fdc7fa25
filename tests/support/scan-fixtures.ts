// Scanned-document fixtures made in test setup, never committed: an image-only PDF writer,
// a "scanner" (grey, slightly turned, soft, JPEG), header-only image bombs, and a photo that is
// not a report.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { pageImage } from '../../lib/read/pdf/page-image.ts';

/** One JPEG to place on a page; the same object given for several pages is embedded once. */
export interface PdfImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * An image-only PDF (what img2pdf or a scanner writes): one page per entry, each a JPEG
 * (/DCTDecode) stretched over an A4 page, with a correct xref table. Zero entries give a valid
 * PDF without pages.
 */
export function imageOnlyPdf(pages: readonly PdfImage[], size: { width: number; height: number } = A4): Uint8Array {
  const chunks: Buffer[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (part: string | Uint8Array) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part);
    chunks.push(buffer);
    length += buffer.length;
  };
  const object = (num: number, ...parts: (string | Uint8Array)[]) => {
    offsets[num] = length;
    push(`${num} 0 obj\n`);
    for (const part of parts) push(part);
    push('\nendobj\n');
  };

  // Numbering: 1 catalog, 2 page tree, 3 the shared content stream, then per distinct image its
  // XObject and resources, then the pages.
  const images = [...new Set(pages)];
  const imageObject = (i: number) => 4 + i * 2;
  const firstPage = 4 + images.length * 2;
  const w = size.width.toFixed(2);
  const h = size.height.toFixed(2);

  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  const kids = pages.map((_, i) => `${firstPage + i} 0 R`).join(' ');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  object(3, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  images.forEach((image, i) => {
    object(
      imageObject(i),
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray ` +
        `/BitsPerComponent 8 /Filter /DCTDecode /Length ${image.jpeg.length} >>\nstream\n`,
      image.jpeg,
      '\nendstream',
    );
    object(imageObject(i) + 1, `<< /XObject << /Im0 ${imageObject(i)} 0 R >> >>`);
  });
  pages.forEach((page, i) => {
    const resources = imageObject(images.indexOf(page)) + 1;
    object(firstPage + i, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources ${resources} 0 R /Contents 3 0 R >>`);
  });

  const count = firstPage + pages.length;
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let num = 1; num < count; num++) push(`${String(offsets[num]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks, length));
}

export interface ScanOptions {
  /** degrees the sheet sits turned on the glass (default 0.6) */
  angle?: number;
  /** Gaussian blur sigma (default 0.6) */
  blur?: number;
  /** JPEG quality (default 85) */
  quality?: number;
}

/**
 * Turns a clean page image (any format sharp reads) into what a scanner gives: grey, turned by
 * `angle` around its centre and cropped back to its size, slightly soft, JPEG.
 */
export async function scanLike(image: Uint8Array, options: ScanOptions = {}): Promise<PdfImage> {
  const { angle = 0.6, blur = 0.6, quality = 85 } = options;
  const meta = await sharp(image).metadata();
  const width = meta.width;
  const height = meta.height;
  let gray = await sharp(image).flatten({ background: '#ffffff' }).grayscale().toColourspace('b-w').png().toBuffer();
  if (angle !== 0) {
    const rotated = await sharp(gray).rotate(angle, { background: '#ffffff' }).toBuffer({ resolveWithObject: true });
    gray = await sharp(rotated.data)
      .extract({
        left: Math.floor((rotated.info.width - width) / 2),
        top: Math.floor((rotated.info.height - height) / 2),
        width,
        height,
      })
      .png()
      .toBuffer();
  }
  const jpeg = await sharp(gray).blur(blur).toColourspace('b-w').jpeg({ quality }).toBuffer();
  return { jpeg: new Uint8Array(jpeg), width, height };
}

/** A PNG chunk: length, type, data, CRC over type and data. */
function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG whose header claims `width` × `height` 8-bit grey pixels (valid signature, IHDR with a
 * correct CRC, an empty IDAT, IEND): a decompression bomb's announcement without the payload.
 */
export function pngHeaderOnly(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', ihdr), idat, pngChunk('IEND', new Uint8Array())]));
}

/** A JPEG that is only SOI, a baseline SOF0 frame header for `width` × `height` grey, and EOI. */
export function jpegHeaderOnly(width: number, height: number): Uint8Array {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]));
}

/**
 * A photo-like picture with no text: a gradient sky, a dark hill, a sun and some grain, as a
 * JPEG of `width` × `height`.
 */
export async function photoWithoutText(width = 1600, height = 1200): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b6cb0"/><stop offset="1" stop-color="#f6e05e"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.3}" r="${height * 0.12}" fill="#fff5d6"/>
    <path d="M0 ${height * 0.75} Q ${width * 0.3} ${height * 0.5} ${width * 0.6} ${height * 0.72} T ${width} ${height * 0.65} V ${height} H 0 Z" fill="#22543d"/>
    <rect x="${width * 0.15}" y="${height * 0.58}" width="${width * 0.12}" height="${height * 0.2}" fill="#744210"/>
    <polygon points="${width * 0.13},${height * 0.58} ${width * 0.21},${height * 0.48} ${width * 0.29},${height * 0.58}" fill="#9b2c2c"/>
  </svg>`;
  const noise = Buffer.alloc(width * height);
  let seed = 7;
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = 96 + (seed % 64);
  }
  const grain = await sharp(noise, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
  const photo = await sharp(Buffer.from(svg))
    .composite([{ input: grain, blend: 'overlay' }])
    .jpeg({ quality: 85 })
    .toBuffer();
  return new Uint8Array(photo);
}

/**
 * A scan of a born-digital PDF made with the project's own renderer: every page rendered at
 * `dpi` by `pageImage`, passed through `scanLike`, and put back into an image-only A4 PDF.
 * Page i is turned by `angles[i % angles.length]` degrees.
 */
export async function scanOfPdf(
  pdf: Uint8Array,
  options: { dpi: number; maxPixels: number; pages: number; angles?: number[] } & Omit<ScanOptions, 'angle'>,
): Promise<{ pdf: Uint8Array; images: PdfImage[] }> {
  const angles = options.angles ?? [0.6];
  const images: PdfImage[] = [];
  for (let n = 1; n <= options.pages; n++) {
    const page = await pageImage(pdf, n, { dpi: options.dpi, maxPixels: options.maxPixels });
    if (page.kind !== 'encoded') throw new Error(`page ${n} was not rendered to an encoded image`);
    images.push(await scanLike(page.bytes, { ...options, angle: angles[(n - 1) % angles.length] ?? 0 }));
  }
  return { pdf: imageOnlyPdf(images), images };
}

/** A cell to change on a page image: the box of its figure, and optionally a box to copy over it. */
export interface CellEdit {
  /** [x0, y0, x1, y1] in PDF points, top-left origin (a `CellSource.bbox` of a born-digital read) */
  target: readonly [number, number, number, number];
  /** another cell whose printed figure is pasted in its place; absent: the figure is erased */
  donor?: readonly [number, number, number, number];
}

/**
 * Forges figures on a rendered page image (`dpi` pixels per inch): each target cell's inside is
 * painted white (its rulings kept, `inset` points in from the box) and, when a donor is named,
 * the same-sized middle of the donor cell is pasted there — a figure in the report's own font.
 */
export async function editCells(page: Uint8Array, dpi: number, edits: readonly CellEdit[], inset = 2.5): Promise<Uint8Array> {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const layers: { input: Buffer; left: number; top: number }[] = [];
  for (const { target, donor } of edits) {
    const left = px(target[0] + inset);
    const top = px(target[1] + inset);
    const width = px(target[2] - inset) - left;
    const height = px(target[3] - inset) - top;
    const white = { create: { width, height, channels: 3 as const, background: '#ffffff' } };
    layers.push({ input: await sharp(white).png().toBuffer(), left, top });
    if (donor) {
      const centreX = px((donor[0] + donor[2]) / 2);
      const centreY = px((donor[1] + donor[3]) / 2);
      const copy = await sharp(page)
        .extract({ left: centreX - Math.floor(width / 2), top: centreY - Math.floor(height / 2), width, height })
        .png()
        .toBuffer();
      layers.push({ input: copy, left, top });
    }
  }
  return new Uint8Array(await sharp(page).composite(layers).png().toBuffer());
}
