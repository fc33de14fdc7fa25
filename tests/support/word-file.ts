import { oleFile } from './ole-file.ts';

/**
 * A minimal Word 97–2003 file written from its parts (MS-DOC): a FIB, the main text in one piece,
 * one paragraph-property page per paragraph, one character-property page. Enough to put in a test
 * what LibreOffice's samples never hold: nested tables, merges flagged in the row definition,
 * fields, deleted revisions, 8-bit text.
 */
export interface WordParagraph {
  text: string;
  /** '\r' ends a paragraph, '\u0007' a table cell or (with `row`) a table row */
  mark: '\r' | '\u0007';
  /** table depth: 1 in a table, 2 in a table inside a cell */
  depth?: number;
  /** this paragraph mark ends a row (at depth 1: a cell mark; deeper: a paragraph mark) */
  row?: { edges: number[]; mergedUp?: number[]; mergedLeft?: number[] };
  /** this paragraph mark ends a cell of a nested table */
  innerCell?: boolean;
  /** a part of `text` that is a deleted revision */
  deleted?: string;
}

const PAGE = 512;
const TEXT_AT = 1024;

export function wordFile(paragraphs: WordParagraph[], options: { compressed?: boolean } = {}): Uint8Array {
  const text = paragraphs.map((p) => p.text + p.mark).join('');
  const width = options.compressed ? 1 : 2;
  const textBytes = options.compressed ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf16le');
  const papxStart = Math.ceil((TEXT_AT + textBytes.length) / PAGE);
  const chpxPage = papxStart + paragraphs.length;
  const word = new Uint8Array((chpxPage + 1) * PAGE);
  const view = new DataView(word.buffer);
  word.set(textBytes, TEXT_AT);

  // paragraph properties: one FKP per paragraph, its one run the paragraph's bytes
  let cp = 0;
  const papxFcs: number[] = [TEXT_AT];
  paragraphs.forEach((p, i) => {
    const from = TEXT_AT + cp * width;
    cp += p.text.length + 1;
    const to = TEXT_AT + cp * width;
    papxFcs.push(to);
    const page = (papxStart + i) * PAGE;
    view.setUint32(page, from, true);
    view.setUint32(page + 4, to, true);
    word[page + PAGE - 1] = 1;
    const grpprl = paragraphSprms(p);
    const papxAt = 256;
    word[page + 8] = papxAt / 2;
    word[page + papxAt] = 0;
    word[page + papxAt + 1] = Math.ceil((2 + grpprl.length) / 2);
    word.set(grpprl, page + papxAt + 4); // after cb, cb' and istd 0
  });

  // character properties: runs split at each deleted part
  const runs: { from: number; to: number; deleted: boolean }[] = [];
  cp = 0;
  for (const p of paragraphs) {
    const cut = p.deleted ? p.text.indexOf(p.deleted) : -1;
    const spans =
      cut < 0
        ? [[0, p.text.length + 1, false]]
        : [
            [0, cut, false],
            [cut, cut + p.deleted!.length, true],
            [cut + p.deleted!.length, p.text.length + 1, false],
          ];
    for (const [a, b, del] of spans as [number, number, boolean][]) {
      if (b > a) runs.push({ from: TEXT_AT + (cp + a) * width, to: TEXT_AT + (cp + b) * width, deleted: del });
    }
    cp += p.text.length + 1;
  }
  const chpx = chpxPage * PAGE;
  for (const [i, r] of runs.entries()) view.setUint32(chpx + 4 * i, r.from, true);
  view.setUint32(chpx + 4 * runs.length, runs.at(-1)!.to, true);
  word[chpx + PAGE - 1] = runs.length;
  const chpxAt = 500; // cb 3, sprmCFRMarkDel, 1
  word.set([3, 0x00, 0x08, 1], chpx + chpxAt);
  runs.forEach((r, i) => {
    word[chpx + 4 * (runs.length + 1) + i] = r.deleted ? chpxAt / 2 : 0;
  });

  // the table stream: piece table, then the two bin tables
  const table: number[] = [];
  const u32 = (n: number) => table.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  const clxAt = table.length;
  table.push(0x02);
  u32(4 * 2 + 8);
  u32(0);
  u32(text.length);
  table.push(0, 0);
  u32(options.compressed ? (TEXT_AT * 2) | 0x40000000 : TEXT_AT);
  table.push(0, 0);
  const clxLength = table.length - clxAt;
  const papxAt = table.length;
  for (const fc of papxFcs) u32(fc);
  for (let i = 0; i < paragraphs.length; i++) u32(papxStart + i);
  const papxLength = table.length - papxAt;
  const chpxPlcAt = table.length;
  u32(runs[0]!.from);
  u32(runs.at(-1)!.to);
  u32(chpxPage);
  const chpxLength = table.length - chpxPlcAt;

  // the FIB: FibBase, 14 shorts, 22 longs (ccpText the fourth), 93 fc/lcb pairs, no FibRgCswNew
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(2, 0xc1, true);
  view.setUint16(0x0a, 0x0200, true); // the 1Table stream
  view.setUint16(32, 14, true);
  view.setUint16(62, 22, true);
  view.setUint32(64 + 12, text.length, true);
  view.setUint16(152, 93, true);
  const pair = (i: number, fc: number, lcb: number) => {
    view.setUint32(154 + 8 * i, fc, true);
    view.setUint32(154 + 8 * i + 4, lcb, true);
  };
  pair(12, chpxPlcAt, chpxLength);
  pair(13, papxAt, papxLength);
  pair(33, clxAt, clxLength);
  return oleFile({ WordDocument: word, '1Table': Uint8Array.from(table) });
}

function paragraphSprms(p: WordParagraph): number[] {
  const out: number[] = [];
  const depth = p.depth ?? 0;
  if (depth > 0) out.push(0x16, 0x24, 1, 0x49, 0x66, depth, 0, 0, 0); // sprmPFInTable, sprmPItap
  if (p.innerCell) out.push(0x4a, 0x24, 1);
  if (p.row) {
    out.push(depth > 1 ? 0x4b : 0x17, 0x24, 1); // sprmPFInnerTtp / sprmPFTtp
    const { edges } = p.row;
    const cells = edges.length - 1;
    const operand = [cells];
    for (const e of edges) operand.push(e & 0xff, (e >> 8) & 0xff);
    for (let c = 0; c < cells; c++) {
      const flags = (p.row.mergedLeft?.includes(c) ? 1 : 0) | (p.row.mergedUp?.includes(c) ? 1 << 5 : 0);
      operand.push(flags, 0, ...new Array<number>(18).fill(0));
    }
    const cb = operand.length + 1;
    out.push(0x08, 0xd6, cb & 0xff, cb >> 8, ...operand); // sprmTDefTable
  }
  return out;
}
