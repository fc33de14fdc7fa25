// OCR look-alikes of digits, mapped only inside a word that is otherwise a number
const LOOK_ALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  〇: '0',
  // a white circle: how the recogniser reads a round 0 now and then
  '○': '0',
  l: '1',
  I: '1',
  '|': '1',
  '!': '1',
  í: '1',
};
const FULL_WIDTH = /[０-９．，％＋－]/g;
// units printed inside amount cells ("35.68万元") may follow the number
const NUMBER = /^[+-]?\d[\d,]*(\.\d+)?%?(万元|元|万|亿元|件|个|条|项|人次)?$/;

/**
 * Turns a numeric-looking OCR word into plain digits: full-width digits become ASCII and O/l/I
 * look-alikes become 0/1. Any other word (labels like "Office", "二〇二〇年") comes back as it was.
 */
export function normalizeNumericWord(text: string): string {
  const halfWidth = text
    .trim()
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const candidate = [...halfWidth].map((c) => LOOK_ALIKES[c] ?? c).join('');
  if (!NUMBER.test(candidate)) return text;
  const digits = [...halfWidth].filter((c) => c >= '0' && c <= '9').length;
  const lookAlikes = [...halfWidth].filter((c) => c in LOOK_ALIKES).length;
  // "Ol" alone is a word, "1O" is ten; a lone O or l in a cell is a number
  if (lookAlikes > 0 && digits === 0 && halfWidth.length > 1) return text;
  // '〇' belongs to Chinese numerals: only trust it next to real digits
  if (halfWidth.includes('〇') && digits === 0) return text;
  return candidate;
}
