// npm run build (also npm's `prepare`): compiles the CLI to dist/ with esbuild, so `gouji` starts
// without compiling TypeScript. Dependencies stay in node_modules (external); modules the CLI
// imports only for one command (the PDF engine, OCR, the AWS SDK) stay separate chunks, loaded on use.
// Output: dist/main.js (the CLI), dist/document-worker.js (a `gouji process` worker), chunks.
// `prepare` skips the build where this script is absent (an image that installs from the lock alone).
// Usage: node scripts/build.mjs [outdir]
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = process.argv[2] ?? `${root}dist`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['lib/cli/main.ts', 'lib/cli/document-worker.ts'],
  outdir,
  // flat: the pool finds the worker beside whichever chunk holds it
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
