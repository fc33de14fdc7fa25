import type { PositionedPage } from '../model/layout.ts';

/** An image to recognise: encoded bytes (PNG, JPEG, TIFF) or raw 8-bit pixels. */
export type OcrImage =
  | { kind: 'encoded'; bytes: Uint8Array }
  | { kind: 'raw'; data: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 };

export interface OcrOptions {
  signal?: AbortSignal;
}

/** Reads positioned words (and, where the engine finds them, table cells) from one page image. */
export interface OcrEngine {
  readonly name: string;
  /** `page` of the result is set by the caller; engines return 1. */
  recognize(image: OcrImage, options?: OcrOptions): Promise<PositionedPage>;
}
