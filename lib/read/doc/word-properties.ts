import { type Fib, WordFormatError } from './word-fib.ts';
import { applySprms } from './word-sprms.ts';
import type { Piece, WordText } from './word-text.ts';

/**
 * The paragraph properties that say where a Word 97–2003 table is (MS-DOC 2.4.6, 2.9): in a
 * table or not, at which nesting depth, and whether a paragraph ends a table row — whose
 * properties then carry the row's cell boundaries and merges. Looked up through the PlcBtePapx
 * and its 512-byte formatted disk pages (FKPs), then the piece's own property modifier.
 */

export interface CellDef {
  /** the cell is merged into the one before it (horizontal merge) */
  mergedLeft: boolean;
  /** the cell continues a vertical merge from the row above */
  mergedUp: boolean;
}

export interface TableRowDef {
  /** cell boundaries in twips: n + 1 for n cells */
  edges: number[];
  cells: CellDef[];
}

export interface ParagraphProps {
  /** table depth: 0 outside tables, 1 in a table, 2 in a table inside a table … */
  depth: number;
  /** the paragraph mark ends a table row at `depth` (a TTP) */
  rowEnd: boolean;
  /** the paragraph mark ends a cell of a nested table (its cell marks are paragraph marks) */
  innerCellEnd: boolean;
  row?: TableRowDef;
}

const FKP_BYTES = 512;
const BX_PAP_BYTES = 13;

export class ParagraphPropertyReader {
  readonly #word: Uint8Array;
  readonly #data: Uint8Array;
  readonly #text: WordText;
  readonly #bins: { fcs: number[]; pages: number[] };
  readonly #pages = new Map<number, { fcs: number[]; grpprls: (Uint8Array | undefined)[] }>();

  constructor(word: Uint8Array, table: Uint8Array, data: Uint8Array | undefined, fib: Fib, text: WordText) {
    this.#word = word;
    this.#data = data ?? new Uint8Array(0);
    this.#text = text;
    const { fc, lcb } = fib.plcfBtePapx;
    if (lcb < 4 || fc + lcb > table.length || (lcb - 4) % 8 !== 0) throw new WordFormatError('段落属性表（PlcBtePapx）无效');
    const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
    const n = (lcb - 4) / 8;
    const fcs = Array.from({ length: n + 1 }, (_, i) => view.getUint32(4 * i, true));
    const pages = Array.from({ length: n }, (_, i) => view.getUint32(4 * (n + 1) + 4 * i, true) & 0x3fffff);
    this.#bins = { fcs, pages };
  }

  /** Properties of the paragraph whose mark is the character at `cp` in `piece`. */
  at(piece: Piece, cp: number): ParagraphProps {
    const fc = piece.fc + (cp - piece.cp) * (piece.compressed ? 1 : 2);
    const props: ParagraphProps = { depth: 0, rowEnd: false, innerCellEnd: false };
    const grpprl = this.#grpprlAt(fc);
    if (grpprl) applySprms(grpprl, props, this.#data);
    // a Prm with fComplex set names a grpprl of the Clx that modifies the piece's paragraphs
    if (piece.prm & 1) {
      const extra = this.#text.prcs[piece.prm >> 1];
      if (extra) applySprms(extra, props, this.#data);
    }
    return props;
  }

  #grpprlAt(fc: number): Uint8Array | undefined {
    const { fcs, pages } = this.#bins;
    const bin = upperIndex(fcs, fc);
    if (bin < 0 || bin >= pages.length) return undefined;
    const page = this.#page(pages[bin]!);
    const run = upperIndex(page.fcs, fc);
    return run >= 0 && run < page.grpprls.length ? page.grpprls[run] : undefined;
  }

  #page(pn: number): { fcs: number[]; grpprls: (Uint8Array | undefined)[] } {
    const cached = this.#pages.get(pn);
    if (cached) return cached;
    const start = pn * FKP_BYTES;
    if (start + FKP_BYTES > this.#word.length) throw new WordFormatError('段落属性页超出 WordDocument 流');
    const fkp = this.#word.subarray(start, start + FKP_BYTES);
    const view = new DataView(fkp.buffer, fkp.byteOffset, FKP_BYTES);
    const crun = fkp[FKP_BYTES - 1]!;
    if (4 * (crun + 1) + BX_PAP_BYTES * crun > FKP_BYTES - 1) throw new WordFormatError('段落属性页的条目数无效');
    const fcs = Array.from({ length: crun + 1 }, (_, i) => view.getUint32(4 * i, true));
    const grpprls = Array.from({ length: crun }, (_, i) => {
      const offset = fkp[4 * (crun + 1) + BX_PAP_BYTES * i]! * 2;
      if (offset === 0) return undefined;
      let cb = fkp[offset] ?? 0;
      let at = offset + 1;
      if (cb === 0) {
        cb = (fkp[at] ?? 0) * 2;
        at += 1;
      } else cb = cb * 2 - 1;
      // skip the style index (istd, 2 bytes); the rest is the grpprl
      const end = Math.min(at + cb, FKP_BYTES - 1);
      return at + 2 <= end ? fkp.subarray(at + 2, end) : undefined;
    });
    const page = { fcs, grpprls };
    this.#pages.set(pn, page);
    return page;
  }
}

/** Index i with values[i] <= x < values[i + 1], or -1. */
function upperIndex(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (x < values[mid]!) hi = mid - 1;
    else if (x >= values[mid + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}
