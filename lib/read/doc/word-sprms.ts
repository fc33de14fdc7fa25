import type { ParagraphProps, TableRowDef } from './word-properties.ts';

/**
 * Single property modifiers (sprms, MS-DOC 2.6) of a paragraph's grpprl: the few that place a
 * paragraph in a table and describe a table row. Every other sprm is skipped by its size.
 */

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_F_INNER_TABLE_CELL = 0x244a;
const SPRM_P_F_INNER_TTP = 0x244b;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;
const SPRM_P_CHG_TABS = 0xc615;
/** the paragraph's properties are too large for its FKP: they are in the Data stream */
const SPRM_P_HUGE_PAPX = 0x6646;
const TC80_BYTES = 20;
/** more cells than a Word row can have (63) is a corrupt row definition */
const MAX_CELLS = 64;

/** Reads the sprms of a grpprl into `props`; stops quietly at a truncated sprm. */
export function applySprms(grpprl: Uint8Array, props: ParagraphProps, data: Uint8Array, nested = false): void {
  const view = new DataView(grpprl.buffer, grpprl.byteOffset, grpprl.byteLength);
  const verticalMerges: [number, boolean][] = [];
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = view.getUint16(at, true);
    const operand = operandOf(grpprl, view, sprm, at + 2);
    if (!operand) break;
    const [from, to] = operand;
    const byte = grpprl[from] ?? 0;
    switch (sprm) {
      case SPRM_P_F_IN_TABLE:
        if (byte && props.depth === 0) props.depth = 1;
        break;
      case SPRM_P_ITAP:
        if (to - from >= 4) props.depth = Math.min(view.getUint32(from, true), MAX_CELLS);
        break;
      case SPRM_P_F_TTP:
      case SPRM_P_F_INNER_TTP:
        props.rowEnd = byte !== 0;
        break;
      case SPRM_P_F_INNER_TABLE_CELL:
        props.innerCellEnd = byte !== 0;
        break;
      case SPRM_T_DEF_TABLE: {
        const row = tableDef(grpprl.subarray(from, to));
        if (row) props.row = row;
        break;
      }
      case SPRM_P_HUGE_PAPX: {
        const huge = nested || to - from < 4 ? undefined : hugePapx(data, view.getUint32(from, true));
        if (huge) applySprms(huge, props, data, true);
        break;
      }
      case SPRM_T_VERT_MERGE:
        if (to - from >= 2) verticalMerges.push([byte, grpprl[from + 1] === 1]);
        break;
    }
    at = to;
  }
  for (const [cell, merged] of verticalMerges) {
    const def = props.row?.cells[cell];
    if (def) def.mergedUp = merged;
  }
}

/** A PrcData in the Data stream: a 2-byte length, then the grpprl. */
function hugePapx(data: Uint8Array, at: number): Uint8Array | undefined {
  if (at + 2 > data.length) return undefined;
  const size = data[at]! | (data[at + 1]! << 8);
  return at + 2 + size <= data.length ? data.subarray(at + 2, at + 2 + size) : undefined;
}

/** [start, end) of a sprm's operand (MS-DOC 2.2.5.1: its size follows from spra). */
function operandOf(grpprl: Uint8Array, view: DataView, sprm: number, at: number): [number, number] | undefined {
  const fixed = [1, 1, 2, 4, 2, 2, 0, 3][sprm >> 13]!;
  let from = at;
  let size = fixed;
  if (fixed === 0) {
    if (sprm === SPRM_T_DEF_TABLE) {
      if (at + 2 > grpprl.length) return undefined;
      size = view.getUint16(at, true) - 1;
      from = at + 2;
    } else if (sprm === SPRM_P_CHG_TABS && grpprl[at] === 255) {
      const deleted = grpprl[at + 1] ?? 0;
      const added = grpprl[at + 2 + deleted * 4] ?? 0;
      size = 1 + deleted * 4 + 1 + added * 3;
      from = at + 1;
    } else {
      if (at + 1 > grpprl.length) return undefined;
      size = grpprl[at]!;
      from = at + 1;
    }
  }
  if (size < 0 || from + size > grpprl.length) return undefined;
  return [from, from + size];
}

/** sprmTDefTable: the cell boundaries (rgdxaCenter) and each cell's merge flags (TC80). */
function tableDef(operand: Uint8Array): TableRowDef | undefined {
  const count = operand[0] ?? 0;
  if (count === 0 || count > MAX_CELLS || 1 + 2 * (count + 1) > operand.length) return undefined;
  const view = new DataView(operand.buffer, operand.byteOffset, operand.byteLength);
  const edges = Array.from({ length: count + 1 }, (_, i) => view.getInt16(1 + 2 * i, true));
  const tcAt = 1 + 2 * (count + 1);
  const cells = Array.from({ length: count }, (_, i) => {
    const at = tcAt + TC80_BYTES * i;
    // the TC80 array may be shorter than the cell count: missing ones are plain cells
    const flags = at + 2 <= operand.length ? view.getUint16(at, true) : 0;
    const horizontal = flags & 0x3;
    const vertical = (flags >> 5) & 0x3;
    // 1: part of a merged set, its own contents not shown; 2 or 3: the first cell of the set
    return { mergedLeft: horizontal === 1, mergedUp: vertical === 1 };
  });
  return { edges, cells };
}
