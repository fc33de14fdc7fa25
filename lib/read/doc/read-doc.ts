import type { LayoutLine } from '../../model/layout.ts';
import { type ReadOutcome, unreadable } from '../read-result.ts';
import { CompoundFile, CompoundFileError } from './compound-file.ts';
import { docLines } from './doc-layout.ts';
import { deletedCharacters } from './word-deletions.ts';
import { readFib, WordFormatError, WordVersionError } from './word-fib.ts';
import { ParagraphPropertyReader } from './word-properties.ts';
import { readWordText } from './word-text.ts';

/** Streams that tell what another kind of OLE file is, for a plain message. */
const OTHER_KINDS: [string, string][] = [
  ['Workbook', 'Excel 工作簿（.xls）'],
  ['Book', 'Excel 工作簿（.xls）'],
  ['PowerPoint Document', 'PowerPoint 演示文稿（.ppt）'],
  ['VisioDocument', 'Visio 绘图'],
];

/**
 * Reads an OLE compound file: a Word 97–2003 `.doc` or WPS `.wps` (the same binary format) into
 * the layout model, tables as real cells. An encrypted Word file (a password-protected `.doc`, or
 * a `.docx` whose package is encrypted inside an OLE container) is `encrypted`; any other OLE file
 * is `unsupported`; a damaged container or Word stream is `corrupt`. Never throws for bad bytes.
 */
export function readDoc(bytes: Uint8Array): ReadOutcome {
  let file: CompoundFile;
  try {
    file = new CompoundFile(bytes);
  } catch (error) {
    if (error instanceof CompoundFileError) return corrupt(error.message);
    throw error;
  }
  try {
    const names = file.streamNames();
    if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return encrypted();
    const word = file.stream('WordDocument');
    if (!word) {
      const other = OTHER_KINDS.find(([stream]) => names.includes(stream));
      return unreadable(
        'unsupported',
        other
          ? `文件是${other[1]}，不是 Word 文档：gouji 读取网页、Word、PDF、图片和文本格式的年度报告。`
          : '文件是 OLE 复合文档，但不含 Word 正文（WordDocument 流），不是 Word 97–2003 文档：无法读取。',
      );
    }
    const fib = readFib(word);
    if (fib.encrypted) return encrypted();
    const table = file.stream(fib.tableStream);
    if (!table) return corrupt(`缺少表格流 ${fib.tableStream}`);
    const text = readWordText(word, table, fib);
    const properties = new ParagraphPropertyReader(word, table, file.stream('Data'), fib, text);
    const lines: LayoutLine[] = docLines(text, properties, deletedCharacters(word, table, fib, text));
    if (!lines.some((line) => line.table !== undefined)) {
      return unreadable(
        'noTables',
        'Word 文档中没有找到表格：年度报告的统计表（表二、表三、表四）应以表格形式出现，本文件可能只有正文或图片。',
      );
    }
    return { ok: true, layout: { lines } };
  } catch (error) {
    if (error instanceof WordVersionError) {
      return unreadable('unsupported', '文件是 Word 6.0/95 格式（比 Word 97 更早），无法读取：请另存为 .docx 或 PDF 后重试。');
    }
    if (error instanceof CompoundFileError || error instanceof WordFormatError) return corrupt(error.message);
    throw error;
  }
}

function encrypted(): ReadOutcome {
  return unreadable('encrypted', 'Word 文档设有打开密码（已加密），无法读取：请提供未加密的文件。');
}

function corrupt(detail: string): ReadOutcome {
  return unreadable('corrupt', `文件不是有效的 Word 97–2003（.doc/.wps）文档，可能已损坏（${detail}）。`);
}
