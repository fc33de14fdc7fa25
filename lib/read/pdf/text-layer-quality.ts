import type { PositionedWord } from '../../model/layout.ts';

export type TextLayerQuality = 'good' | 'needsOcr';

/**
 * Judges whether a page's text layer can be trusted. A scanned page has none; CID fonts from
 * WPS or Word without a ToUnicode map give U+FFFD, control characters, private-use or Latin
 * gibberish instead of Chinese. `imageCoverage` (largest image's share of the page) tells a blank page from a scan.
 */
export function judgeTextLayer(words: readonly PositionedWord[], imageCoverage: number): TextLayerQuality {
  const scanned = imageCoverage > 0.3;
  let total = 0;
  let bad = 0;
  let letters = 0;
  let han = 0;
  for (const word of words) {
    for (const ch of word.text) {
      if (/\s/u.test(ch)) continue;
      total++;
      if (ch === '\uFFFD' || /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u.test(ch)) bad++;
      else if (/\p{Script=Han}/u.test(ch)) {
        han++;
        letters++;
      } else if (/\p{L}/u.test(ch)) letters++;
    }
  }
  if (total === 0) return scanned ? 'needsOcr' : 'good';
  if (bad / total > 0.02) return 'needsOcr';
  // A page of a Chinese report with plenty of letters but almost no Han is a broken encoding.
  if (letters >= 20 && han / letters < 0.1) return 'needsOcr';
  // A few stray characters over a page-sized image: a scan with an OCR'd or stamped fragment.
  if (scanned && total < 10) return 'needsOcr';
  return 'good';
}
