// Shared by the PDF tests: finds the printed rows of tables 2–4 among layout lines and compares
// them with a truth file (generated/truth/*.json or huaian-2024.expected.json).
import type { LayoutLine } from '../../lib/model/layout.ts';

const toAscii = (s: string) => s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
const isValue = (s: string) => s === '' || /^[-+]?\d[\d,]*(\.\d+)?(万元|元)?$/.test(toAscii(s));

export const APPLICATION_LABELS: Record<string, RegExp> = {
  newlyReceived: /本年新收/,
  carriedOver: /上年结转/,
  granted: /予以公开/,
  partiallyGranted: /部分公开/,
  stateSecret: /国家秘密/,
  prohibitedByLaw: /禁止公开/,
  endangersSafety: /三安全一稳定/,
  thirdPartyRights: /第三方合法权益/,
  internalAffairs: /内部事务/,
  processInformation: /过程性信息/,
  enforcementCaseFiles: /行政执法案卷/,
  administrativeQuery: /行政查询/,
  notHeld: /不掌握/,
  needsCreation: /另行制作/,
  stillUnclear: /仍不明确/,
  petitionOrComplaint: /信访举报/,
  repeated: /重复申请/,
  publication: /公开出版物/,
  massRepeated: /大量反复/,
  confirmation: /确认或重新出具/,
  noCorrection: /逾期不补正/,
  unpaidFees: /缴纳费用/,
  other: /(^|[^一-龥])3[.、]其他$/,
  otherHandling: /其他处理$/,
  total: /[（(]七[)）]总计/,
  carriedForward: /结转下年度/,
};

/** Leaf rows of table 3 as [label key, the seven printed numbers]. */
export function applicationRows(applications: Record<string, unknown>): [string, number[]][] {
  const rows: [string, number[]][] = [];
  const walk = (key: string, node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const values = Object.values(node);
    if (values.every((v) => typeof v === 'number')) rows.push([key, values as number[]]);
    else for (const [k, v] of Object.entries(node)) walk(k, v);
  };
  for (const [k, v] of Object.entries(applications)) walk(k, v);
  return rows;
}

export const label = (line: LayoutLine, values: number) =>
  toAscii(
    line.cells
      .slice(0, -values)
      .map((c) => c.text)
      .join(''),
  );

/** The first line whose label matches and whose last `n` cells are values. */
export function findRow(lines: readonly LayoutLine[], pattern: RegExp, n: number): LayoutLine | undefined {
  return lines.find((l) => l.cells.length > n && l.cells.slice(-n).every((c) => isValue(c.text)) && pattern.test(label(l, n)));
}

/** A printed cell equals the truth number; a blank cell stands for 0. */
export function cellMatches(text: string, expected: number): boolean {
  const t = toAscii(text)
    .replace(/万元|元/, '')
    .replace(/,/g, '');
  return t === '' ? expected === 0 : Number(t) === expected;
}
