/**
 * Order-preserving alignment of the rows found in a document to the rows of the form
 * (Needleman–Wunsch). Rows come in the form's order, so when every label is unreadable the
 * alignment still maps by position; readable labels, publisher-added rows and missing rows bend it.
 */
export interface AlignCosts {
  /** gain of mapping data row i to form row j, or null when they cannot be the same row */
  match(i: number, j: number): number | null;
  /** gain (usually negative) of leaving data row i unmapped: an extra row */
  skipData(i: number): number;
  /** gain (negative) of leaving form row j without data: a missing row */
  skipForm(j: number): number;
}

export interface Alignment {
  /** form row index → data row index */
  pairs: Map<number, number>;
  skippedData: number[];
  score: number;
}

export function align(nData: number, nForm: number, costs: AlignCosts): Alignment {
  const W = nForm + 1;
  const best = new Float64Array((nData + 1) * W).fill(-Infinity);
  const move = new Uint8Array((nData + 1) * W); // 1 match, 2 skip data, 3 skip form
  best[0] = 0;
  for (let i = 0; i <= nData; i++) {
    for (let j = 0; j <= nForm; j++) {
      const here = best[i * W + j]!;
      if (here === -Infinity) continue;
      if (i < nData && j < nForm) {
        const m = costs.match(i, j);
        if (m !== null) relax(i + 1, j + 1, here + m, 1);
      }
      if (i < nData) relax(i + 1, j, here + costs.skipData(i), 2);
      if (j < nForm) relax(i, j + 1, here + costs.skipForm(j), 3);
    }
  }
  function relax(i: number, j: number, value: number, how: number) {
    if (value > best[i * W + j]!) {
      best[i * W + j] = value;
      move[i * W + j] = how;
    }
  }
  const pairs = new Map<number, number>();
  const skippedData: number[] = [];
  let i = nData;
  let j = nForm;
  while (i > 0 || j > 0) {
    const how = move[i * W + j];
    if (how === 1) {
      pairs.set(j - 1, i - 1);
      i--;
      j--;
    } else if (how === 2) {
      skippedData.push(i - 1);
      i--;
    } else {
      j--;
    }
  }
  return { pairs, skippedData: skippedData.reverse(), score: best[nData * W + nForm]! };
}
