import { CorruptImageError, UnsupportedImageError } from './image-errors.ts';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/** The image format named by the file's magic bytes, or undefined for anything else. */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) return 'tiff';
  if (b.length >= 4 && b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a) return 'tiff';
  return undefined;
}

/**
 * Reads format and pixel size from the header alone, so an image bomb is refused before any
 * decoding. Throws UnsupportedImageError (not PNG/JPEG/TIFF) or CorruptImageError.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const format = detectImageFormat(bytes);
  if (format === undefined) throw new UnsupportedImageError('not a PNG, JPEG or TIFF image');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = format === 'png' ? pngSize(view) : format === 'jpeg' ? jpegSize(view) : tiffSize(view);
  if (size === undefined || size.width <= 0 || size.height <= 0) {
    throw new CorruptImageError(`${format} header has no valid image size`);
  }
  return { format, ...size };
}

type Size = { width: number; height: number } | undefined;

function pngSize(view: DataView): Size {
  // IHDR is always the first chunk: length(4) "IHDR"(4) width(4) height(4)
  if (view.byteLength < 24 || view.getUint32(12) !== 0x49484452) return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(view: DataView): Size {
  let at = 2;
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return undefined;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // markers without a length field
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end or scan data before any frame header
    const length = view.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > view.byteLength) return undefined;
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

function tiffSize(view: DataView): Size {
  if (view.byteLength < 8) return undefined;
  const little = view.getUint8(0) === 0x49;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > view.byteLength) return undefined;
  const count = view.getUint16(ifd, little);
  let width: number | undefined;
  let height: number | undefined;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > view.byteLength) return undefined;
    const tag = view.getUint16(entry, little);
    if (tag !== 256 && tag !== 257) continue;
    const type = view.getUint16(entry + 2, little);
    // SHORT (3) is stored left-justified in the 4-byte value field, LONG (4) fills it
    const value = type === 3 ? view.getUint16(entry + 8, little) : type === 4 ? view.getUint32(entry + 8, little) : undefined;
    if (tag === 256) width = value;
    else height = value;
  }
  return width === undefined || height === undefined ? undefined : { width, height };
}
