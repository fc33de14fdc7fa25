import { type Result, ResultSchema } from '../model/result.ts';

/** A result that does not satisfy its own schema: a bug upstream, never a document problem. */
export class InvalidResultError extends Error {
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidResultError';
  }
}

/** Dotted paths of every value of the tables, in the form's order. */
function leafPaths(node: unknown, prefix: string, out: string[]): string[] {
  if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) leafPaths(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.push(prefix);
  }
  return out;
}

/** `cells` has no schema order: sort it in form order (unknown paths last, alphabetically). */
function sortCells(result: Result): Result['cells'] {
  const order = new Map(leafPaths(result.tables, '', []).map((path, i) => [path, i]));
  const rank = (path: string): number => order.get(path) ?? Number.MAX_SAFE_INTEGER;
  const keys = Object.keys(result.cells).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, result.cells[key]])) as Result['cells'];
}

/**
 * The result as `<name>.json`: keys in the schema's order (parsing rebuilds every object in
 * shape order), `cells` in form order, 2-space indent, trailing newline.
 */
export function renderResultJson(result: Result): string {
  const parsed = ResultSchema.safeParse(result);
  if (!parsed.success) {
    throw new InvalidResultError(`result does not match ResultSchema: ${parsed.error.message}`, { cause: parsed.error });
  }
  return `${JSON.stringify({ ...parsed.data, cells: sortCells(parsed.data), findings: parsed.data.findings }, null, 2)}\n`;
}
