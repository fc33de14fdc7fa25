// Bundles each zip Lambda function the way the CDK stack does (esbuild: ESM, minified, tree-shaken,
// node22), adds the pdf.js files the stack ships beside it, and prints the bundle size, the zipped
// artifact size and the time to import the handler cold in a fresh node process.
// Run: npx tsx bench/aws-bundle.ts
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_BANNER, BUNDLE_EXTERNALS, pdfjsCopyCommands } from '../infra/gouji-stack.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const functions = ['process-document', 'textract-complete'];
const runs = 5;
const out = mkdtempSync(join(tmpdir(), 'gouji-bundle-'));

async function bundle(name: string, sdk: 'bundled' | 'external'): Promise<string> {
  const outfile = join(out, sdk, name, 'index.mjs');
  const result = await build({
    entryPoints: [join(root, 'functions', name, 'handler.ts')],
    outfile,
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    external: sdk === 'external' ? [...BUNDLE_EXTERNALS, '@aws-sdk/*', '@smithy/*'] : [...BUNDLE_EXTERNALS],
    banner: { js: BUNDLE_BANNER },
    metafile: true,
    logLevel: 'error',
  });
  writeFileSync(join(out, sdk, name, 'meta.json'), JSON.stringify(result.metafile));
  return outfile;
}

/** ms to import the module in a new process (median of `runs`), excluding node's own start. */
function coldImportMs(file: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: out });
    if (child.status !== 0) throw new Error(child.stderr);
    times.push(Number(child.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** Bytes of the pdf.js files shipped beside the bundle, and of the whole folder zipped. */
function shipped(file: string): { pdfjs: number; zipped: number } {
  const dir = dirname(file);
  for (const command of pdfjsCopyCommands(root.replace(/\/$/, ''), dir)) execSync(command);
  const pdfjs = Number(execSync(`du -sb "${dir}/node_modules"`, { encoding: 'utf8' }).split('\t')[0]);
  execSync(`cd "${dir}" && zip -qr -9 ../${basename(dir)}.zip index.mjs node_modules`);
  return { pdfjs, zipped: statSync(`${dir}.zip`).size };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
console.log(`function            SDK       bundle     +pdf.js    zip        cold import (median of ${runs})`);
for (const name of functions) {
  for (const sdk of ['bundled', 'external'] as const) {
    const file = await bundle(name, sdk);
    // With the SDK external the import needs the runtime's SDK: only the bundled variant is timed.
    const ms = sdk === 'bundled' ? `${coldImportMs(file).toFixed(0)} ms` : '(needs the runtime SDK)';
    const size = statSync(file).size;
    const { pdfjs, zipped } = shipped(file);
    console.log(`${name.padEnd(20)}${sdk.padEnd(10)}${mb(size).padEnd(11)}${mb(pdfjs).padEnd(11)}${mb(zipped).padEnd(11)}${ms}`);
  }
}
rmSync(out, { recursive: true, force: true });
