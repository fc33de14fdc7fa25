import type { Fib } from './word-fib.ts';
import { fcOf, type WordText } from './word-text.ts';

/**
 * Which characters of the main text are deleted revisions (tracked changes not yet accepted):
 * text a reader of the printed report does not see, and which the DOCX reader skips as `w:del`.
 * Found through the character properties (PlcBteChpx and its 512-byte FKPs, MS-DOC 2.8.5):
 * a run whose grpprl sets sprmCFRMarkDel. A table that cannot be read leaves every character shown.
 */

const FKP_BYTES = 512;
const SPRM_C_F_RMARK_DEL = 0x0800;
/** ToggleOperand: 1 sets it, 0x81 sets it as the opposite of the style's (which never deletes) */
const SET = new Set([0x01, 0x81]);

export function deletedCharacters(word: Uint8Array, table: Uint8Array, fib: Fib, text: WordText): Uint8Array {
  const deleted = new Uint8Array(text.text.length);
  const runs = deletedRuns(word, table, fib);
  if (runs.length === 0) return deleted;
  runs.sort((a, b) => a[0] - b[0]);
  for (const piece of text.pieces) {
    for (let cp = piece.cp; cp < piece.cp + piece.length; cp++) if (inRuns(runs, fcOf(piece, cp))) deleted[cp] = 1;
  }
  return deleted;
}

/** Whether `fc` falls in one of the (sorted) runs. */
function inRuns(runs: [number, number][], fc: number): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = runs[mid]!;
    if (fc < from) hi = mid - 1;
    else if (fc >= to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** [fcStart, fcEnd) of every run marked deleted. */
function deletedRuns(word: Uint8Array, table: Uint8Array, fib: Fib): [number, number][] {
  const { fc, lcb } = fib.plcfBteChpx;
  if (lcb < 4 || fc + lcb > table.length || (lcb - 4) % 8 !== 0) return [];
  const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
  const n = (lcb - 4) / 8;
  const runs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const start = (view.getUint32(4 * (n + 1) + 4 * i, true) & 0x3fffff) * FKP_BYTES;
    if (start + FKP_BYTES > word.length) continue;
    const fkp = word.subarray(start, start + FKP_BYTES);
    const page = new DataView(fkp.buffer, fkp.byteOffset, FKP_BYTES);
    const crun = fkp[FKP_BYTES - 1]!;
    if (4 * (crun + 1) + crun > FKP_BYTES - 1) continue;
    for (let r = 0; r < crun; r++) {
      const offset = fkp[4 * (crun + 1) + r]! * 2;
      if (offset === 0 || !marksDeleted(fkp, offset)) continue;
      runs.push([page.getUint32(4 * r, true), page.getUint32(4 * (r + 1), true)]);
    }
  }
  return runs;
}

/** Whether the Chpx at `offset` (cb, then a grpprl of cb bytes) sets sprmCFRMarkDel. */
function marksDeleted(fkp: Uint8Array, offset: number): boolean {
  const end = Math.min(offset + 1 + (fkp[offset] ?? 0), FKP_BYTES - 1);
  for (let at = offset + 1; at + 2 <= end; ) {
    const sprm = fkp[at]! | (fkp[at + 1]! << 8);
    if (sprm === SPRM_C_F_RMARK_DEL) return SET.has(fkp[at + 2] ?? 0);
    const size = [1, 1, 2, 4, 2, 2, -1, 3][sprm >> 13]!;
    at += 2 + (size >= 0 ? size : 1 + (fkp[at + 2] ?? 0));
  }
  return false;
}
