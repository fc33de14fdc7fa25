import type { FormatVersion } from '../model/form.ts';
import type { CellSource, Finding } from '../model/result.ts';
import { applicationSums, type FormSum, reviewSums } from './form-sums.ts';

/** Sums that must give a lost cell the same value before it is taken (one sum alone could hide an error). */
export const AGREEING_SUMS = 2;

/** What the cell reader gathered: the values' sources, the blank cells and which may be lost. */
export interface ReadCells {
  readonly cells: Record<string, CellSource>;
  readonly blank: string[];
  readonly mayBeLost: readonly string[];
}

/**
 * A converter writes an empty cell both for a blank and for a figure it lost (shanghai-stcsm-2024:
 * 结转下年度 总计). When the blank read as 0 breaks the form's sums, and it is the only such cell in
 * the broken sums, and every sum it is part of gives it the same value, that value is taken — by
 * arithmetic, with a warning. Otherwise the blank stays 0 and the broken sums are reported.
 * Returns the finding (none when nothing was recovered); mutates `tables` and `read`.
 */
export function recoverLostCell(tables: Record<string, unknown>, format: FormatVersion, read: ReadCells): Finding[] {
  const sums = [...applicationSums(format), ...reviewSums()];
  const value = (path: string) => valueAt(tables, path);
  const broken = sums.filter((s) => s.terms.every((t) => typeof value(t.path) === 'number') && total(s, value) !== 0);
  const suspects = read.mayBeLost.filter((p) => broken.some((s) => s.terms.some((t) => t.path === p)));
  if (suspects.length !== 1) return [];
  const path = suspects[0]!;
  // every sum through the cell whose other cells are all read, solved for the cell
  const solved = sums
    .filter((s) => s.terms.some((t) => t.path === path))
    .filter((s) => s.terms.every((t) => t.path === path || typeof value(t.path) === 'number'))
    .map((s) => {
      const coef = s.terms.find((t) => t.path === path)!.coef;
      return -(total(s, value) - coef * (value(path) as number)) / coef;
    });
  const recovered = solved[0];
  if (recovered === undefined || solved.length < AGREEING_SUMS || solved.some((v) => v !== recovered)) return [];
  if (!Number.isInteger(recovered) || recovered < 0) return [];
  setAt(tables, path, recovered);
  read.cells[path] = { method: 'arithmetic', text: '' };
  read.blank.splice(read.blank.indexOf(path), 1);
  return [
    {
      rule: 'value.lostCell',
      severity: 'warning',
      message: `单元格为空（文本由转换工具生成，可能在转换中丢失），按空白计0则勾稽关系不成立；经过它的${solved.length}个勾稽关系都只允许${recovered}，已按${recovered}计`,
      cells: [path],
    },
  ];
}

function total(sum: FormSum, value: (path: string) => unknown): number {
  return sum.terms.reduce((s, t) => s + t.coef * (value(t.path) as number), 0);
}

function valueAt(tables: Record<string, unknown>, path: string): unknown {
  let node: unknown = tables;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setAt(tables: Record<string, unknown>, path: string, value: number): void {
  const keys = path.split('.');
  let node = tables;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}
