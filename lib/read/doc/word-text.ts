import { type Fib, WordFormatError } from './word-fib.ts';

/**
 * The main document text of a Word 97–2003 file, from its piece table (MS-DOC 2.4.1): each piece
 * is a run of characters stored as UTF-16LE or as 8-bit “compressed” text, somewhere in the
 * WordDocument stream. Keeps, for each piece, where its characters are stored, so the paragraph
 * properties (looked up by file position) can be found for any character.
 */

export interface Piece {
  /** first character position (CP) in the text */
  cp: number;
  /** characters in this piece (within the main text) */
  length: number;
  /** byte offset of the first character in the WordDocument stream */
  fc: number;
  compressed: boolean;
  /** the piece's property modifier (Prm), applied on top of each paragraph's own */
  prm: number;
}

export interface WordText {
  text: string;
  pieces: Piece[];
  /** grpprls of the Clx's Prc entries, indexed by a Prm's igrpprl */
  prcs: Uint8Array[];
}

/** Upper bound on the characters gouji reads from one document (a report is well under 1M). */
export const MAX_TEXT_CHARS = 20_000_000;

const PIECE_DESCRIPTOR_BYTES = 8;
/** 8-bit text is Windows-1252, except for the bytes MS-DOC maps to these code points. */
const COMPRESSED_SPECIALS: Record<number, number> = {
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  159: 0x0178,
};

export function readWordText(word: Uint8Array, table: Uint8Array, fib: Fib): WordText {
  const { fc, lcb } = fib.clx;
  if (lcb === 0 || fc + lcb > table.length) throw new WordFormatError('分段表（Clx）不在表格流内');
  const clx = table.subarray(fc, fc + lcb);
  const view = new DataView(clx.buffer, clx.byteOffset, clx.byteLength);
  const prcs: Uint8Array[] = [];
  let at = 0;
  while (at < clx.length && clx[at] === 0x01) {
    if (at + 3 > clx.length) throw new WordFormatError('Clx 截断');
    const cb = view.getInt16(at + 1, true);
    if (cb < 0 || at + 3 + cb > clx.length) throw new WordFormatError('Clx 的属性组长度无效');
    prcs.push(clx.subarray(at + 3, at + 3 + cb));
    at += 3 + cb;
  }
  if (clx[at] !== 0x02 || at + 5 > clx.length) throw new WordFormatError('Clx 缺少分段表');
  const plcLength = view.getUint32(at + 1, true);
  const plcAt = at + 5;
  if (plcAt + plcLength > clx.length || (plcLength - 4) % (4 + PIECE_DESCRIPTOR_BYTES) !== 0) {
    throw new WordFormatError('分段表长度无效');
  }
  const count = (plcLength - 4) / (4 + PIECE_DESCRIPTOR_BYTES);
  const cpAt = (i: number) => view.getUint32(plcAt + 4 * i, true);
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let total = 0;
  const limit = Math.min(fib.ccpText, MAX_TEXT_CHARS);
  for (let i = 0; i < count && total < limit; i++) {
    const start = cpAt(i);
    const end = Math.min(cpAt(i + 1), limit);
    if (start !== total || end < start) throw new WordFormatError('分段表的字符位置不连续');
    const pcd = plcAt + 4 * (count + 1) + PIECE_DESCRIPTOR_BYTES * i;
    const rawFc = view.getUint32(pcd + 2, true);
    const compressed = (rawFc & 0x40000000) !== 0;
    const pieceFc = compressed ? (rawFc & 0x3fffffff) / 2 : rawFc;
    const length = end - start;
    const bytes = length * (compressed ? 1 : 2);
    if (pieceFc + bytes > word.length) throw new WordFormatError('正文片段超出 WordDocument 流');
    const stored = word.subarray(pieceFc, pieceFc + bytes);
    parts.push(compressed ? decodeCompressed(stored) : new TextDecoder('utf-16le').decode(stored));
    pieces.push({ cp: start, length, fc: pieceFc, compressed, prm: view.getUint16(pcd + 6, true) });
    total = end;
  }
  return { text: parts.join(''), pieces, prcs };
}

function decodeCompressed(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(COMPRESSED_SPECIALS[b] ?? b);
  return out;
}

/** The piece holding character `cp` (pieces are sorted and contiguous). */
export function pieceAt(pieces: readonly Piece[], cp: number): Piece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = pieces[mid]!;
    if (cp < piece.cp) hi = mid - 1;
    else if (cp >= piece.cp + piece.length) lo = mid + 1;
    else return piece;
  }
  return undefined;
}

/** Where character `cp` is stored in the WordDocument stream. */
export function fcOf(piece: Piece, cp: number): number {
  return piece.fc + (cp - piece.cp) * (piece.compressed ? 1 : 2);
}
