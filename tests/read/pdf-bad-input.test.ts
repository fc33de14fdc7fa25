import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../../lib/read/pdf/read-pdf.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(join(here, '../fixtures/pdf', name)));
const generated = new Uint8Array(readFileSync(join(here, '../../samples/generated/pdf/h002.pdf')));

describe('readPdf on bad input', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['an empty file', () => new Uint8Array(), 'empty'],
    ['random bytes', () => new Uint8Array(5000).map((_, i) => (i * 7919) % 251), 'corrupt'],
    ['a PDF cut to a third', () => generated.slice(0, Math.floor(generated.length / 3)), 'corrupt'],
    ['a PDF with no pages', () => fixture('no-pages.pdf'), 'empty'],
    ['a PDF locked with a user password', () => fixture('encrypted-user-password.pdf'), 'encrypted'],
  ];
  for (const [what, bytes, reason] of cases) {
    it(`reports ${reason} for ${what}, with a Chinese message`, async () => {
      const result = await readPdf(bytes(), { maxPages: 10 });
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.reason === reason, JSON.stringify(result));
      assert.ok(!result.ok && /[\u4e00-\u9fff]/.test(result.message));
    });
  }

  it('reads a PDF that has only an owner password', async () => {
    const result = await readPdf(fixture('encrypted-owner-only.pdf'), { maxPages: 10 });
    assert.ok(result.ok);
    assert.deepEqual(
      result.pages[0]?.positioned.words.map((w) => w.text),
      ['Hello'],
    );
  });

  it('refuses more pages than allowed', async () => {
    const result = await readPdf(generated, { maxPages: 1 });
    assert.ok(!result.ok && result.reason === 'tooManyPages');
  });

  it("leaves the caller's bytes intact", async () => {
    const bytes = generated.slice();
    await readPdf(bytes, { maxPages: 10 });
    assert.equal(bytes.byteLength, generated.byteLength);
    assert.deepEqual(bytes.subarray(0, 64), generated.subarray(0, 64));
  });

  it('stops when aborted and when its time budget runs out', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by caller'));
    await assert.rejects(readPdf(generated, { maxPages: 10, signal: controller.signal }), /stopped by caller/);
    const slow = await readPdf(generated, { maxPages: 10, timeBudgetMs: 0 });
    assert.ok(!slow.ok && slow.reason === 'timeout');
  });
});
