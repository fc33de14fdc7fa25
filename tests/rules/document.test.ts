import assert from 'node:assert/strict';
import { parseConfig } from '../../lib/config.ts';
import type { Finding } from '../../lib/model/result.ts';
import type { OcrEngine } from '../../lib/ports/ocr-engine.ts';
import { oleFile } from '../support/ole-file.ts';
import { generatedBytes } from '../support/samples.ts';
import { processFile, processText, ruleCases, sampleText } from './rule-cases.ts';

// document.* rules whose files the text, HTML and DOCX readers see (no PDF, no OCR); the PDF and
// image ones are in document-pdf-image.test.ts. Passing means a readable report of the same kind.
const readableText = { what: 'a readable report (h000.txt)', findings: () => processText(sampleText('h000')) };
const readableDocx = {
  what: 'a readable Word report (h005.docx)',
  findings: () => processFile('h005.docx', generatedBytes('docx/h005.docx')),
};
const saysWhy = (words: RegExp) => (finding: Finding) => assert.match(finding.message, words);

ruleCases('document.empty', 'error', {
  passes: readableText,
  fails: { what: 'a file of 0 bytes', findings: () => processFile('empty.txt', new Uint8Array()), check: saysWhy(/空/) },
});

ruleCases('document.corrupt', 'error', {
  passes: readableText,
  fails: {
    what: 'binary bytes named .txt',
    findings: () =>
      processFile(
        'noise.txt',
        Uint8Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256),
      ),
    check: saysWhy(/不是可读的文本/),
  },
});

ruleCases('document.encrypted', 'error', {
  passes: readableDocx,
  fails: {
    what: 'a password-protected .docx (an OLE container holding an encrypted package)',
    findings: () =>
      processFile(
        'secret.docx',
        oleFile({
          EncryptionInfo: new Uint8Array(300).fill(1),
          EncryptedPackage: Uint8Array.from({ length: 9000 }, (_, i) => (i * 31) % 256),
        }),
      ),
    check: saysWhy(/加密/),
  },
});

ruleCases('document.unsupported', 'error', {
  passes: readableDocx,
  fails: {
    what: 'a file named .docx that is no ZIP',
    findings: () => processFile('report.docx', new TextEncoder().encode('not a Word file')),
    check: saysWhy(/无法识别/),
  },
});

ruleCases('document.tooLarge', 'error', {
  passes: readableText,
  fails: {
    what: 'a report over a 1,000-byte limit',
    findings: () => processFile('h000.txt', generatedBytes('src/h000.txt'), { config: parseConfig({ maxBytes: 1000 }) }),
    check: saysWhy(/超过上限/),
  },
});

ruleCases('document.noTables', 'error', {
  passes: readableText,
  fails: {
    what: 'minutes of a meeting, not an annual report',
    findings: () => processText('会议纪要\n今天讨论了三件事。\n一、预算\n二、人员\n', 'minutes.txt'),
    check: saysWhy(/年度报告/),
  },
});

ruleCases('document.internalError', 'error', {
  passes: readableText,
  fails: {
    what: 'a reader that fails with a bug (an OCR engine throwing a TypeError on a photo)',
    findings: () => {
      const broken: OcrEngine = {
        name: 'broken',
        recognize: async () => {
          throw new TypeError('cannot read properties of undefined');
        },
      };
      return processFile('h020.png', generatedBytes('png/h020.png'), { ocr: broken });
    },
    check: saysWhy(/意外错误/),
  },
});
