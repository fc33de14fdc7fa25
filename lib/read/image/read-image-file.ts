import sharp from 'sharp';
import { estimateSkewDegrees } from './deskew.ts';
import type { GrayImage } from './gray-image.ts';
import { CorruptImageError, ImageTooLargeError } from './image-errors.ts';
import { type ImageFormat, readImageHeader } from './image-header.ts';

export interface ReadImageOptions {
  /** refuse larger images before decoding (Config.maxPixels) */
  maxPixels?: number;
  /** turn the page straight (default true) */
  deskew?: boolean;
}

export interface PageImage extends GrayImage {
  format: ImageFormat | 'raw';
  /** the skew found and removed, degrees (positive: the scan was turned clockwise) */
  skewDegrees: number;
}

export const DEFAULT_MAX_PIXELS = 60_000_000;
// One libvips thread per image operation. Pages are already read in parallel, one per core (the
// engine's recognizeMany, the CLI's workers), so more threads only contend for the same cores:
// with two, a page's reading took ~30 ms more CPU and no less time (same pixels either way).
const LIBVIPS_THREADS = 1;
sharp.concurrency(LIBVIPS_THREADS);
// Output one grey band. The same pixels as .grayscale(), which converts through sRGB and back,
// which cost a third of the time of a page's rotation (measured on 2481 × 3508 scans).
const GREY = 'b-w';
// the skew estimate needs no more resolution than this
const SKEW_SAMPLE_WIDTH = 1000;

/**
 * Decodes a PNG, JPEG or TIFF (first page) to an 8-bit grey page, straightened. The size is
 * checked from the header before decoding: throws ImageTooLargeError, UnsupportedImageError or
 * CorruptImageError, which the core reports as findings.
 */
export async function readImageFile(bytes: Uint8Array, options: ReadImageOptions = {}): Promise<PageImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const header = readImageHeader(bytes);
  if (header.width * header.height > maxPixels) {
    throw new ImageTooLargeError(header.width, header.height, maxPixels);
  }
  let gray: GrayImage;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
      .flatten({ background: '#ffffff' })
      .toColourspace(GREY)
      .raw()
      .toBuffer({ resolveWithObject: true });
    gray = { data: toGray(data, info.channels), width: info.width, height: info.height };
  } catch (error) {
    throw new CorruptImageError(`cannot decode ${header.format} image`, { cause: error });
  }
  const page = options.deskew === false ? { ...gray, skewDegrees: 0 } : await deskewImage(gray);
  return { ...page, format: header.format };
}

/** Straightens a grey page: estimates the skew on a small copy, then rotates the full page. */
export async function deskewImage(image: GrayImage): Promise<GrayImage & { skewDegrees: number }> {
  const sample = await resizeGray(image, Math.min(SKEW_SAMPLE_WIDTH, image.width));
  const skewDegrees = estimateSkewDegrees(sample);
  if (Math.abs(skewDegrees) < 0.05) return { ...image, skewDegrees: 0 };
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .rotate(-skewDegrees, { background: '#ffffff' })
    .toColourspace(GREY)
    .raw()
    .toBuffer({ resolveWithObject: true });
  // rotation grows the canvas; crop back to the original size around the centre
  const rotated = { data: toGray(data, info.channels), width: info.width, height: info.height };
  return { ...cropCentre(rotated, image.width, image.height), skewDegrees };
}

/** Resizes a grey image to `width` keeping its aspect ratio. */
export async function resizeGray(image: GrayImage, width: number, height?: number): Promise<GrayImage> {
  const targetHeight = height ?? Math.max(1, Math.round((image.height * width) / image.width));
  if (width === image.width && targetHeight === image.height) return image;
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(width, targetHeight, { fit: 'fill' })
    .toColourspace(GREY)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: toGray(data, info.channels), width: info.width, height: info.height };
}

function cropCentre(image: GrayImage, width: number, height: number): GrayImage {
  const left = Math.max(0, Math.floor((image.width - width) / 2));
  const top = Math.max(0, Math.floor((image.height - height) / 2));
  const w = Math.min(width, image.width - left);
  const h = Math.min(height, image.height - top);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const from = (top + y) * image.width + left;
    data.set(image.data.subarray(from, from + w), y * w);
  }
  return { data, width: w, height: h };
}

function toGray(data: Uint8Array, channels: number): Uint8Array {
  if (channels === 1) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels]!;
  return out;
}
