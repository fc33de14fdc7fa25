/**
 * Bytes of a text or HTML file → a string. Chinese agency files come as UTF-8 (with or without
 * BOM), GB2312/GBK/GB18030 (older CMSs, Windows Notepad), Big5 (traditional mirror sites) and now
 * and then UTF-16 (Notepad's "Unicode").
 */

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `gb18030`, `utf-16le` */
  encoding: string;
}

const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'csgb2312', 'chinese', 'iso-ir-58']);

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal = false): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

/** A TextDecoder for a declared label, or null when Node does not know the label. */
function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: most odd (LE) or even (BE) bytes of the first KB are zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decodes a text file: a BOM decides; else strict UTF-8 (valid multi-byte UTF-8 is almost never
 * GBK by accident); else the declared `hint` (e.g. an HTML `<meta charset>`) when Node knows it;
 * else GB18030, the superset of GB2312 and GBK. CRLF and lone CR become LF.
 */
export function decodeText(bytes: Uint8Array, hint?: string): DecodedText {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: normaliseNewlines(decodeWith('utf-8', bytes)), encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: normaliseNewlines(decodeWith('utf-16le', bytes)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: normaliseNewlines(decodeWith('utf-16be', bytes)), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: normaliseNewlines(decodeWith(utf16, bytes)), encoding: utf16 };

  try {
    return { text: normaliseNewlines(decodeWith('utf-8', bytes, true)), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to the declared or the usual Chinese encoding
  }
  const label = hint?.trim().toLowerCase();
  if (label && !GB_LABELS.has(label) && !label.startsWith('utf')) {
    const decoder = decoderFor(label);
    if (decoder) return { text: normaliseNewlines(decoder.decode(bytes)), encoding: decoder.encoding };
  }
  return { text: normaliseNewlines(decodeWith('gb18030', bytes)), encoding: 'gb18030' };
}

/**
 * The charset an HTML file declares in its first 4 KB (`<meta charset=…>` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=…">`), or undefined.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}
