import type { PositionedPage } from '../../model/layout.ts';
import type { UnreadableReason } from '../read-result.ts';
import { rulingsFromPaths } from './page-rulings.ts';
import { wordsFromChars } from './page-words.ts';
import type { PdfPage } from './pdf-engine.ts';
import { PdfOpenError, withPdfDocument } from './pdfium.ts';
import { judgeTextLayer } from './text-layer-quality.ts';

export interface PdfPageText {
  page: number;
  textLayer: 'good' | 'needsOcr';
  positioned: PositionedPage;
}

export type PdfReadResult =
  | { ok: true; pageCount: number; pages: PdfPageText[]; metadataTitle?: string }
  | { ok: false; reason: UnreadableReason; message: string };

export interface ReadPdfOptions {
  maxPages: number;
  signal?: AbortSignal;
  /** wall-clock budget for the whole document; a hostile file gets `timeout`, not a hung process */
  timeBudgetMs?: number;
}

const DEFAULT_TIME_BUDGET_MS = 120_000;

class BudgetExceeded extends Error {}

/**
 * Reads every page's positioned text and table rulings from a PDF. Problems with the file are
 * returned as `ok: false` with a reason and a Chinese message; only an abort through `signal`
 * throws (its reason). The engine works synchronously: the budget and the signal are checked
 * before each page (the CLI's worker pool ends a page that never finishes).
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfReadResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (bytes.length === 0) return fail('empty', '文件为空（0 字节）。');
  const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const deadline = Date.now() + budgetMs;
  // Between pages the read gives the event loop a turn, so that a timer (the caller's budget,
  // AbortSignal.timeout) can fire, then checks the signal and the budget.
  const checkpoint = async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    if (Date.now() >= deadline) throw new BudgetExceeded();
  };
  try {
    return await withPdfDocument(bytes, async (doc): Promise<PdfReadResult> => {
      const pageCount = doc.pageCount;
      if (pageCount === 0) return fail('empty', 'PDF 文件没有任何页面。');
      if (pageCount > options.maxPages) {
        return fail('tooManyPages', `PDF 共 ${pageCount} 页，超过允许的 ${options.maxPages} 页。`);
      }
      const pages: PdfPageText[] = [];
      for (let number = 1; number <= pageCount; number++) {
        await checkpoint();
        const tableGoesOn = (pages.at(-1)?.positioned.rulings?.length ?? 0) > 0;
        pages.push(doc.page(number, (page) => pageText(page, number, tableGoesOn)));
      }
      await checkpoint();
      const title = doc.title();
      return { ok: true, pageCount, pages, ...(title === undefined ? {} : { metadataTitle: title }) };
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof BudgetExceeded) {
      return fail('timeout', `读取 PDF 超过 ${Math.round(budgetMs / 1000)} 秒仍未完成，文件可能异常。`);
    }
    if (error instanceof PdfOpenError && error.failure === 'encrypted') return fail('encrypted', 'PDF 文件已加密，需要密码才能打开。');
    return fail('corrupt', '文件不是有效的 PDF，或已损坏、不完整，无法读取。');
  }
}

/** `tableGoesOn`: the page before had rulings, so a ruled table may go on over the break. */
function pageText(page: PdfPage, number: number, tableGoesOn: boolean): PdfPageText {
  const words = wordsFromChars(page.chars(), page.toPage);
  // Rulings are looked for only on pages that may hold a table (standalone numbers, or a ruled
  // table going on from the page before, perhaps only its header and rows printed blank) or may
  // be a scan (little or no text): the rest is prose.
  const standaloneNumbers = words.filter((w) => /^[\d,.\s]+$/u.test(w.text)).length;
  const chars = words.reduce((n, w) => n + w.text.trim().length, 0);
  const graphics = standaloneNumbers >= 3 || chars < 40 || tableGoesOn ? page.graphics() : undefined;
  const rulings = graphics ? rulingsFromPaths(graphics.paths, page.toPage) : [];
  const pageArea = page.width * page.height || 1;
  const textLayer = judgeTextLayer(words, (graphics?.largestImageArea ?? 0) / pageArea);
  return {
    page: number,
    textLayer,
    positioned: {
      page: number,
      width: page.width,
      height: page.height,
      unit: 'pt',
      words: textLayer === 'good' ? words : [],
      ...(rulings.length > 0 ? { rulings } : {}),
    },
  };
}

function fail(reason: UnreadableReason, message: string): PdfReadResult {
  return { ok: false, reason, message };
}
