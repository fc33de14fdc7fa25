import type { Config } from './config.ts';
import type { PositionedPage } from './model/layout.ts';
import type { Result } from './model/result.ts';
import type { OcrEngine } from './ports/ocr-engine.ts';

export interface DocumentInput {
  /** file name or key; its extension and magic bytes pick the reader */
  name: string;
  uri: string;
  bytes: Uint8Array;
  etag?: string;
  versionId?: string;
  contentType?: string;
}

export interface ProcessOptions {
  config: Config;
  /** engine for pages without a usable text layer; absent → such documents are unreadable */
  ocr?: OcrEngine;
  /** pages already recognised elsewhere (Textract), by 1-based page number */
  ocrPages?: PositionedPage[];
  signal?: AbortSignal;
}

/** The one use case: bytes in, a validated Result out. Never throws for a bad document. */
export async function processDocument(_input: DocumentInput, _options: ProcessOptions): Promise<Result> {
  throw new Error('not yet implemented');
}

/** Cheap check before starting an asynchronous OCR job: which pages have no usable text layer. */
export async function pagesNeedingOcr(_input: DocumentInput, _config: Config): Promise<number[]> {
  throw new Error('not yet implemented');
}
