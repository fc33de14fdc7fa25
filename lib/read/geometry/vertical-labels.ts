import { cx, type GeoWord, height, union } from './geo-word.ts';
import { isNumberText } from './numeric.ts';

/**
 * Finds labels written one or two characters per line down a merged cell (“三、本年度办理结果”)
 * and returns each as a single word, so they do not become rows of their own.
 */
export function collectVerticalLabels(words: readonly GeoWord[]): { labels: GeoWord[]; rest: GeoWord[] } {
  const used = new Set<GeoWord>();
  const labels: GeoWord[] = [];
  // An OCR engine may already return the whole column as one tall word.
  for (const w of words) {
    const chars = [...w.text].length;
    if (chars >= 3 && height(w.box) > 2.5 * (w.box[2] - w.box[0]) && !isNumberText(w.text)) {
      labels.push(w);
      used.add(w);
    }
  }
  const short = words.filter((w) => !used.has(w) && [...w.text].length <= 2 && !isNumberText(w.text)).sort((a, b) => a.box[1] - b.box[1]);
  const taken = new Set<GeoWord>();
  for (const start of short) {
    if (taken.has(start)) continue;
    const stack = [start];
    let last = start;
    for (const next of short) {
      if (taken.has(next) || next === start || next.box[1] <= last.box[1]) continue;
      const h = Math.max(height(last.box), height(next.box));
      const gap = next.box[1] - last.box[3];
      if (gap > 1.6 * h) break;
      if (Math.abs(cx(next.box) - cx(last.box)) <= 0.6 * h && gap >= -0.2 * h) {
        stack.push(next);
        last = next;
      }
    }
    if (stack.length < 3) continue;
    for (const w of stack) taken.add(w);
    const text = stack.map((w) => w.text).join('');
    const confidences = stack.flatMap((w) => (w.confidence === undefined ? [] : [w.confidence]));
    labels.push({
      text,
      box: union(stack.map((w) => w.box)),
      source: union(stack.map((w) => w.source)),
      ...(confidences.length > 0 ? { confidence: Math.min(...confidences) } : {}),
    });
  }
  return { labels, rest: words.filter((w) => !used.has(w) && !taken.has(w)) };
}
