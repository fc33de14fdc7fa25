import type { PositionedPage } from '../../model/layout.ts';
import type { UnreadableReason } from '../read-result.ts';
import { graphicsFromOperators } from './page-rulings.ts';
import { type TextRun, wordsFromRuns } from './page-words.ts';
import { loadPdfJs, openPdf, type PDFDocumentProxy } from './pdfjs.ts';
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
 * throws (its reason).
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfReadResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (bytes.length === 0) return fail('empty', '文件为空（0 字节）。');
  const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const deadline = Date.now() + budgetMs;
  let doc: PDFDocumentProxy | undefined;
  let abandoned = false;
  // Every await on pdf.js goes through here so an abort or the budget ends the read promptly.
  const step = <T>(work: Promise<T>): Promise<T> => withDeadline(work, deadline, signal);
  try {
    const opening = openPdf(bytes);
    // If we stop waiting, still release a document that opens later.
    opening.then((d) => (abandoned ? d.destroy() : undefined)).catch(() => undefined);
    doc = await step(opening);
    const pageCount = doc.numPages;
    if (pageCount === 0) return fail('empty', 'PDF 文件没有任何页面。');
    if (pageCount > options.maxPages) {
      return fail('tooManyPages', `PDF 共 ${pageCount} 页，超过允许的 ${options.maxPages} 页。`);
    }
    const { OPS } = await loadPdfJs();
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= pageCount; number++) {
      const page = await step(doc.getPage(number));
      const viewport = page.getViewport({ scale: 1 });
      const toPage = (x: number, y: number): [number, number] => {
        const [px = 0, py = 0] = viewport.convertToViewportPoint(x, y);
        return [px, py];
      };
      const content = await step(page.getTextContent({ includeMarkedContent: false }));
      const runs = content.items.filter((item): item is TextRun & typeof item => 'str' in item);
      const words = wordsFromRuns(runs, toPage);
      // The operator list (rulings, images) costs as much as the text: build it only for pages
      // that may hold a table (standalone numbers, or a ruled table going on from the page
      // before, perhaps only its header and rows printed blank) or may be a scan (little text).
      const standaloneNumbers = words.filter((w) => /^[\d,.\s]+$/u.test(w.text)).length;
      const chars = words.reduce((n, w) => n + w.text.trim().length, 0);
      const tableGoesOn = (pages.at(-1)?.positioned.rulings?.length ?? 0) > 0;
      const graphics =
        standaloneNumbers >= 3 || chars < 40 || tableGoesOn
          ? await step(page.getOperatorList()).then((ops) => graphicsFromOperators(ops.fnArray, ops.argsArray, OPS, toPage))
          : { rulings: [], largestImageArea: 0 };
      const pageArea = viewport.width * viewport.height || 1;
      const textLayer = judgeTextLayer(words, graphics.largestImageArea / pageArea);
      page.cleanup();
      pages.push({
        page: number,
        textLayer,
        positioned: {
          page: number,
          width: viewport.width,
          height: viewport.height,
          unit: 'pt',
          words: textLayer === 'good' ? words : [],
          ...(graphics.rulings.length > 0 ? { rulings: graphics.rulings } : {}),
        },
      });
    }
    const title = await step(doc.getMetadata())
      .then((meta) => {
        const info = meta.info as { Title?: unknown } | undefined;
        return typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : undefined;
      })
      .catch(() => undefined);
    return { ok: true, pageCount, pages, ...(title === undefined ? {} : { metadataTitle: title }) };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof BudgetExceeded) {
      return fail('timeout', `读取 PDF 超过 ${Math.round(budgetMs / 1000)} 秒仍未完成，文件可能异常。`);
    }
    return failureOf(error);
  } finally {
    if (doc !== undefined) await doc.destroy().catch(() => undefined);
    else abandoned = true;
  }
}

function failureOf(error: unknown): PdfReadResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return fail('encrypted', 'PDF 文件已加密，需要密码才能打开。');
  return fail('corrupt', '文件不是有效的 PDF，或已损坏、不完整，无法读取。');
}

function fail(reason: UnreadableReason, message: string): PdfReadResult {
  return { ok: false, reason, message };
}

function withDeadline<T>(work: Promise<T>, deadline: number, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal?.reason);
    const timer = setTimeout(() => reject(new BudgetExceeded()), Math.max(0, deadline - Date.now()));
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}
