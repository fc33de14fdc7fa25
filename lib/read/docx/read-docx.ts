import type { LayoutLine } from '../../model/layout.ts';
import { decodeText } from '../decode-text.ts';
import { type ReadOutcome, unreadable } from '../read-result.ts';
import { docxLines } from './docx-layout.ts';
import { unzipEntries } from './safe-unzip.ts';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAIN_PART = 'word/document.xml';
const RELS_PART = '_rels/.rels';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A stream name inside an OLE compound file's directory (names are UTF-16LE). */
function hasCfbStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** The main document part named by the package relationships, when it is not the usual one. */
function mainPartName(rels: Uint8Array | undefined): string {
  if (!rels) return MAIN_PART;
  const xml = decodeText(rels).text;
  // the Type ends in /relationships/officeDocument (other types merely contain the word)
  const rel = xml.match(/<Relationship\b[^>]*>/g)?.find((r) => /Type\s*=\s*["'][^"']*\/officeDocument["']/.test(r));
  const target = rel && /Target\s*=\s*["']\/?([^"']+)["']/.exec(rel)?.[1];
  return target ?? MAIN_PART;
}

/**
 * Reads a Word (.docx) file into the layout model: paragraphs and table rows in body order,
 * merged cells expanded. The XML is never allowed a DOCTYPE, so no entity (external or nested)
 * is ever declared or expanded; the zip is opened within size and entry limits.
 */
export function readDocx(bytes: Uint8Array): ReadOutcome {
  if (bytes.length === 0) return unreadable('empty', '文件为空，没有可读取的内容。');
  if (startsWith(bytes, CFB_MAGIC)) {
    if (hasCfbStream(bytes, 'WordDocument') && !hasCfbStream(bytes, 'EncryptedPackage')) {
      return unreadable('unsupported', '这是旧版 Word（.doc）文件，不是 .docx：请另存为 .docx 或 PDF 后再提交。');
    }
    return unreadable('encrypted', 'Word 文档设有打开密码（已加密），无法读取：请提供未加密的文件。');
  }
  const zip = unzipEntries(bytes, (name) => name === MAIN_PART || name === RELS_PART);
  if (!zip.ok) {
    return zip.problem === 'tooLarge'
      ? unreadable('tooLarge', `Word 文档解压后过大，已拒绝读取（${zip.detail}）。`)
      : unreadable('corrupt', '文件不是有效的 Word（.docx）文档：无法作为压缩包打开，文件可能已损坏或扩展名有误。');
  }
  const partName = mainPartName(zip.entries.get(RELS_PART));
  let part = zip.entries.get(partName);
  if (!part && partName !== MAIN_PART) {
    const other = unzipEntries(bytes, (name) => name === partName);
    part = other.ok ? other.entries.get(partName) : undefined;
  }
  if (!part) return unreadable('corrupt', 'Word 文档缺少正文（word/document.xml），文件可能已损坏或不是 Word 文档。');
  const xml = decodeText(part).text;
  // Word never writes a DOCTYPE: one here is an entity attack (XXE, billion laughs) or not Word.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return unreadable('corrupt', 'Word 文档正文含有 DOCTYPE/实体声明，正常的 Word 文件不会有；出于安全考虑未读取。');
  }
  let lines: LayoutLine[];
  try {
    lines = docxLines(xml);
  } catch {
    return unreadable('corrupt', 'Word 文档正文的 XML 无法解析，文件可能已损坏。');
  }
  if (!lines.some((line) => line.table !== undefined)) {
    return unreadable(
      'noTables',
      'Word 文档中没有找到表格：年度报告的统计表（表二、表三、表四）应以表格形式出现，本文件可能只有正文或图片。',
    );
  }
  return { ok: true, layout: { lines } };
}
