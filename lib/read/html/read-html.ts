import { decodeText, sniffHtmlCharset } from '../decode-text.ts';
import { type ReadOutcome, unreadable } from '../read-result.ts';
import { layoutLines } from './html-layout.ts';
import { htmlTitle } from './html-title.ts';
import { loadHtml } from './parse-html.ts';

/**
 * Reads an HTML page (an agency's published report) into the layout model: text blocks and
 * every table row in document order, merged cells expanded. A page without a table is
 * unreadable (`noTables`): the report's tables 2–4 are what the checks need.
 */
export function readHtml(bytes: Uint8Array): ReadOutcome {
  if (bytes.length === 0) return unreadable('empty', '文件为空，没有可读取的内容。');
  const { text, encoding } = decodeText(bytes, sniffHtmlCharset(bytes));
  const $ = loadHtml(text);
  const root = $.root()[0];
  const lines = root ? layoutLines(root) : [];
  if (!lines.some((line) => line.table !== undefined)) {
    return unreadable(
      'noTables',
      '网页中没有找到表格：年度报告的统计表（表二、表三、表四）应以表格形式发布，本页可能只是正文、链接或图片。',
    );
  }
  const title = htmlTitle($);
  return { ok: true, layout: { lines }, encoding, ...(title ? { metadataTitle: title } : {}) };
}
