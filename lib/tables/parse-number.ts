import { normalizeText } from './normalize.ts';

export type ParsedCell = { kind: 'blank' } | { kind: 'number'; value: number; unit?: string } | { kind: 'text' };

/** Marks publishers print for "none" in a number cell; read as blank (0 with a warning). */
const BLANK_MARKS = new Set(['', '-', '—', '–', '/', '\\', '－', '——', '--', '无', '/']);

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|个|项|条|次|万)?$/u;

/** OCR digit look-alikes, applied only to a cell that is otherwise a number. */
const LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', S: '5', B: '8', Z: '2' };

/**
 * Reads one cell as a number. `ocr` enables look-alike repair (O→0, l→1) for a cell that is a
 * number but for those letters; plain text never gets it.
 */
export function parseCell(raw: string, ocr = false): ParsedCell {
  const text = normalizeText(raw).replace(/[−–]/g, '-');
  if (BLANK_MARKS.has(text)) return { kind: 'blank' };
  let match = NUMBER.exec(text);
  if (!match && ocr && /\d/.test(text) && text.length <= 12) {
    const repaired = [...text].map((c) => LOOKALIKES[c] ?? c).join('');
    match = NUMBER.exec(repaired);
  }
  if (!match) return { kind: 'text' };
  const [, sign, whole = '0', fraction, unit] = match;
  const value = Number(`${sign === '-' ? '-' : ''}${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) return { kind: 'text' };
  return unit ? { kind: 'number', value, unit } : { kind: 'number', value };
}

export function isNumberish(raw: string, ocr = false): boolean {
  return parseCell(raw, ocr).kind === 'number';
}
