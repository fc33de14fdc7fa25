/**
 * Finds the JPEG of a page that is nothing but one embedded image (img2pdf, most scanners), by
 * reading the PDF's objects directly, so the scan's own bytes go to OCR, not a re-encoding. Returns undefined
 * whenever the file is not that simple (object streams, other filters, several images).
 */
export function embeddedJpeg(
  bytes: Uint8Array,
  pageNumber: number,
): { bytes: Uint8Array; width: number; height: number; hasFonts: boolean } | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  const offsets = new Map<number, number>();
  for (const m of text.matchAll(/(?:^|[\r\n\s])(\d+)\s+0\s+obj\b/g)) offsets.set(Number(m[1]), m.index + m[0].length);
  const body = (num: number): string | undefined => {
    const at = offsets.get(num);
    if (at === undefined) return undefined;
    const end = text.indexOf('endobj', at);
    const stream = text.indexOf('stream', at);
    return text.slice(at, Math.min(end < 0 ? text.length : end, stream < 0 ? Infinity : stream));
  };
  const ref = (dict: string, key: string): number | undefined => {
    const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
    return m ? Number(m[1]) : undefined;
  };
  const pages: number[] = [];
  const walk = (num: number, depth: number) => {
    const dict = body(num);
    if (dict === undefined || depth > 20 || pages.length > 10_000) return;
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(dict)) pages.push(num);
  };
  const catalog = [...offsets.keys()].find((n) => /\/Type\s*\/Catalog\b/.test(body(n) ?? ''));
  const root = catalog === undefined ? undefined : ref(body(catalog) ?? '', 'Pages');
  if (root === undefined) return undefined;
  walk(root, 0);
  const page = pages[pageNumber - 1];
  if (page === undefined) return undefined;
  let resources = body(page) ?? '';
  const resourcesRef = ref(resources, 'Resources');
  if (resourcesRef !== undefined) resources = body(resourcesRef) ?? '';
  const xobjects = /\/XObject\s*<<([^>]*)>>/.exec(resources)?.[1];
  const images = [...(xobjects ?? '').matchAll(/\/[^\s/]+\s+(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
  if (images.length !== 1) return undefined;
  const imageNum = images[0]!;
  const dict = body(imageNum) ?? '';
  if (!/\/Subtype\s*\/Image\b/.test(dict) || !/\/Filter\s*(\[\s*)?\/DCTDecode\s*\]?/.test(dict)) return undefined;
  if (/\/SMask|\/Mask|\/Decode\s*\[/.test(dict)) return undefined;
  const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1]);
  const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1]);
  const start = text.indexOf('stream', offsets.get(imageNum)!) + 'stream'.length;
  const dataStart = text[start] === '\r' && text[start + 1] === '\n' ? start + 2 : start + 1;
  const lengthRef = ref(dict, 'Length');
  const length =
    lengthRef !== undefined ? Number(/^\s*(\d+)/.exec(body(lengthRef) ?? '')?.[1]) : Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
  if (!Number.isInteger(length) || length <= 0 || dataStart + length > bytes.length) return undefined;
  const jpeg = bytes.subarray(dataStart, dataStart + length);
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return undefined;
  return { bytes: jpeg.slice(), width, height, hasFonts: /\/Font\b/.test(resources) };
}
