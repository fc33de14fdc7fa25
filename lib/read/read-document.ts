import type { Extraction } from '../model/result.ts';
import { decodeText } from './decode-text.ts';
import { detectKind } from './detect-kind.ts';
import { readImageDocument, readPdfDocument } from './read-pdf-or-image.ts';
import type { DocumentRead, ReadDocumentOptions } from './read-result.ts';
import { unreadable } from './read-result.ts';

export type { DocumentRead, ReadDocumentOptions } from './read-result.ts';

/**
 * Picks the reader for the bytes and returns one layout, OCR'ing only the pages that need it.
 * Each reader is loaded on first use: a worker reading only PDFs never loads the HTML parsers
 * (cheerio, parse5, htmlparser2), about 0.1 s of every worker's start.
 */
export async function readDocument(bytes: Uint8Array, name: string, options: ReadDocumentOptions): Promise<DocumentRead> {
  const kind = detectKind(bytes, name);
  const none: Extraction = { method: 'none', reader: 'none' };
  if (bytes.length === 0) return { kind, outcome: unreadable('empty', '文件为空（0 字节），没有可读取的内容。'), extraction: none };
  const other = kind === 'text' || kind === 'html' ? otherWordFormat(bytes) : undefined;
  if (other) return { kind, outcome: unreadable('unsupported', other), extraction: none };
  switch (kind) {
    case 'text': {
      const decoded = decodeText(bytes);
      if (!looksLikeText(decoded.text)) {
        return { kind, outcome: unreadable('corrupt', '文件不是可读的文本：内容为二进制数据或编码无法识别。'), extraction: none };
      }
      const { layoutFromText } = await import('./text/text-layout.ts');
      const layout = layoutFromText(decoded.text);
      return {
        kind,
        outcome: { ok: true, layout, encoding: decoded.encoding },
        extraction: { method: 'text', reader: 'text', encoding: decoded.encoding },
      };
    }
    case 'html': {
      const { readHtml } = await import('./html/read-html.ts');
      const outcome = readHtml(bytes);
      const encoding = outcome.ok && outcome.encoding ? { encoding: outcome.encoding } : {};
      const title = outcome.ok && outcome.metadataTitle ? { metadataTitle: outcome.metadataTitle } : {};
      return { kind, outcome, extraction: { method: 'text', reader: 'html', ...encoding }, ...title };
    }
    case 'docx': {
      const { readDocx } = await import('./docx/read-docx.ts');
      return { kind, outcome: readDocx(bytes), extraction: { method: 'text', reader: 'docx' } };
    }
    case 'ole': {
      const { readDoc } = await import('./doc/read-doc.ts');
      const outcome = readDoc(bytes);
      return { kind, outcome, extraction: outcome.ok ? { method: 'text', reader: 'doc' } : none };
    }
    case 'pdf':
      return readPdfDocument(bytes, options);
    case 'image':
      return readImageDocument(bytes, options);
    default:
      return {
        kind,
        outcome: unreadable('unsupported', `无法识别文件“${name}”的格式：文件内容与扩展名不符或已损坏。`),
        extraction: none,
      };
  }
}

/**
 * What Word saves besides .doc/.docx, often published under a .doc name: RTF, and a web page
 * saved as one file (MHT). Neither is read yet: say so plainly rather than read markup as text.
 */
function otherWordFormat(bytes: Uint8Array): string | undefined {
  // both announce themselves in ASCII at the start
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).trimStart();
  if (head.startsWith('{\\rtf')) return '文件是 RTF 格式（Word 的“RTF 文本”），gouji 暂不读取：请另存为 .docx、.doc 或 PDF 后重试。';
  if (/^MIME-Version:/im.test(head) && /multipart\/related/i.test(head)) {
    return '文件是“单个文件网页”（MHT/MHTML，Word 可另存为此格式），gouji 暂不读取：请另存为 .docx、.doc、网页（.html）或 PDF 后重试。';
  }
  return undefined;
}

/** Text that is mostly printable: not a binary file renamed .txt. */
function looksLikeText(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (const ch of text.slice(0, 20000)) {
    const code = ch.codePointAt(0)!;
    if (code === 0xfffd || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) bad++;
  }
  return bad / Math.min(text.length, 20000) < 0.02;
}
