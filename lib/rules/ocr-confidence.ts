import type { CellSource, Finding } from '../model/result.ts';

/** `ocr.lowConfidence`: every OCR'd cell read below the threshold, in one warning. */
export function lowConfidence(cells: Record<string, CellSource>, threshold: number): Finding[] {
  const low = Object.entries(cells)
    .filter(([path, c]) => !path.startsWith('report.') && c.confidence !== undefined && c.confidence < threshold)
    .map(([path]) => path);
  if (low.length === 0) return [];
  return [
    {
      rule: 'ocr.lowConfidence',
      severity: 'warning',
      message: `${low.length}个单元格的识别置信度低于${threshold}，请人工核对`,
      cells: low,
    },
  ];
}

/**
 * For an OCR'd table that breaks a rule, names the cells most likely misread: a cell that sits in
 * several failing sums (a row check and a column check cross there) and was read with the lowest
 * confidence (a blank counting as none). A reviewer checks two cells, not two hundred.
 */
export function markSuspects(findings: Finding[], cells: Record<string, CellSource>): Finding[] {
  const failing = findings.filter((f) => f.severity === 'error' && f.cells.some((c) => cells[c]?.confidence !== undefined));
  const hits = new Map<string, number>();
  for (const f of failing) for (const c of f.cells) hits.set(c, (hits.get(c) ?? 0) + 1);
  return findings.map((f) => {
    if (!failing.includes(f)) return f;
    const ranked = [...f.cells].sort((a, b) => score(b) - score(a));
    return { ...f, suspectCells: ranked.slice(0, 2) };
  });
  function score(path: string): number {
    const cell = cells[path];
    // A blank in an OCR'd table is where a missed figure hides (a lone “1” the detector did not
    // see): it counts as read with no confidence at all.
    const confidence = cell?.confidence ?? (cell && cell.text.trim() === '' ? 0 : 1);
    return (hits.get(path) ?? 0) + (1 - confidence) * 2;
  }
}
