/**
 * Joins the lines of one table cell (split by `<br>`, `<w:br/>` or block children) into one
 * string. Chinese wraps anywhere, so 商业 + 企业 → 商业企业; only two Latin words or numbers that
 * meet get a space between them.
 */
export function joinCellLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = cleanSpaces(raw);
    if (line === '') continue;
    if (out !== '' && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line)) out += ' ';
    out += line;
  }
  return out;
}

/** Collapses runs of whitespace (no-break spaces included) and trims, ideographic spaces too. */
export function cleanSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
