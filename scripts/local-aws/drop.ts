// The documents of a bulk drop: the generated reports in every format, made distinct (a byte that
// changes nothing a reader sees), a third-ish scanned, plus the awkward cases an archive holds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

export interface DropItem {
  key: string;
  body: Uint8Array;
  /** needs OCR (a scan, a photo, a partly scanned PDF) */
  scanned: boolean;
}

const ROOT = new URL('../../', import.meta.url).pathname;
const GENERATED = join(ROOT, 'samples/generated');
const FIXTURES = join(ROOT, 'tests/fixtures');
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(join(GENERATED, dir))
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(GENERATED, dir, f));
const concat = (a: Uint8Array, b: string): Uint8Array => new Uint8Array([...a, ...new TextEncoder().encode(b)]);

/** A copy that differs in bytes only where no reader looks: trailing blank lines, an HTML or PDF comment. */
function distinct(bytes: Uint8Array, path: string, n: number): Uint8Array {
  if (path.endsWith('.txt')) return concat(bytes, '\n'.repeat(1 + (n % 5)) + ' '.repeat(n));
  if (path.endsWith('.html')) return concat(bytes, `\n<!-- drill ${n} -->\n`);
  if (path.endsWith('.pdf')) return concat(bytes, `\n%drill ${n}\n`);
  return bytes; // DOCX, DOC and images stay byte-identical under their other keys
}

/** A PDF whose first page has a text layer and the rest are scanned. */
async function partlyScanned(id: string): Promise<Uint8Array> {
  const text = await PDFDocument.load(read(join(GENERATED, 'pdf', `${id}.pdf`)));
  const scan = await PDFDocument.load(read(join(GENERATED, 'scan', `${id}.scan.pdf`)));
  const out = await PDFDocument.create();
  out.addPage((await out.copyPages(text, [0]))[0]!);
  for (const page of await out.copyPages(scan, scan.getPageIndices().slice(1))) out.addPage(page);
  return out.save({ useObjectStreams: false });
}

/** `total` documents (at least the fixed cases), about `scannedShare` of the ordinary ones scanned. */
export async function bulkDrop(total: number, scannedShare = 0.2): Promise<{ items: DropItem[]; replacement: DropItem }> {
  const scans = files('scan', /\.scan\.pdf$/);
  const items: DropItem[] = [
    // the same PDF under two keys (each gets its own job and result)
    { key: 'incoming/same/a.scan.pdf', body: read(scans[0]!), scanned: true },
    { key: 'incoming/same/b.scan.pdf', body: read(scans[0]!), scanned: true },
    // files that differ only in extension
    { key: 'incoming/pair/x.doc', body: read(join(GENERATED, 'doc/h005.doc')), scanned: false },
    { key: 'incoming/pair/x.docx', body: read(join(GENERATED, 'docx/h005.docx')), scanned: false },
    { key: 'incoming/pair/y.pdf', body: read(join(GENERATED, 'pdf/h008.pdf')), scanned: false },
    { key: 'incoming/pair/y.txt', body: read(join(GENERATED, 'src/h003.txt')), scanned: false },
    // replaced while it is being read (see `replacement`)
    { key: 'incoming/replaced/r.pdf', body: read(scans[1]!), scanned: true },
    // Textract fails these (the double's rule); the local engine reads them
    { key: 'incoming/fails/f1.scan.pdf', body: read(scans[2]!), scanned: true },
    // partly scanned: only the scanned pages go to Textract
    { key: 'incoming/mixed/h011.pdf', body: await partlyScanned('h011'), scanned: true },
    { key: 'incoming/mixed/h017.pdf', body: await partlyScanned('h017'), scanned: true },
    // hostile and broken files
    { key: 'incoming/hostile/empty.pdf', body: new Uint8Array(), scanned: false },
    { key: 'incoming/hostile/random.pdf', body: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), scanned: false },
    { key: 'incoming/hostile/locked.pdf', body: read(join(FIXTURES, 'pdf/encrypted-user-password.pdf')), scanned: false },
    { key: 'incoming/hostile/owner-locked.pdf', body: read(join(FIXTURES, 'pdf/encrypted-owner-only.pdf')), scanned: false },
    { key: 'incoming/hostile/no-pages.pdf', body: read(join(FIXTURES, 'pdf/no-pages.pdf')), scanned: false },
    { key: 'incoming/hostile/text.png', body: new TextEncoder().encode('not an image'), scanned: false },
    { key: 'incoming/hostile/half.docx', body: read(join(GENERATED, 'docx/h002.docx')).slice(0, 3000), scanned: false },
    { key: 'incoming/hostile/binary.txt', body: Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 256), scanned: false },
  ];
  const ordinary = [
    ...files('src', /\.(txt|html)$/),
    ...files('docx', /\.docx$/),
    ...files('doc', /\.doc$/),
    ...files('pdf', /\.pdf$/),
    ...files('png', /\.png$/),
  ];
  let n = 0;
  let scanned = 0;
  while (items.length < total) {
    const wantScan = scanned < Math.round((items.length + 1) * scannedShare) - 1;
    const path = wantScan ? scans[n % scans.length]! : ordinary[n % ordinary.length]!;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const folder = `${2019 + (n % 6)}/${String(n).padStart(4, '0')}`;
    const isScan = wantScan || name.endsWith('.png');
    items.push({ key: `incoming/${folder}/${name}`, body: distinct(read(path), path, n), scanned: isScan });
    if (wantScan) scanned += 1;
    n += 1;
  }
  return { items, replacement: { key: 'incoming/replaced/r.pdf', body: read(scans[3]!), scanned: true } };
}
