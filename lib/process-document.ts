import { createHash } from 'node:crypto';
import type { Config } from './config.ts';
import type { PositionedPage } from './model/layout.ts';
import type { Extraction, Finding, Result, Source } from './model/result.ts';
import type { Tables } from './model/tables.ts';
import type { OcrEngine } from './ports/ocr-engine.ts';
import { detectKind, mediaTypeOf } from './read/detect-kind.ts';
import { readDocument } from './read/read-document.ts';
import { readPdf } from './read/pdf/read-pdf.ts';
import { extractTables } from './tables/extract-tables.ts';
import { statusOf, validateTables } from './rules/validate.ts';

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

const EMPTY_TABLES = { proactive: null, applications: null, reviewLitigation: null } as Tables;

/** The one use case: bytes in, a validated Result out. Never throws for a bad document. */
export async function processDocument(input: DocumentInput, options: ProcessOptions): Promise<Result> {
  const started = performance.now();
  const kind = detectKind(input.bytes, input.name);
  const source: Source = {
    uri: input.uri,
    sha256: sha256(input.bytes),
    bytes: input.bytes.length,
    mediaType: mediaTypeOf(kind, input.name),
  };
  if (input.etag !== undefined) source.etag = input.etag;
  if (input.versionId !== undefined) source.versionId = input.versionId;

  const budget = AbortSignal.timeout(options.config.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;
  const unreadableResult = (reason: string, message: string, extraction: Extraction): Result => ({
    schemaVersion: 1,
    status: 'unreadable',
    source,
    report: { agency: null, year: null, formatVersion: null, title: null },
    extraction: { ...extraction, durationMs: elapsed(started) },
    tables: EMPTY_TABLES,
    cells: {},
    findings: [{ rule: `document.${reason}`, severity: 'error', message, cells: [] }],
  });

  if (input.bytes.length > options.config.maxBytes) {
    return unreadableResult(
      'tooLarge',
      `文件大小 ${input.bytes.length} 字节，超过允许的 ${options.config.maxBytes} 字节上限。`,
      { method: 'none', reader: 'none' },
    );
  }

  try {
    return await analyse(input, options, signal, source, started, unreadableResult);
  } catch (error) {
    if (budget.aborted) {
      return unreadableResult('timeout', `处理超过 ${options.config.timeoutMs / 1000} 秒仍未完成，已停止。`, {
        method: 'none',
        reader: 'none',
      });
    }
    // The caller's cancellation and failures of the machinery (OCR runtime, Textract, storage)
    // are not the document's fault: they propagate so the edge can retry.
    if (options.signal?.aborted || (error as { retryable?: unknown }).retryable === true) throw error;
    // Anything else is a file the readers could not cope with: one result, never a crashed batch.
    return unreadableResult(
      'internalError',
      `读取此文件时发生意外错误（${(error as Error).name ?? 'Error'}：${(error as Error).message ?? String(error)}），文件可能已损坏或格式异常。`,
      { method: 'none', reader: 'none' },
    );
  }
}

async function analyse(
  input: DocumentInput,
  options: ProcessOptions,
  signal: AbortSignal,
  source: Source,
  started: number,
  unreadableResult: (reason: string, message: string, extraction: Extraction) => Result,
): Promise<Result> {
  const read = await readDocument(input.bytes, input.name, {
    config: options.config,
    signal,
    ...(options.ocr ? { ocr: options.ocr } : {}),
    ...(options.ocrPages ? { ocrPages: options.ocrPages } : {}),
  });
  if (!read.outcome.ok) return unreadableResult(read.outcome.reason, read.outcome.message, read.extraction);

  const extracted = extractTables(read.outcome.layout, read.metadataTitle);
  const format = extracted.report.formatVersion;
  const { tables } = extracted;
  if (!format || (!tables.proactive && !tables.applications && !tables.reviewLitigation)) {
    return unreadableResult(
      'noTables',
      '未找到政府信息公开工作年度报告的统计表格（表二、表三、表四）：文件可能不是年度报告，或表格无法识别。',
      read.extraction,
    );
  }
  const findings: Finding[] = [
    ...extracted.findings,
    ...validateTables({
      tables,
      format,
      overview: extracted.overview,
      cells: extracted.cells,
      ocrConfidenceThreshold: options.config.ocrConfidenceThreshold,
    }),
  ];
  return {
    schemaVersion: 1,
    status: statusOf(tables, findings),
    source,
    report: extracted.report,
    extraction: { ...read.extraction, durationMs: elapsed(started) },
    tables,
    cells: extracted.cells,
    findings,
  };
}

/** Cheap check before starting an asynchronous OCR job: which pages have no usable text layer. */
export async function pagesNeedingOcr(input: DocumentInput, config: Config): Promise<number[]> {
  const kind = detectKind(input.bytes, input.name);
  if (kind === 'image') return [1];
  if (kind !== 'pdf') return [];
  const pdf = await readPdf(input.bytes, { maxPages: config.maxPages });
  if (!pdf.ok) return [];
  return pdf.pages.filter((p) => p.textLayer === 'needsOcr').map((p) => p.page);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
