import type { LayoutCell } from '../model/layout.ts';
import { normalizeText } from './normalize.ts';

/**
 * A row whose figures ran together (`joined` cells from run-together text) cannot be cut into its
 * cells until the whole table is known: the mappers place it with pending cells, and
 * resolve-runs.ts splits every run of the table at once by the form's sums.
 */
export interface RunRow {
  /** the row's digit tokens in printed order */
  readonly tokens: readonly string[];
}

/** A cell placed by a mapper whose value is the `index`-th piece of its row's runs. */
export interface PendingCell extends LayoutCell {
  readonly pending: { readonly run: RunRow; readonly index: number };
}

export function isPending(cell: LayoutCell | undefined): cell is PendingCell {
  return cell !== undefined && 'pending' in cell;
}

/**
 * The tokens of a row whose value cells are digit runs that can fill `width` cells (each token at
 * least one cell; cells printed blank leave no digit, so a row of blanks is an empty run), else null.
 */
export function runTokens(values: readonly LayoutCell[], width: number): string[] | null {
  if (values.length === 0 || !values.some((c) => c.joined)) return null;
  const tokens = values.map((c) => normalizeText(c.text)).filter((t) => t !== '');
  if (tokens.length > width || !tokens.every((t) => /^\d+(\.\d+)?$/.test(t))) return null;
  return tokens;
}

/** `width` pending cells of one run row. */
export function pendingCells(tokens: readonly string[], width: number): PendingCell[] {
  const run: RunRow = { tokens };
  return Array.from({ length: width }, (_, index) => ({ text: '', pending: { run, index } }));
}

/** The row's cells as the mappers use them: its own cells, or pending cells when its figures ran together. */
export function cellsOrPending(values: readonly LayoutCell[], fitted: LayoutCell[] | null, width: number): LayoutCell[] | null {
  if (fitted) return fitted;
  const tokens = runTokens(values, width);
  return tokens ? pendingCells(tokens, width) : null;
}
