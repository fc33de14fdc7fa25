import type { Config } from '../config.ts';
import type { PositionedPage } from '../model/layout.ts';
import type { Extraction } from '../model/result.ts';
import type { OcrEngine } from '../ports/ocr-engine.ts';
import type { DocumentKind } from './detect-kind.ts';
import type { ReadOutcome } from './read-outcome.ts';

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
}
