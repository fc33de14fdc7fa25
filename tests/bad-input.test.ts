import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLocalOcrEngine } from '../lib/adapters/ocr/paddle/local-ocr-engine.ts';
import { DEFAULT_CONFIG, parseConfig } from '../lib/config.ts';
import type { Result } from '../lib/model/result.ts';
import { ResultSchema } from '../lib/model/result.ts';
import type { OcrEngine } from '../lib/ports/ocr-engine.ts';
import { OcrError } from '../lib/ports/ocr-error.ts';
import { processDocument } from '../lib/process-document.ts';
import { documentXml, docx, p } from './fixtures/docx/make-docx.ts';
import { oleFile } from './support/ole-file.ts';
import { GENERATED } from './support/samples.ts';
import { tinyPdf, writePdf, zeroPagePdf } from './support/tiny-pdf.ts';

/** Deterministic noise (xorshift), so a failure can be replayed. */
function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function run(name: string, bytes: Uint8Array, config = DEFAULT_CONFIG, ocr?: OcrEngine): Promise<Result> {
  const copy = bytes.slice();
  const result = await processDocument({ name, uri: `file:///in/${name}`, bytes }, { config, ...(ocr ? { ocr } : {}) });
  assert.deepEqual(bytes, copy, 'the input bytes are never modified');
  ResultSchema.parse(result);
  return result;
}

function assertUnreadable(result: Result, rule: string, words: RegExp) {
  assert.equal(result.status, 'unreadable');
  const finding = result.findings.find((f) => f.rule === rule);
  assert.ok(finding, `expected ${rule}, got ${result.findings.map((f) => f.rule).join(', ')}`);
  assert.match(finding.message, words);
}

describe('bad input gets a result with status unreadable and a finding that says why', () => {
  it('an empty file', async () => {
    assertUnreadable(await run('empty.txt', new Uint8Array()), 'document.empty', /空/);
    assertUnreadable(await run('empty.pdf', new Uint8Array()), 'document.empty', /空/);
  });

  it('random bytes named .txt', async () => {
    assertUnreadable(await run('noise.txt', randomBytes(4096)), 'document.corrupt', /不是可读的文本/);
  });

  it('random bytes named .pdf', async () => {
    const result = await run('noise.pdf', randomBytes(4096));
    assert.equal(result.status, 'unreadable');
    assert.match(result.findings[0]!.rule, /^document\.(corrupt|unsupported)$/);
  });

  it('a truncated PDF', async () => {
    const whole = new Uint8Array(readFileSync(join(GENERATED, 'pdf', 'h005.pdf')));
    const result = await run('truncated.pdf', whole.subarray(0, Math.floor(whole.length * 0.4)));
    assert.equal(result.status, 'unreadable');
    assert.match(result.findings[0]!.rule, /^document\./);
  });

  it('a PDF with no pages', async () => {
    assertUnreadable(await run('zero.pdf', zeroPagePdf()), 'document.empty', /页/);
  });

  it('a PDF that is not a report', async () => {
    // Latin text is no usable text layer for a Chinese report, so the page is OCR'd first
    const pdf = tinyPdf(['Invoice 2024-117', 'Total due: 1,250.00 EUR', 'Thank you']);
    assertUnreadable(await run('invoice.pdf', pdf, DEFAULT_CONFIG, createLocalOcrEngine()), 'document.noTables', /年度报告/);
    assertUnreadable(await run('invoice.pdf', pdf), 'document.ocrRequired', /OCR/);
  });

  it('a PDF with more pages than allowed', async () => {
    const config = parseConfig({ maxPages: 1 });
    const result = await run('h005.pdf', new Uint8Array(readFileSync(join(GENERATED, 'pdf', 'h005.pdf'))), config);
    assertUnreadable(result, 'document.tooManyPages', /超过/);
  });

  it('a file over the size limit', async () => {
    const config = parseConfig({ maxBytes: 1000 });
    const result = await run('h000.txt', new Uint8Array(readFileSync(join(GENERATED, 'src', 'h000.txt'))), config);
    assertUnreadable(result, 'document.tooLarge', /超过/);
  });

  it('HTML without tables', async () => {
    const html = new TextEncoder().encode('<html><body><h1>通知</h1><p>本网站维护中。</p></body></html>');
    const result = await run('page.html', html);
    assert.equal(result.status, 'unreadable');
    assert.match(result.findings[0]!.message, /表格/);
  });

  it('a DOCX whose XML declares an external entity is not expanded', async () => {
    const xxe = docx(documentXml(p('&xxe;'), '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'));
    const result = await run('xxe.docx', xxe);
    assert.equal(result.status, 'unreadable');
    assert.doesNotMatch(JSON.stringify(result), /root:/);
  });

  it('random bytes named .docx', async () => {
    const result = await run('noise.docx', randomBytes(2048, 7));
    assert.equal(result.status, 'unreadable');
  });

  it('an encrypted Word file (a password-protected .docx is an OLE container)', async () => {
    const ole = oleFile({ EncryptionInfo: new Uint8Array(300).fill(1), EncryptedPackage: randomBytes(9000, 3) });
    assertUnreadable(await run('secret.docx', ole), 'document.encrypted', /密码|加密/);
  });

  it('a compound-file header with nothing behind it, named .doc', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    assertUnreadable(await run('broken.doc', ole), 'document.corrupt', /Word 97–2003.*损坏/);
  });

  it('an RTF file and a single-file web page (MHT) named .doc: unsupported, and says which', async () => {
    const rtf = new TextEncoder().encode('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\f0 2023\\par}');
    assertUnreadable(await run('report.doc', rtf), 'document.unsupported', /RTF/);
    const mht = new TextEncoder().encode(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n------=_NextPart\r\nContent-Type: text/html\r\n\r\n<html></html>',
    );
    assertUnreadable(await run('report.doc', mht), 'document.unsupported', /MHT/);
  });

  it('an Excel workbook renamed .doc', async () => {
    assertUnreadable(await run('table.doc', oleFile({ Workbook: randomBytes(6000, 5) })), 'document.unsupported', /Excel/);
  });

  it('a plain-text file that is not a report', async () => {
    const text = new TextEncoder().encode('会议纪要\n今天讨论了三件事。\n一、预算\n二、人员\n');
    assertUnreadable(await run('minutes.txt', text), 'document.noTables', /年度报告/);
  });
});

describe('a failure inside a reader', () => {
  it('becomes an unreadable result, but a failure of the machinery (retryable) propagates for a retry', async () => {
    const scan = new Uint8Array(readFileSync(join(GENERATED, 'png', 'h002.png')));
    const broken: OcrEngine = {
      name: 'broken',
      recognize: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    const result = await run('h002.png', scan, DEFAULT_CONFIG, broken);
    assertUnreadable(result, 'document.internalError', /意外错误/);

    const unavailable: OcrEngine = {
      name: 'unavailable',
      recognize: async () => {
        throw new OcrError('service unavailable', true);
      },
    };
    await assert.rejects(run('h002.png', scan, DEFAULT_CONFIG, unavailable), /service unavailable/);
  });
});

describe('hostile PDFs end in bounded time with a result', () => {
  it('a page tree that contains itself', async () => {
    const pdf = writePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
    const result = await run('cycle.pdf', pdf);
    assert.equal(result.status, 'unreadable');
    assert.match(result.findings[0]!.rule, /^document\./);
  });

  it('a page of 200,000 drawing operators', async () => {
    let ops = '';
    for (let i = 0; i < 200_000; i++) ops += `BT /F1 1 Tf ${i % 600} ${i % 800} Td (x) Tj ET\n`;
    const pdf = writePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
    const started = Date.now();
    const result = await run('ops.pdf', pdf);
    assert.equal(result.status, 'unreadable');
    assert.ok(Date.now() - started < 60_000);
  });
});
