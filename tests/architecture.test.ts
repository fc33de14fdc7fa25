import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The pure core takes bytes and returns data: no AWS SDK, no file system, no network, no
 * environment. Only the libraries that parse documents are allowed in.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORE = ['lib/model', 'lib/read', 'lib/tables', 'lib/rules', 'lib/render', 'lib/dataset'];
const ALLOWED = new Set([
  'zod',
  // the PDF engine (PDFium in WebAssembly); it reads its .wasm from beside its module
  '@embedpdf/pdfium',
  'sharp',
  'fflate',
  // WordprocessingML (XML mode, entities left as written)
  'htmlparser2',
  // HTML: cheerio's slim entry over parse5's browser-grade tree (the main entry loads an HTTP client)
  'cheerio/slim',
  'parse5',
  'parse5-htmlparser2-tree-adapter',
  'domhandler',
  // the dataset's Parquet encoder (bytes in memory, no I/O)
  'hyparquet-writer',
  // the hashes of a page's inline scripts for its Content-Security-Policy (no I/O)
  'node:crypto',
  // types only: the dashboard's browser script draws with the Plot the CLI inlines
  '@observablehq/plot',
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const core = CORE.flatMap((dir) => files(join(ROOT, dir)));

  it('keeps the core free of AWS, I/O and environment', () => {
    const offences: string[] = [];
    for (const file of core) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (spec!.startsWith('.')) continue;
        if (!ALLOWED.has(spec!)) offences.push(`${relative(ROOT, file)} imports ${spec}`);
      }
      if (/process\.env|process\.argv/.test(text)) offences.push(`${relative(ROOT, file)} reads the environment`);
    }
    assert.deepEqual(offences, []);
  });

  it('keeps the core from importing the edges (adapters, CLI, handlers)', () => {
    const offences = core.filter((file) =>
      /from '(\.\.\/)+(adapters|cli|process-stored-document|enqueue)|functions\//.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      offences.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('keeps every file under functions/ wiring: small, and reaching the core only through the use cases', () => {
    const edge = files(join(ROOT, 'functions'));
    assert.ok(edge.length >= 10, `${edge.length} files under functions/`);
    const offences: string[] = [];
    for (const file of edge) {
      const text = readFileSync(file, 'utf8');
      const code = text.split('\n').filter((l) => l.trim() !== '' && !/^\s*(\/\/|\*|\/\*)/.test(l));
      if (code.length > 100) offences.push(`${relative(ROOT, file)} has ${code.length} lines of code`);
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        if (/\/lib\/(read|tables|rules|render|model\/(?!result|layout))/.test(spec!))
          offences.push(`${relative(ROOT, file)} reaches into the core: ${spec}`);
        if (!spec!.startsWith('.') && !/^(node:|@aws-sdk\/|@aws-lambda-powertools\/|@middy\/|aws-lambda$|zod$)/.test(spec!)) {
          offences.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
      if (file.endsWith('handler.ts') && code.length > 40) offences.push(`${relative(ROOT, file)} is not thin (${code.length} lines)`);
    }
    assert.deepEqual(offences, []);
  });
});
