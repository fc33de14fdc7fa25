import { PROACTIVE_ROWS } from '../model/form.ts';
import type { LayoutLine } from '../model/layout.ts';
import type { Finding } from '../model/result.ts';
import { normalizeText } from './normalize.ts';

/** Known misspellings of the form's labels (e.g. 本年度止件数 for 本年废止件数): warnings. */
export function nonStandardLabels(lines: LayoutLine[], start: number, end: number): Finding[] {
  const text = normalizeText(
    lines
      .slice(start, end)
      .map((l) => l.cells.map((c) => c.text).join('|'))
      .join('|'),
  );
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const row of [...PROACTIVE_ROWS['2021'], ...PROACTIVE_ROWS['2019']]) {
    for (const col of row.columns) {
      for (const variant of col.variants ?? []) {
        if (seen.has(variant) || !text.includes(normalizeText(variant))) continue;
        seen.add(variant);
        findings.push({
          rule: 'structure.nonStandardLabel',
          severity: 'warning',
          message: `表二列名“${variant}”应为“${col.label}”`,
          cells: [],
        });
      }
    }
  }
  return findings;
}
