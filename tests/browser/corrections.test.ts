import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CorrectionsFileSchema } from '../../lib/model/corrections.ts';
import type { Result } from '../../lib/model/result.ts';
import { keepScreenshot, launch, openPage, skipWithoutChromium } from '../support/browser.ts';
import { ERASED, FORGED, forgedH005Scan } from '../support/forged-scan.ts';

/**
 * Issue 11, a reviewer's corrections end to end: an OCR'd scan whose figures were misread comes
 * out invalid; in its report page (real chromium) a reviewer types the figures on the paper, sees
 * the rules pass, exports the corrections; `gouji process --corrections` applies them.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAME = 'h005-forged.scan.pdf';

function gouji(...args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), 'process', ...args, '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: run.status, stderr: run.stderr };
}

describe('a reviewer corrects an OCR misreading in the report page, and gouji applies it', { skip: skipWithoutChromium }, () => {
  const work = mkdtempSync(join(tmpdir(), 'gouji-corrections-'));
  const input = join(work, 'in');
  const out = join(work, 'out');
  const reviewed = join(work, 'reviewed');
  const readResult = (): Result => JSON.parse(readFileSync(join(out, `${NAME}.json`), 'utf8')) as Result;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let read: Result;

  before(async () => {
    mkdirSync(input);
    mkdirSync(reviewed);
    writeFileSync(join(input, NAME), (await forgedH005Scan()).pdf);
    const run = gouji(input, '--out', out, '--ocr', 'local', '--jobs', '1');
    assert.equal(run.status, 0, run.stderr);
    read = readResult();
    browser = await launch();
    ({ page, problems } = await openPage(browser, pathToFileURL(join(out, `${NAME}.report.html`)).href));
  });
  after(async () => browser?.close());

  it('starts from an invalid OCR reading: the forged 2 and the erased 0', () => {
    assert.equal(read.extraction.method, 'ocr');
    assert.equal(read.status, 'invalid');
    assert.equal(read.tables.applications?.newlyReceived.total, 2);
    assert.equal(read.tables.reviewLitigation?.review.corrected, 0);
  });

  it('re-checks every rule in the page as the reviewer types the figures on the paper', async () => {
    assert.deepEqual(problems, []);
    assert.equal((await page.locator('header.status .badge').textContent())?.trim(), '不通过');
    assert.ok((await page.locator('#findings td.sev.error').count()) >= 3, 'the rules the misreading breaks are listed');
    // the page image behind the misread cell is shown in it, decoded under the page's CSP
    const evidence = page.locator(`td.v[data-cell="${FORGED}"] img.evidence`);
    assert.ok((await evidence.evaluate((img: HTMLImageElement) => img.naturalWidth)) > 0, 'the crop of the page image loads');
    await page.click('#review-toggle');
    await page.fill('#reviewer', '王审核');
    for (const [cell, value] of [
      [FORGED, '4'],
      [ERASED, '3'],
    ] as const) {
      await page.click(`td.v[data-cell="${cell}"]`);
      await page.fill('input.correction', value);
      await page.press('input.correction', 'Enter');
      assert.equal((await page.locator(`td.v[data-cell="${cell}"]`).textContent())?.trim(), value);
    }
    assert.equal((await page.locator('header.status .badge').textContent())?.trim(), '通过');
    assert.match((await page.locator('#review-status').textContent()) ?? '', /已更正 2 个单元格 · 重新核对：通过/);
    assert.equal(await page.locator('td.v.corrected').count(), 2);
    assert.equal(await evidence.count(), 1, 'the crop stays beside the corrected figure');
    assert.equal(await page.locator('table.checks .outcome.fail').count(), 0, 'no rule fails once corrected');
    // the status line and the list of findings are those of the corrected figures
    assert.match((await page.locator('header.status .counts').textContent()) ?? '', /未发现错误.*错误 0 项/);
    assert.equal(await page.locator('#findings td.sev.error').count(), 0);
    assert.deepEqual(problems, []);
    const shot = await keepScreenshot(page, 'corrected-report.png');
    assert.ok(shot.bytes > 30_000, `a screenshot with content: ${shot.bytes} bytes`);
  });

  it('exports <name>.corrections.json, which gouji process --corrections applies: valid, both values kept', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.equal(download.suggestedFilename(), `${NAME}.corrections.json`);
    const file = join(reviewed, download.suggestedFilename());
    await download.saveAs(file);
    const exported = CorrectionsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    assert.equal(exported.document.sha256, read.source.sha256);
    assert.deepEqual(
      exported.corrections.map((c) => [c.cell, c.value, c.reviewer]).sort(),
      [
        [FORGED, 4, '王审核'],
        [ERASED, 3, '王审核'],
      ].sort(),
    );

    const run = gouji(input, '--out', out, '--ocr', 'local', '--corrections', reviewed);
    assert.equal(run.status, 0, run.stderr);
    const corrected = readResult();
    assert.equal(corrected.status, 'valid');
    assert.equal(corrected.version, read.version + 1);
    assert.equal(corrected.tables.applications?.newlyReceived.total, 4);
    assert.equal(corrected.tables.reviewLitigation?.review.corrected, 3);
    for (const [cell, was] of [
      [FORGED, 2],
      [ERASED, 0],
    ] as const) {
      assert.equal(corrected.cells[cell]?.method, 'corrected', cell);
      assert.deepEqual(corrected.cells[cell]?.read, { value: was, method: read.cells[cell]?.method }, cell);
    }
    assert.equal(corrected.cells[FORGED]?.read?.method, 'ocr');
    // the page of the corrected result says so
    const html = readFileSync(join(out, `${NAME}.report.html`), 'utf8');
    assert.match(html, /含 2 处人工更正/);
    // the same corrections again change nothing
    assert.equal(gouji(input, '--out', out, '--ocr', 'local', '--corrections', reviewed).status, 0);
    assert.equal(readResult().version, corrected.version);
  });
});
