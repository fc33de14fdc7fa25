/**
 * The File Information Block at the start of a Word 97–2003 `WordDocument` stream (MS-DOC 2.5):
 * only the fields gouji needs — whether the file is encrypted, which table stream it uses, how
 * long the main text is and where the piece table and the paragraph properties are.
 */

export class WordFormatError extends Error {
  override readonly name = 'WordFormatError';
}

const WORD_IDENT = 0xa5ec;
/** Word 97 writes nFib 0xC1; Word 6.0 and 95 (another, older binary format) write at most 0x68. */
const FIRST_WORD97_NFIB = 0xc0;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TABLE_STREAM = 0x0200;
const FIB_BASE_BYTES = 32;
/** Positions in FibRgLw97 and FibRgFcLcb97 (MS-DOC 2.5.5, 2.5.6). */
const CCP_TEXT = 3;
const PLCF_BTE_CHPX = 12;
const PLCF_BTE_PAPX = 13;
const CLX = 33;

export interface Fib {
  nFib: number;
  encrypted: boolean;
  tableStream: '0Table' | '1Table';
  /** characters of the main document text */
  ccpText: number;
  clx: { fc: number; lcb: number };
  plcfBtePapx: { fc: number; lcb: number };
  plcfBteChpx: { fc: number; lcb: number };
}

export function readFib(stream: Uint8Array): Fib {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const u16 = (at: number): number => {
    if (at + 2 > stream.length) throw new WordFormatError('WordDocument 流过短');
    return view.getUint16(at, true);
  };
  const u32 = (at: number): number => {
    if (at + 4 > stream.length) throw new WordFormatError('WordDocument 流过短');
    return view.getUint32(at, true);
  };
  if (u16(0) !== WORD_IDENT) throw new WordFormatError('WordDocument 流的文件头无效');
  const nFib = u16(2);
  const flags = u16(0x0a);
  const encrypted = (flags & F_ENCRYPTED) !== 0;
  const tableStream = flags & F_WHICH_TABLE_STREAM ? '1Table' : '0Table';
  if (encrypted) {
    // an encrypted file's FIB past FibBase is still clear text, but nothing else is: stop here
    const none = { fc: 0, lcb: 0 };
    return { nFib, encrypted, tableStream, ccpText: 0, clx: none, plcfBtePapx: none, plcfBteChpx: none };
  }
  if (nFib < FIRST_WORD97_NFIB) throw new WordVersionError(nFib);
  let at = FIB_BASE_BYTES;
  const csw = u16(at);
  at += 2 + csw * 2;
  const cslw = u16(at);
  at += 2;
  if (cslw <= CCP_TEXT) throw new WordFormatError('FIB 缺少正文长度');
  const ccpText = u32(at + 4 * CCP_TEXT);
  at += cslw * 4;
  const pairs = u16(at);
  at += 2;
  if (pairs <= CLX) throw new WordFormatError('FIB 缺少分段表位置');
  const pair = (i: number) => ({ fc: u32(at + 8 * i), lcb: u32(at + 8 * i + 4) });
  return {
    nFib,
    encrypted,
    tableStream,
    ccpText,
    clx: pair(CLX),
    plcfBtePapx: pair(PLCF_BTE_PAPX),
    plcfBteChpx: pair(PLCF_BTE_CHPX),
  };
}

/** A Word 6.0/95 file: the same container, an older binary format gouji does not read. */
export class WordVersionError extends WordFormatError {
  constructor(readonly nFib: number) {
    super(`Word 6.0/95 格式（nFib ${nFib}）`);
  }
}
