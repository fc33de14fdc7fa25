/**
 * A page's number printed between the rows of a table when text was taken page by page:
 * “— 4 —”, “- 5 -”, “第 3 页”, “第3页 共6页”, “3 / 6”. A bare number is not one: it may be a cell.
 */
const PAGE_NUMBER = [
  /^[-—–－~]+\s*\d{1,4}\s*[-—–－~]+$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** What `pdftotext` writes where a page ends (and what only a page break gives plain text). */
export const FORM_FEED = '\f';
