const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escapes a tooltip for a `title` attribute, keeping line breaks. */
export function escapeTitle(lines: readonly string[]): string {
  return lines.map(escapeHtml).join('&#10;');
}

/** A relative path as an href: each segment percent-encoded, so no scheme or query can sneak in. */
export function hrefOf(relativePath: string): string {
  return relativePath.split(/[\\/]/).map(encodeURIComponent).join('/');
}
