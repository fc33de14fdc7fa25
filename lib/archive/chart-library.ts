import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A package's UMD build: `dist/<file>` beside the file its main entry resolves to. */
async function umd(pkg: string, relative: string): Promise<string> {
  const main = require.resolve(pkg);
  return readFile(join(dirname(main), relative), 'utf8');
}

/**
 * Observable Plot and d3 as one script for the dashboard (their UMD builds from node_modules,
 * inlined so the page works from file:// with no network); null when they are not installed.
 */
export async function loadChartLibrary(): Promise<string | null> {
  try {
    const [d3, plot] = await Promise.all([umd('d3', 'd3.min.js'), umd('@observablehq/plot', '../dist/plot.umd.min.js')]);
    return `${d3}\n${plot}`;
  } catch {
    return null;
  }
}
