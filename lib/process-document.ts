import type { Config } from './config.ts';
import type { PositionedPage } from './model/layout.ts';
import type { CellEvidence, Extraction, Finding, Result, Source } from './model/result.ts';
import { MachineryError } from './ports/machinery-error.ts';
import type { OcrEngine } from './ports/ocr-engine.ts';
import { OcrError } from './ports/ocr-error.ts';
import { detectKind, mediaTypeOf } from './read/detect-kind.ts';
import { pagesNeedingOcr } from './read/pdf/pages-needing-ocr.ts';
import { readPdf } from './read/pdf/read-pdf.ts';
import { readDocument } from './read/read-document.ts';
import type { UnreadableReason } from './read/read-result.ts';
import { continuityChecks } from './rules/continuity.ts';
import { type EvidenceCell, evidenceCells } from './rules/evidence-cells.ts';
import { statusOf, validateReport } from './rules/validate.ts';
import { sha256Of } from './sha256.ts';
import { extractTables } from './tables/extract-tables.ts';
import { tooLargeMessage, unreadableResult } from './unreadable-result.ts';
import { GOUJI_VERSION } from './version.ts';

export interface DocumentInput {
  /** file name or key; its extension and magic bytes pick the reader */
  name: string;
  uri: string;
  bytes: Uint8Array;
  etag?: string;
  versionId?: string;
  contentType?: string;
  /** the bytes' sha256 when the caller has it already (hash each document once) */
  sha256?: string;
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
export async function processDocument(input: DocumentInput, options: ProcessOptions): Promise<Result> {
  const started = performance.now();
  const kind = detectKind(input.bytes, input.name);
  const source: Source = {
    uri: input.uri,
    sha256: input.sha256 ?? sha256Of(input.bytes),
    bytes: input.bytes.length,
    mediaType: mediaTypeOf(kind, input.name),
  };
  if (input.etag !== undefined) source.etag = input.etag;
  if (input.versionId !== undefined) source.versionId = input.versionId;

  const budget = AbortSignal.timeout(options.config.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;
  const unreadable: Unreadable = (reason, message, extraction = { method: 'none', reader: 'none' }) =>
    unreadableResult(source, reason, message, { ...extraction, durationMs: elapsed(started) });

  if (input.bytes.length > options.config.maxBytes) {
    return unreadable('tooLarge', tooLargeMessage(input.bytes.length, options.config.maxBytes));
  }

  try {
    return await analyse(input, options, signal, source, started, unreadable);
  } catch (error) {
    if (budget.aborted) return unreadable('timeout', `处理超过 ${options.config.timeoutMs / 1000} 秒仍未完成，已停止。`);
    // The caller's cancellation and failures of the machinery (OCR runtime, Textract, storage)
    // are not the document's fault: they propagate so the edge can retry.
    if (options.signal?.aborted || (error instanceof MachineryError && error.retryable)) throw error;
    // A failure of the machinery that no retry can mend: the result says what failed, in its words.
    if (error instanceof MachineryError) {
      const ocr = error instanceof OcrError;
      return unreadable(
        ocr ? 'ocrFailed' : 'internalError',
        `${ocr ? 'OCR 识别失败' : '处理时出错'}（${error.name}：${error.message}），不是文件本身的问题；重新上传或重新排队（redrive）会再试一次。`,
      );
    }
    // Anything else is a file the readers could not cope with: one result, never a crashed batch.
    return unreadable(
      'internalError',
      `读取此文件时发生意外错误（${(error as Error).name ?? 'Error'}：${(error as Error).message ?? String(error)}），文件可能已损坏或格式异常。`,
    );
  }
}

type Unreadable = (reason: UnreadableReason | 'internalError', message: string, extraction?: Extraction) => Result;

async function analyse(
  input: DocumentInput,
  options: ProcessOptions,
  signal: AbortSignal,
  source: Source,
  started: number,
  unreadable: Unreadable,
): Promise<Result> {
  const read = await readDocument(input.bytes, input.name, {
    config: options.config,
    signal,
    ...(options.ocr ? { ocr: options.ocr } : {}),
    ...(options.ocrPages ? { ocrPages: options.ocrPages } : {}),
  });
  if (!read.outcome.ok) return unreadable(read.outcome.reason, read.outcome.message, read.extraction);

  const extracted = extractTables(read.outcome.layout, read.metadataTitle, read.extraction.ocrPages);
  const format = extracted.report.formatVersion;
  const { tables } = extracted;
  if (!format || (!tables.proactive && !tables.applications && !tables.reviewLitigation)) {
    return unreadable(
      'noTables',
      '未找到政府信息公开工作年度报告的统计表格（表二、表三、表四）：文件可能不是年度报告，或表格无法识别。',
      read.extraction,
    );
  }
  const checked = validateReport({
    tables,
    format,
    overview: extracted.overview,
    cells: extracted.cells,
    ocrConfidenceThreshold: options.config.ocrConfidenceThreshold,
    mergedRows: extracted.mergedRows,
  });
  const findings: Finding[] = [...extracted.findings, ...checked.findings];
  // while the page images are at hand: the crops behind the OCR'd cells the findings flag
  const flagged = read.pageImages ? evidenceCells(extracted.cells, findings) : [];
  const evidence = flagged.length > 0 ? await cropsOf(flagged, read.pageImages!, options.config.maxPixels) : {};
  return {
    schemaVersion: 1,
    goujiVersion: GOUJI_VERSION,
    version: 1,
    status: statusOf(tables, findings),
    source,
    report: extracted.report,
    extraction: { ...read.extraction, durationMs: elapsed(started) },
    tables,
    ...(Object.keys(extracted.mergedRows).length > 0 ? { mergedRows: extracted.mergedRows } : {}),
    cells: extracted.cells,
    ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
    findings,
    // rules across years are run over a batch or an archive; on its own a report has no year before
    checks: [...checked.checks, ...continuityChecks(null, { tables, report: extracted.report })],
    narrative: checked.narrative,
    corrections: [],
  };
}

/**
 * Before an asynchronous OCR job (Textract): the pages the reader would OCR, decided by the
 * reader's own rule (pagesNeedingOcr); [] when nothing needs OCR or the file cannot be read (the
 * core then writes the result without a job).
 */
export async function documentPagesNeedingOcr(
  input: Pick<DocumentInput, 'bytes' | 'name'>,
  config: Config,
  signal?: AbortSignal,
): Promise<{ kind: 'pdf' | 'image'; pages: number[]; pageCount: number } | null> {
  const kind = detectKind(input.bytes, input.name);
  if (kind === 'image') return input.bytes.length > config.maxBytes ? null : { kind, pages: [1], pageCount: 1 };
  if (kind !== 'pdf' || input.bytes.length > config.maxBytes) return null;
  const pdf = await readPdf(input.bytes, { maxPages: config.maxPages, ...(signal === undefined ? {} : { signal }) });
  if (!pdf.ok) return null;
  const pages = pagesNeedingOcr(input.bytes, pdf.pages);
  return pages.length === 0 ? null : { kind, pages, pageCount: pdf.pageCount };
}

/**
 * The crops, loaded only when a page was OCR'd locally: they decode images with sharp, which the
 * function bundle without the local engine does not ship. A crop that fails leaves the result without evidence.
 */
async function cropsOf(cells: EvidenceCell[], pages: Map<number, Uint8Array>, maxPixels: number): Promise<Record<string, CellEvidence>> {
  const { cellCrops } = await import('./read/image/cell-crops.ts');
  return cellCrops(cells, pages, { maxPixels }).catch(() => ({}));
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
