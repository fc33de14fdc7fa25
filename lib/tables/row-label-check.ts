import type { RowDef } from '../model/form.ts';
import type { Finding } from '../model/result.ts';
import type { PrintedLabel } from './mapped-rows.ts';
import { containment } from './normalize.ts';
import { labelsOf } from './row-label-score.ts';

/**
 * `structure.nonStandardLabel` for rows: a row matched to the form by anything but its exact
 * (normalised) label — a typo such as “2.其他法律行政止公开” — is named with the form's label.
 * The label may run over the lines around the row (a group label above, a wrapped end below).
 * Labels OCR read with little confidence are the engine's doubt, not the publisher's spelling.
 */
const OCR_LABEL_TRUST = 0.9;
/** below this the label is unreadable: the row was placed by the form's order, not by its label */
const READABLE = 0.5;

export function rowLabelFindings(tableName: string, defs: readonly RowDef[], labels: ReadonlyMap<string, PrintedLabel>): Finding[] {
  const findings: Finding[] = [];
  const unreadable: string[] = [];
  for (const def of defs) {
    const printed = labels.get(def.id);
    if (!printed) continue;
    const around = printed.context + printed.following;
    const { variants } = labelsOf(def);
    if (variants.some((spelling) => around.includes(spelling))) continue;
    if (printed.confidence !== undefined && printed.confidence < OCR_LABEL_TRUST) continue;
    const shown = def.group && !def.group.startsWith('三') ? `${def.group}${def.label}` : def.label;
    if (Math.max(...variants.map((v) => containment(v, around))) < READABLE) {
      unreadable.push(shown);
      continue;
    }
    const own = printed.raw.trim() || printed.own;
    // a row with no label cells of its own (a converter split it off) was placed by the words around it
    const message = own
      ? `${tableName}行名“${own}”与格式规定的“${shown}”不一致，按相近行名对应`
      : `${tableName}有一行未印行名，按其上下的文字“${around}”对应为“${shown}”`;
    findings.push({ rule: 'structure.nonStandardLabel', severity: 'warning', message, cells: [] });
  }
  if (unreadable.length > 0) {
    findings.push({
      rule: 'structure.nonStandardLabel',
      severity: 'warning',
      message: `${tableName}有${unreadable.length}行的行名无法识别，按格式规定的行序对应为：${unreadable.map((l) => `“${l}”`).join('、')}`,
      cells: [],
    });
  }
  return findings;
}
