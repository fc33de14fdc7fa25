import assert from 'node:assert/strict';
import { createLocalOcrEngine } from '../../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { parseConfig } from '../../lib/config.ts';
import type { Finding } from '../../lib/model/result.ts';
import { generatedBytes } from '../support/samples.ts';
import { pngHeaderOnly } from '../support/scan-fixtures.ts';
import { processFile, ruleCases } from './rule-cases.ts';

// document.* rules of PDFs and images (the PDF engine, the local OCR engine): not part of `npm run test:core`.
// Passing means a readable report of the same kind.
const saysWhy = (words: RegExp) => (finding: Finding) => assert.match(finding.message, words);
const pdf = generatedBytes('pdf/h005.pdf'); // born-digital, 2 pages
const readablePdf = {
  what: 'a readable born-digital PDF (h005.pdf, 2 pages), no OCR engine',
  findings: () => processFile('h005.pdf', pdf),
};

// One photo OCR'd once by the real engine serves every image rule's passing case.
const photo = generatedBytes('png/h020.png');
let photoRead: Promise<Finding[]> | undefined;
const readablePhoto = {
  what: 'a readable photo of a page (h020.png), OCR’d by the local engine',
  findings: () => {
    photoRead ??= processFile('h020.png', photo, { ocr: createLocalOcrEngine() });
    return photoRead;
  },
};

ruleCases('document.tooManyPages', 'error', {
  passes: readablePdf,
  fails: {
    what: 'the same 2-page PDF with at most 1 page allowed',
    findings: () => processFile('h005.pdf', pdf, { config: parseConfig({ maxPages: 1 }) }),
    check: saysWhy(/共 2 页，超过允许的 1 页/),
  },
});

ruleCases('document.timeout', 'error', {
  passes: readablePdf,
  fails: {
    what: 'the same PDF with a budget of 1 ms',
    findings: () => processFile('h005.pdf', pdf, { config: parseConfig({ timeoutMs: 1 }) }),
    check: saysWhy(/秒仍未完成/),
  },
});

ruleCases('document.ocrRequired', 'error', {
  passes: readablePdf,
  fails: { what: 'a photo of a page with no OCR engine', findings: () => processFile('h020.png', photo), check: saysWhy(/OCR/) },
});

ruleCases('document.imageTooLarge', 'error', {
  passes: readablePhoto,
  fails: {
    what: 'a PNG whose header announces 50,000 × 50,000 pixels',
    findings: () => processFile('bomb.png', pngHeaderOnly(50_000, 50_000), { ocr: createLocalOcrEngine() }),
    check: saysWhy(/50000 × 50000/),
  },
});

ruleCases('document.ocrFailed', 'error', {
  passes: readablePhoto,
  fails: {
    what: 'a PNG with a sound header and a corrupt image body',
    findings: () => {
      const broken = photo.slice(0, 4096);
      broken.fill(0x5a, 64);
      return processFile('broken.png', broken, { ocr: createLocalOcrEngine() });
    },
    check: saysWhy(/无法解码/),
  },
});
