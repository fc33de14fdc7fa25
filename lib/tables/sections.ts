import { SECTIONS } from '../model/form.ts';
import type { LayoutLine } from '../model/layout.ts';
import { normalizeText } from './normalize.ts';

export type SectionId = (typeof SECTIONS)[number]['id'];

/** Line index where each of the six sections starts, when its heading can be read. */
export function findSections(lines: LayoutLine[]): Partial<Record<SectionId, number>> {
  const found: Partial<Record<SectionId, number>> = {};
  let after = -1;
  for (const section of SECTIONS) {
    for (let i = after + 1; i < lines.length; i++) {
      const first = normalizeText(lines[i]!.cells.find((c) => c.text.trim() !== '')?.text ?? '');
      if (first.length > 40) continue;
      if (section.keys.some((k) => first.includes(normalizeText(k)))) {
        found[section.id] = i;
        after = i;
        break;
      }
    }
  }
  return found;
}
