/** Which reader a file needs, from its magic bytes first and its name second. */
export type DocumentKind = 'pdf' | 'docx' | 'html' | 'text' | 'image' | 'ole' | 'unknown';

const IMAGE_EXT = /\.(png|jpe?g|tiff?)$/i;

export function detectKind(bytes: Uint8Array, name: string): DocumentKind {
  const head = (n: number) => Array.from(bytes.subarray(0, n));
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'docx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole'; // .doc, .wps, or an encrypted .docx
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image'; // PNG
  if (starts(0xff, 0xd8, 0xff)) return 'image'; // JPEG
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image'; // TIFF
  const lower = name.toLowerCase();
  if (/\.pdf$/.test(lower) && bytes.length > 0) {
    // a PDF with junk before %PDF is still read by the PDF engine; anything else named .pdf is corrupt
    return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF') ? 'pdf' : 'unknown';
  }
  if (/\.docx$/.test(lower)) return 'unknown';
  if (IMAGE_EXT.test(lower)) return 'unknown';
  if (/\.(html?|xhtml|shtml)$/.test(lower)) return 'html';
  // Markdown may embed HTML tables: it is text with tables in it, not a web page
  if (/\.(md|markdown)$/.test(lower)) return 'text';
  const sniff = new TextDecoder('latin1').decode(Uint8Array.from(head(512))).toLowerCase();
  if (/<(!doctype html|html|table|body)/.test(sniff)) return 'html';
  if (/\.(txt|text|csv)$/.test(lower)) return 'text';
  return 'text';
}

export const SUPPORTED_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.tif',
  '.tiff',
];

export function mediaTypeOf(kind: DocumentKind, name: string): string {
  switch (kind) {
    case 'pdf':
      return 'application/pdf';
    case 'docx':
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    case 'html':
      return 'text/html';
    case 'text':
      return /\.(md|markdown)$/i.test(name) ? 'text/markdown' : 'text/plain';
    case 'ole':
      // WPS's .wps is Word's binary format; any other compound file is named by its container
      return /\.(doc|dot|wps)$/i.test(name) ? 'application/msword' : 'application/x-ole-storage';
    case 'image': {
      const lower = name.toLowerCase();
      if (/\.png$/.test(lower)) return 'image/png';
      if (/\.tiff?$/.test(lower)) return 'image/tiff';
      return 'image/jpeg';
    }
    default:
      return 'application/octet-stream';
  }
}
