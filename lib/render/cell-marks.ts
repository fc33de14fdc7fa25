import type { Finding, Result, Severity } from '../model/result.ts';

/** Confidence below which an OCR'd value is marked for a second look. */
export const LOW_CONFIDENCE = 0.8;

export interface CellMark {
  /** the worst severity of a finding naming the cell */
  severity?: Severity;
  /** named in a finding's suspectCells: probably misread */
  suspect: boolean;
  /** OCR confidence below LOW_CONFIDENCE */
  lowConfidence: boolean;
  /** not printed as such: split from a run of figures, or deduced, by the form's sums */
  arithmetic: boolean;
  /** a reviewer's correction replaced the value read */
  corrected: boolean;
  /** tooltip lines, plain text */
  notes: string[];
  /** the crop of the page image behind the cell, when the result carries one */
  evidence?: { page: number; image: string };
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

function names(list: readonly string[] | undefined, path: string): boolean {
  // a finding may name a whole row or table (`applications.newlyReceived`)
  return (list ?? []).some((cell) => cell === path || path.startsWith(`${cell}.`));
}

/** How the report should mark each cell, from the result's findings and cell sources. */
export function cellMarker(result: Result): (path: string) => CellMark {
  return (path) => {
    const mark: CellMark = { suspect: false, lowConfidence: false, arithmetic: false, corrected: false, notes: [] };
    for (const finding of result.findings as Finding[]) {
      if (names(finding.cells, path)) {
        if (!mark.severity || RANK[finding.severity] > RANK[mark.severity]) mark.severity = finding.severity;
        mark.notes.push(`${SEVERITY_WORD[finding.severity]}：${finding.message}（${finding.rule}）`);
      }
      if (names(finding.suspectCells, path)) {
        mark.suspect = true;
        mark.notes.push(`可能误读：${finding.message}`);
      }
    }
    const source = result.cells[path];
    if (source?.confidence !== undefined && source.confidence < LOW_CONFIDENCE) {
      mark.lowConfidence = true;
      mark.notes.push(`OCR 置信度 ${source.confidence.toFixed(2)}，识别文字“${source.text}”`);
    }
    if (source?.method === 'arithmetic') {
      mark.arithmetic = true;
      mark.notes.push(
        source.text === ''
          ? '由勾稽关系推得（原单元格为空）'
          : `由勾稽关系拆分：原文数字连写为“${source.text}”，只有一种拆分使勾稽关系成立`,
      );
    }
    if (source?.method === 'corrected') {
      mark.corrected = true;
      mark.notes.push(`人工更正：识别为 ${source.read?.value ?? '？'}`);
    }
    if (source?.page !== undefined) mark.notes.push(`第 ${source.page} 页`);
    const evidence = result.evidence?.[path];
    if (evidence) mark.evidence = { page: evidence.page, image: evidence.image };
    return mark;
  };
}

export { SEVERITY_WORD };
