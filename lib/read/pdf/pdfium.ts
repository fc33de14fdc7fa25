import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';
import type { Box } from '../../model/result.ts';
import type { PdfChar, PdfDocument, PdfGraphics, PdfOpenFailure, PdfPage, PdfPath } from './pdf-engine.ts';

// The PDF engine: PDFium (Chrome's PDF library, fuzzed continuously) compiled to WebAssembly by
// @embedpdf/pdfium. The only file that knows the engine: the reader sees the PdfDocument of
// pdf-engine.ts. PDFium works synchronously; the caller bounds the work between pages, and the
// CLI's worker pool ends a call that never returns. Over 200 lines because the engine's C API is
// kept in this one file (its calls, heap views and constants), so nothing else depends on it.

type Pdfium = WrappedPdfiumModule;

let loaded: Promise<Pdfium> | undefined;

/** PDFium, compiled and initialised once per thread on first use. */
function pdfium(): Promise<Pdfium> {
  loaded ??= load();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

async function load(): Promise<Pdfium> {
  // The module reads pdfium.wasm from beside itself (its package, or a bundle's folder).
  // print/printErr: PDFium's own diagnostics about broken files are not ours to show.
  const module = await init({ print: () => {}, printErr: () => {} });
  module.PDFiumExt_Init();
  return module;
}

/**
 * A wasm trap (PDFium aborting on a hostile file, or out of its 2 GB of memory) leaves the instance
 * unusable: the next document gets a fresh one. A document that grew the heap a lot also starts
 * the next one afresh, so one huge file does not keep its memory for the rest of the batch.
 */
const RECYCLE_HEAP_BYTES = 512 * 1024 * 1024;

/** The Emscripten heap views (replaced when the wasm memory grows: read them anew after a call). */
function heapOf(module: Pdfium) {
  return module.pdfium;
}

/**
 * The calls made once per character, page object or path segment. The package wraps every export
 * in Emscripten's ccall (argument conversion, a lookup by name) — a third of the reading time on a
 * text-heavy page; these take and return only numbers, so they go to the wasm export directly.
 * Returns are raw: 0/1 for a C bool.
 */
const HOT_CALLS = [
  'FPDFText_IsGenerated',
  'FPDFText_GetUnicode',
  'FPDFText_GetCharOrigin',
  'FPDFText_GetCharAngle',
  'FPDFText_GetMatrix',
  'FPDFText_GetFontSize',
  'FPDFText_GetLooseCharBox',
  'FPDFText_GetCharBox',
  'FPDFText_GetTextObject',
  'FPDFTextObj_GetFont',
  'FPDFPageObj_GetType',
  'FPDFPageObj_GetMatrix',
  'FPDFPath_GetDrawMode',
  'FPDFPath_CountSegments',
  'FPDFPath_GetPathSegment',
  'FPDFPathSegment_GetPoint',
  'FPDFPathSegment_GetType',
  'FPDFPathSegment_GetClose',
  'FPDFPage_GetObject',
  'FPDFFormObj_GetObject',
  'FPDFFormObj_CountObjects',
] as const;
type HotCall = (typeof HOT_CALLS)[number];
type NumericCall = (...args: number[]) => number;
type HotCalls = Record<HotCall, NumericCall>;

/** A wasm export: a function of numbers returning a number (or nothing, read as undefined). */
function isNumericCall(call: unknown): call is NumericCall {
  return typeof call === 'function';
}

const hotCallsOf = new WeakMap<Pdfium, HotCalls>();

function hotCalls(module: Pdfium): HotCalls {
  let calls = hotCallsOf.get(module);
  if (!calls) {
    const direct = new Map(Object.entries(heapOf(module).wasmExports));
    // an export missing from a future build falls back to the package's wrapper
    const pick = (name: HotCall): NumericCall => {
      const call: unknown = direct.get(name);
      return isNumericCall(call) ? call : (...args) => Number(Reflect.apply(module[name], undefined, args));
    };
    calls = Object.fromEntries(HOT_CALLS.map((name) => [name, pick(name)])) as HotCalls;
    hotCallsOf.set(module, calls);
  }
  return calls;
}

// FPDF_GetLastError codes
const FPDF_ERR_PASSWORD = 4;
const FPDF_ERR_SECURITY = 5;
// FPDFPageObj_GetType
const PAGEOBJ_TEXT = 1;
const PAGEOBJ_PATH = 2;
const PAGEOBJ_IMAGE = 3;
const PAGEOBJ_FORM = 5;
// FPDFPathSegment_GetType
const SEGMENT_LINETO = 0;
const SEGMENT_BEZIERTO = 1;
const SEGMENT_MOVETO = 2;
// FPDF_RenderPageBitmap flags: annotations drawn, no LCD text smoothing
const RENDER_ANNOT = 0x01;
/** A character's advance box is at most this many em in either direction. */
const MAX_LOOSE_EM = 4;
/** Form XObjects nest; a hostile file may nest them without end. */
const MAX_FORM_DEPTH = 12;
/** Bound on the objects walked on one page (a hostile page may hold millions). */
const MAX_OBJECTS = 200_000;

/** A PDF that PDFium could not open, with why. */
export class PdfOpenError extends Error {
  override readonly name = 'PdfOpenError';
  constructor(readonly failure: PdfOpenFailure) {
    super(`cannot open the PDF (${failure})`);
  }
}

/**
 * Opens `bytes` (copied into PDFium's memory) and runs `work` on the document; everything PDFium
 * allocated for it is released afterwards, whatever `work` did.
 */
export async function withPdfDocument<T>(bytes: Uint8Array, work: (doc: PdfDocument) => T | Promise<T>): Promise<T> {
  const module = await pdfium();
  const heap = heapOf(module);
  const data = heap.wasmExports.malloc(Math.max(1, bytes.length));
  const scratch = heap.wasmExports.malloc(64);
  let handle = 0;
  let trapped = false;
  try {
    heapOf(module).HEAPU8.set(bytes, data);
    handle = module.FPDF_LoadMemDocument(data, bytes.length, '');
    if (handle === 0) {
      const code = module.FPDF_GetLastError();
      throw new PdfOpenError(code === FPDF_ERR_PASSWORD || code === FPDF_ERR_SECURITY ? 'encrypted' : 'corrupt');
    }
    return await work(documentOf(module, handle, scratch));
  } catch (error) {
    trapped = error instanceof WebAssembly.RuntimeError;
    throw error;
  } finally {
    if (!trapped) {
      if (handle !== 0) module.FPDF_CloseDocument(handle);
      heap.wasmExports.free(scratch);
      heap.wasmExports.free(data);
    }
    if (trapped || heapOf(module).HEAPU8.byteLength > RECYCLE_HEAP_BYTES) loaded = undefined;
  }
}

function documentOf(m: Pdfium, doc: number, scratch: number): PdfDocument {
  const h = hotCalls(m);
  const f32 = (at: number) => heapOf(m).HEAPF32[(scratch + at) >> 2]!;
  const f64 = (at: number) => heapOf(m).HEAPF64[(scratch + at) >> 3]!;

  /** The page's box and /Rotate as pdf.js's viewport maps them: points, origin top-left, y down. */
  function pageSpace(page: number) {
    const box = m.FPDFPage_GetCropBox(page, scratch, scratch + 4, scratch + 8, scratch + 12)
      ? [f32(0), f32(4), f32(8), f32(12)]
      : m.FPDFPage_GetMediaBox(page, scratch, scratch + 4, scratch + 8, scratch + 12)
        ? [f32(0), f32(4), f32(8), f32(12)]
        : [0, 0, 612, 792];
    const [l0, b0, r0, t0] = box as [number, number, number, number];
    const [left, right, bottom, top] = [Math.min(l0, r0), Math.max(l0, r0), Math.min(b0, t0), Math.max(b0, t0)];
    const rotation = ((m.FPDFPage_GetRotation(page) % 4) + 4) % 4;
    const toPage = (x: number, y: number): [number, number] =>
      rotation === 0
        ? [x - left, top - y]
        : rotation === 1
          ? [y - bottom, x - left]
          : rotation === 2
            ? [right - x, y - bottom]
            : [top - y, right - x];
    const [w, h] = [right - left, top - bottom];
    return { toPage, width: rotation % 2 === 0 ? w : h, height: rotation % 2 === 0 ? h : w };
  }

  function chars(page: number): PdfChar[] {
    const text = m.FPDFText_LoadPage(page);
    if (text === 0) return [];
    try {
      const count = m.FPDFText_CountChars(text);
      const out: PdfChar[] = [];
      for (let i = 0; i < count; i++) {
        if (h.FPDFText_IsGenerated(text, i) === 1) continue;
        const code = h.FPDFText_GetUnicode(text, i);
        if (!h.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8)) continue;
        const [x, y] = [f64(0), f64(8)];
        const angle = h.FPDFText_GetCharAngle(text, i);
        // the size as drawn: the font size set (Tf) scaled by the text and page matrices (WPS sets
        // Tf 199 and scales it by 0.05)
        const scale = h.FPDFText_GetMatrix(text, i, scratch) ? Math.hypot(f32(8), f32(12)) : 1;
        const size = h.FPDFText_GetFontSize(text, i) * scale;
        let loose: Box = h.FPDFText_GetLooseCharBox(text, i, scratch) ? [f32(0), f32(12), f32(8), f32(4)] : [x, y, x, y];
        // In a vertical-writing font the loose box comes out unscaled (hundreds of points): the
        // glyph's own box is the better measure of its extent there.
        if (loose[2] - loose[0] > MAX_LOOSE_EM * size || loose[3] - loose[1] > MAX_LOOSE_EM * size) {
          loose = h.FPDFText_GetCharBox(text, i, scratch, scratch + 8, scratch + 16, scratch + 24)
            ? [f64(0), f64(16), f64(8), f64(24)]
            : [x, y, x, y];
        }
        const object = h.FPDFText_GetTextObject(text, i);
        out.push({
          text: code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD',
          origin: [x, y],
          loose,
          angle: Math.max(angle, 0),
          size,
          font: object === 0 ? 0 : h.FPDFTextObj_GetFont(object),
        });
      }
      return out;
    } finally {
      m.FPDFText_ClosePage(text);
    }
  }

  function graphics(page: number): PdfGraphics {
    const paths: PdfPath[] = [];
    let largestImageArea = 0;
    let images = 0;
    let texts = 0;
    let walked = 0;
    const walk = (count: number, objectAt: (i: number) => number, parent: Matrix, depth: number) => {
      for (let i = 0; i < count && walked < MAX_OBJECTS; i++, walked++) {
        const object = objectAt(i);
        const type = h.FPDFPageObj_GetType(object);
        if (type === PAGEOBJ_TEXT) texts++;
        const own: Matrix = h.FPDFPageObj_GetMatrix(object, scratch) ? [f32(0), f32(4), f32(8), f32(12), f32(16), f32(20)] : IDENTITY;
        const matrix = multiply(parent, own);
        if (type === PAGEOBJ_IMAGE) {
          images++;
          // an image is drawn into the unit square of its matrix
          largestImageArea = Math.max(largestImageArea, Math.abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]));
        } else if (type === PAGEOBJ_PATH) {
          const path = pathOf(object, matrix);
          if (path) paths.push(path);
        } else if (type === PAGEOBJ_FORM && depth < MAX_FORM_DEPTH) {
          walk(h.FPDFFormObj_CountObjects(object), (k) => h.FPDFFormObj_GetObject(object, k), matrix, depth + 1);
        }
      }
    };
    walk(m.FPDFPage_CountObjects(page), (i) => h.FPDFPage_GetObject(page, i), IDENTITY, 0);
    return { paths, largestImageArea, images, texts };
  }

  /** A path's subpaths in PDF user space; curves end a straight run (their end point is kept). */
  function pathOf(object: number, matrix: Matrix): PdfPath | undefined {
    if (!h.FPDFPath_GetDrawMode(object, scratch, scratch + 4)) return undefined;
    const fill = heapOf(m).HEAP32[scratch >> 2]! !== 0;
    const stroke = heapOf(m).HEAP32[(scratch + 4) >> 2]! !== 0;
    if (!stroke && !fill) return undefined;
    const subpaths: PdfPath['subpaths'] = [];
    let current: [number, number][] = [];
    const flush = (closed: boolean) => {
      if (current.length > 1) subpaths.push({ points: current, closed });
      current = closed && current.length > 0 ? [current[0]!] : [];
    };
    const count = h.FPDFPath_CountSegments(object);
    for (let k = 0; k < count; k++) {
      const segment = h.FPDFPath_GetPathSegment(object, k);
      if (segment === 0 || !h.FPDFPathSegment_GetPoint(segment, scratch, scratch + 4)) continue;
      const point = apply(matrix, f32(0), f32(4));
      const type = h.FPDFPathSegment_GetType(segment);
      if (type === SEGMENT_MOVETO) {
        flush(false);
        current = [point];
      } else if (type === SEGMENT_LINETO) current.push(point);
      else if (type === SEGMENT_BEZIERTO) {
        // a Bézier comes as three points (two controls, the end): only a straight run can be a rule
        if (current.length > 1) flush(false);
        current = [point];
      }
      if (h.FPDFPathSegment_GetClose(segment)) {
        if (current.length > 0) current.push(current[0]!);
        flush(true);
      }
    }
    flush(false);
    return subpaths.length > 0 ? { subpaths, stroke, fill } : undefined;
  }

  return {
    pageCount: m.FPDF_GetPageCount(doc),
    title(): string | undefined {
      const bytes = m.FPDF_GetMetaText(doc, 'Title', 0, 0);
      if (bytes <= 2) return undefined;
      const buffer = heapOf(m).wasmExports.malloc(bytes);
      try {
        m.FPDF_GetMetaText(doc, 'Title', buffer, bytes);
        const title = new TextDecoder('utf-16le').decode(heapOf(m).HEAPU8.slice(buffer, buffer + bytes - 2)).trim();
        return title === '' ? undefined : title;
      } finally {
        heapOf(m).wasmExports.free(buffer);
      }
    },
    page<T>(number: number, read: (page: PdfPage) => T): T {
      const page = m.FPDF_LoadPage(doc, number - 1);
      if (page === 0) throw new PdfOpenError('corrupt');
      try {
        const space = pageSpace(page);
        return read({
          width: space.width,
          height: space.height,
          toPage: space.toPage,
          chars: () => chars(page),
          graphics: () => graphics(page),
          renderGray: (scale: number) => renderGray(page, space.width, space.height, scale),
        });
      } finally {
        m.FPDF_ClosePage(page);
      }
    },
  };

  /** The page drawn on white at `scale` pixels per point, as 8-bit gray. */
  function renderGray(page: number, widthPt: number, heightPt: number, scale: number) {
    const width = Math.ceil(widthPt * scale);
    const height = Math.ceil(heightPt * scale);
    const bitmap = m.FPDFBitmap_Create(width, height, 0);
    if (bitmap === 0) throw new RangeError(`cannot allocate a ${width} × ${height} page bitmap`);
    try {
      m.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
      m.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_ANNOT);
      const stride = m.FPDFBitmap_GetStride(bitmap);
      const pixels = heapOf(m).HEAPU8;
      const start = m.FPDFBitmap_GetBuffer(bitmap);
      const gray = new Uint8Array(width * height);
      for (let y = 0; y < height; y++) {
        let at = start + y * stride;
        for (let x = 0; x < width; x++, at += 4) {
          // BGRx; ITU-R 601 luma
          gray[y * width + x] = (pixels[at]! * 29 + pixels[at + 1]! * 150 + pixels[at + 2]! * 77) >> 8;
        }
      }
      return { data: gray, width, height };
    } finally {
      m.FPDFBitmap_Destroy(bitmap);
    }
  }
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `inner` applied first, then `outer` (PDF matrix concatenation). */
function multiply(outer: Matrix, inner: Matrix): Matrix {
  return [
    inner[0] * outer[0] + inner[1] * outer[2],
    inner[0] * outer[1] + inner[1] * outer[3],
    inner[2] * outer[0] + inner[3] * outer[2],
    inner[2] * outer[1] + inner[3] * outer[3],
    inner[4] * outer[0] + inner[5] * outer[2] + outer[4],
    inner[4] * outer[1] + inner[5] * outer[3] + outer[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
