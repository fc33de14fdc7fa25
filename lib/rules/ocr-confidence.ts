import type { CellSource, Finding } from '../model/result.ts';
import { confirmedBySums, type SumCheck } from './sum-checks.ts';

/**
 * `ocr.lowConfidence`: OCR'd cells read below the threshold. A warning for the cells no sum
 * confirms; the ones every crossing sum confirms are almost surely right (a correct “0” read at
 * 0.22), so they get an info note instead of an alarm.
 */
export function lowConfidence(cells: Record<string, CellSource>, threshold: number, checks: SumCheck[] = []): Finding[] {
  const low = Object.entries(cells)
    .filter(([path, c]) => !path.startsWith('report.') && c.confidence !== undefined && c.confidence < threshold)
    .map(([path]) => path);
  if (low.length === 0) return [];
  const confirmed = confirmedBySums(checks, new Set(low));
  const doubtful = low.filter((path) => !confirmed.has(path));
  const vouched = low.filter((path) => confirmed.has(path));
  const findings: Finding[] = [];
  if (doubtful.length > 0) {
    findings.push({
      rule: 'ocr.lowConfidence',
      severity: 'warning',
      message: `${doubtful.length}个单元格的识别置信度低于${threshold}，且没有加总关系能印证，请人工核对`,
      cells: doubtful,
    });
  }
  if (vouched.length > 0) {
    findings.push({
      rule: 'ocr.lowConfidence',
      severity: 'info',
      message: `${vouched.length}个单元格的识别置信度低于${threshold}，但所在的各项加总均成立，读数已由勾稽关系印证`,
      cells: vouched,
    });
  }
  return findings;
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
