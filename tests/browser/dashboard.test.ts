import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { HONGZE_BREAK_YEAR } from '../support/agency-series.ts';
import { type ArchiveBatch, buildArchiveBatch } from '../support/archive-batch.ts';
import { keepScreenshot, launch, openPage, skipWithoutChromium } from '../support/browser.ts';

describe('the dashboard (index.html) in chromium', { skip: skipWithoutChromium }, () => {
  let batch: ArchiveBatch;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const visibleRows = () => page.locator('#documents tbody tr:visible').count();

  before(async () => {
    batch = buildArchiveBatch();
    browser = await launch();
    ({ page, problems } = await openPage(browser, pathToFileURL(join(batch.out, 'index.html')).href));
  });
  after(async () => browser?.close());

  it('opens from file:// with no script error and nothing blocked, and draws its charts', async () => {
    assert.deepEqual(problems, []);
    assert.equal(await page.locator('#chart-status svg').count(), 1);
    assert.equal(await page.locator('#chart-rules svg').count(), 1);
    // the busiest agency (the five-year series) is shown at once: one trend chart per figure
    assert.equal(await page.locator('#trend-agency').inputValue(), '洪泽区人民政府');
    assert.equal(await page.locator('#trends svg').count(), 6);
    // the injected continuity break is marked in red on its year
    const red = await page.locator('#trends svg circle[fill="#c62828"]').count();
    assert.ok(red >= 1, `${red} red points`);
    assert.match((await page.locator('#trends svg').first().textContent()) ?? '', new RegExp(String(HONGZE_BREAK_YEAR)));
  });

  it('narrows the table with each filter, and sorts it by a column', async () => {
    const total = batch.results.size;
    assert.equal(await visibleRows(), total);
    await page.fill('#filter-text', '洪泽');
    assert.equal(await visibleRows(), 5);
    await page.selectOption('#filter-status', 'invalid');
    assert.equal(await visibleRows(), 1);
    assert.match((await page.locator('#shown').textContent()) ?? '', new RegExp(`显示 1 / ${total} 份`));
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-rule', 'applications.balance');
    const breaking = [...batch.results.values()].filter((r) => r.findings.some((f) => f.rule === 'applications.balance')).length;
    assert.ok(breaking > 0);
    assert.equal(await visibleRows(), breaking);
    await page.selectOption('#filter-rule', '');
    await page.click('#documents th[data-key="year"]');
    const years = (await page.locator('#documents tbody tr td:nth-child(3)').allTextContents()).map((t) => Number(t)).filter((y) => y > 0);
    assert.deepEqual(
      years,
      [...years].sort((a, b) => a - b),
    );
  });

  it('shows peer percentiles for a year, with the chosen agency among its peers', async () => {
    await page.selectOption('#peer-year', '2022');
    assert.ok((await page.locator('#peers svg').count()) >= 4);
    const rows = await page.locator('#percentiles tbody tr:visible td:first-child').allTextContents();
    assert.ok(rows.length > 0 && rows.every((y) => y === '2022'));
    assert.ok((await page.locator('#peers svg circle[fill="#c62828"]').count()) >= 1, 'the agency of the trends is marked among its peers');
  });

  it('lists year-over-year anomalies whose links open both reports at the cell', async () => {
    const anomalies = page.locator('#anomalies tbody tr');
    assert.ok((await anomalies.count()) >= 1);
    const first = anomalies.first();
    const [from, to] = [await first.locator('a.from').textContent(), await first.locator('a.to').textContent()];
    await first.locator('a.to').click();
    await page.waitForLoadState();
    assert.match(page.url(), /\.report\.html#cell-/);
    const cell = decodeURIComponent(new URL(page.url()).hash.slice('#cell-'.length));
    assert.equal((await page.locator(`td[id="cell-${cell}"]`).textContent())?.trim(), to?.trim());
    assert.equal(await page.locator('td.v:target').count(), 1);
    await page.goBack();
    await first.locator('a.from').click();
    await page.waitForLoadState();
    assert.equal((await page.locator('td.v:target').textContent())?.trim(), from?.trim());
    await page.goBack();
  });

  it('keeps a screenshot of the dashboard', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await keepScreenshot(page, 'dashboard.png');
    assert.ok(shot.bytes > 30_000, `a screenshot with content: ${shot.bytes} bytes`);
  });
});
