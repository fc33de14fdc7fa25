import type { CellSource, Finding } from '../model/result.ts';

/** At most this many crops per document: a page of flagged cells, not a second copy of the scan. */
export const EVIDENCE_MAX_CELLS = 40;

/** An OCR'd cell a finding flags, with where it is on which page image. */
export interface EvidenceCell {
  path: string;
  page: number;
  bbox: [number, number, number, number];
}

function named(list: readonly string[] | undefined, path: string): boolean {
  // a finding may name a whole row or table (`applications.newlyReceived`)
  return (list ?? []).some((cell) => cell === path || path.startsWith(`${cell}.`));
}

/**
 * The OCR'd cells whose page image a reviewer should see, most telling first: the cells a finding
 * suspects of being misread, then those read with low confidence (ocr.lowConfidence), then every
 * other cell an error or warning names (a failing sum); at most `limit`. Cells read from a text layer have no image.
 */
export function evidenceCells(
  cells: Record<string, CellSource>,
  findings: readonly Finding[],
  limit: number = EVIDENCE_MAX_CELLS,
): EvidenceCell[] {
  const flagged = findings.filter((f) => f.severity !== 'info');
  const rank = (path: string): number | undefined => {
    if (flagged.some((f) => named(f.suspectCells, path))) return 0;
    // read with low confidence: shown even when the sums corroborate it (an `info`), as the report marks it
    if (findings.some((f) => f.rule === 'ocr.lowConfidence' && named(f.cells, path))) return 1;
    if (flagged.some((f) => named(f.cells, path))) return 2;
    return undefined;
  };
  const ranked: { cell: EvidenceCell; rank: number }[] = [];
  for (const [path, source] of Object.entries(cells)) {
    if (source.method !== 'ocr' || source.page === undefined || source.bbox === undefined) continue;
    const r = rank(path);
    if (r !== undefined) ranked.push({ cell: { path, page: source.page, bbox: source.bbox }, rank: r });
  }
  // stable: within a rank, the cells keep the order of the form
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.cell);
}
