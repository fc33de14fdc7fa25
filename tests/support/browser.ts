/**
 * Debian's chromium driven by playwright-core, for tests of what a person sees in the pages.
 * `.ci/run` installs chromium; a clone without it skips these tests and says why.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';

const CANDIDATES = [process.env['GOUJI_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
export const CHROMIUM = CANDIDATES.find((p) => existsSync(p));
/** For node:test's `skip`: false when chromium is here, else the reason printed. */
export const skipWithoutChromium: false | string =
  CHROMIUM === undefined
    ? 'chromium is not installed (apt-get install -y chromium; .ci/run does it): the browser tests need a real browser'
    : false;

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
}

/** A page that records what the browser complains about (script errors, CSP violations). */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  return { page, problems };
}

/** Where screenshots go: docs/images when UPDATE_SCREENSHOTS=1 (the README shows them), else a temp folder. */
export const SCREENSHOTS_TO_DOCS = process.env['UPDATE_SCREENSHOTS'] === '1';

const DOCS_IMAGES = fileURLToPath(new URL('../../docs/images/', import.meta.url));
/** Colours a screenshot keeps: a page of text and flat charts loses nothing a reader sees, and the README's images stay small. */
const SCREENSHOT_COLOURS = 128;

/**
 * A full-page screenshot as a palette PNG, under docs/images when UPDATE_SCREENSHOTS=1, else in a
 * temp folder; returns its path and size in bytes.
 */
export async function keepScreenshot(page: Page, name: string): Promise<{ path: string; bytes: number }> {
  const dir = SCREENSHOTS_TO_DOCS ? DOCS_IMAGES : mkdtempSync(join(tmpdir(), 'gouji-shots-'));
  const png = await sharp(await page.screenshot({ fullPage: true }))
    .png({ palette: true, colours: SCREENSHOT_COLOURS, compressionLevel: 9 })
    .toBuffer();
  const path = join(dir, name);
  writeFileSync(path, png);
  return { path, bytes: png.length };
}
