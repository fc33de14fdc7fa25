import type { Config } from '../config.ts';
import type { Layout, PositionedPage } from '../model/layout.ts';
import type { Extraction } from '../model/result.ts';
import type { OcrEngine } from '../ports/ocr-engine.ts';
import type { DocumentKind } from './detect-kind.ts';

// What a reader returns: the layout, or why the file could not be read, and how it was read.

/**
 * Why a file could not be read at all. Each becomes a `document.<reason>` finding and the
 * result's status `unreadable`; messages are plain Chinese for the reviewer.
 */
export type UnreadableReason =
  | 'empty'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported'
  | 'tooLarge'
  | 'tooManyPages'
  | 'imageTooLarge'
  | 'ocrRequired'
  | 'ocrFailed'
  | 'noTables'
  | 'timeout';

export type ReadOutcome =
  | {
      ok: true;
      layout: Layout;
      encoding?: string;
      /** the file's own title for the report (an HTML page's <title> or meta tags) */
      metadataTitle?: string;
    }
  | { ok: false; reason: UnreadableReason; message: string };

export function unreadable(reason: UnreadableReason, message: string): ReadOutcome {
  return { ok: false, reason, message };
}

export interface ReadDocumentOptions {
  config: Config;
  ocr?: OcrEngine;
  /** pages recognised elsewhere (Textract), by 1-based page number */
  ocrPages?: PositionedPage[];
  signal?: AbortSignal;
}

/** What a reader made of a file: the layout (or why there is none) and how it was read. */
export interface DocumentRead {
  kind: DocumentKind;
  outcome: ReadOutcome;
  extraction: Extraction;
  metadataTitle?: string;
  /** the encoded images the local OCR engine read, by 1-based page: crops of flagged cells come from them */
  pageImages?: Map<number, Uint8Array>;
}
