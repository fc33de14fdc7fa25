import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { enumerateRowSplits } from '../../lib/tables/row-splits.ts';
import { type SplitProblem, type SplitRow, splitDigitRuns, type Term } from '../../lib/tables/split-digit-runs.ts';

/** Table 3's own sum: the last of seven cells is the sum of the six before it. */
const ROW_TOTAL = [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }];

/** Column equations: row `total` = the sum of rows `items`, in every column. */
function columnSums(width: number, total: number, items: number[]): Term[][] {
  return Array.from({ length: width }, (_, col) => [{ row: total, col, coef: 1 }, ...items.map((row) => ({ row, col, coef: -1 }))]);
}

describe('splitDigitRuns', () => {
  it('splits a row total run the one way its 总计 allows (pingtan: 64 / 0 / 0 / 2 / 0 / 4 / 70)', () => {
    const out = splitDigitRuns({ width: 7, rows: [{ runs: ['640020470'] }], rowSums: ROW_TOTAL, equations: [] });
    assert.deepEqual(out.rows[0], {
      kind: 'split',
      values: [64, 0, 0, 2, 0, 4, 70],
      pieces: ['64', '0', '0', '2', '0', '4', '70'],
      by: 'table',
    });
    assert.equal(out.inconsistent, false);
  });

  it('keeps the boundaries the text kept: 500000 and 5 are six cells and one', () => {
    const out = splitDigitRuns({ width: 7, rows: [{ runs: ['500000', '5'] }], rowSums: ROW_TOTAL, equations: [] });
    assert.deepEqual(out.rows[0], {
      kind: 'split',
      values: [5, 0, 0, 0, 0, 0, 5],
      pieces: ['5', '0', '0', '0', '0', '0', '5'],
      by: 'table',
    });
  });

  it('leaves a run two splits satisfy unsplit, and splits it once a column sum tells them apart', () => {
    // 220000325: 22/0/0/0/0/3/25 and 2/20/0/0/0/3/25 both hold the row total
    const alone = splitDigitRuns({ width: 7, rows: [{ runs: ['220000325'] }], rowSums: ROW_TOTAL, equations: [] });
    assert.deepEqual(alone.rows[0], { kind: 'ambiguous', splits: 2 });
    // the column total row says the first column is 23 in all: 1 (given) + 22
    const rows: SplitRow[] = [{ values: [23, 0, 0, 0, 0, 3, 26] }, { values: [1, 0, 0, 0, 0, 0, 1] }, { runs: ['220000325'] }];
    const out = splitDigitRuns({ width: 7, rows, rowSums: ROW_TOTAL, equations: columnSums(7, 0, [1, 2]) });
    assert.equal(out.rows[2]!.kind, 'split');
    assert.deepEqual((out.rows[2] as { values: number[] }).values, [22, 0, 0, 0, 0, 3, 25]);
    assert.deepEqual(out.rows[0], { kind: 'given' });
  });

  it('does not pick the closest split when no split satisfies every sum: the table is inconsistent', () => {
    // the total row says 23, the items can only give 22 + 1 = 23 … unless the given item is 2
    const rows: SplitRow[] = [{ values: [23, 0, 0, 0, 0, 3, 26] }, { values: [2, 0, 0, 0, 0, 0, 2] }, { runs: ['220000325'] }];
    const out = splitDigitRuns({ width: 7, rows, rowSums: ROW_TOTAL, equations: columnSums(7, 0, [1, 2]) });
    assert.equal(out.inconsistent, true);
    // two splits hold the row's own total: neither is taken
    assert.deepEqual(out.rows[2], { kind: 'ambiguous', splits: 2 });
  });

  it('takes a split the row total alone fixes when the table is inconsistent, so the failing rule fires', () => {
    const rows: SplitRow[] = [{ values: [9, 0, 0, 0, 0, 0, 9] }, { runs: ['1000001'] }, { runs: ['640020470'] }];
    const out = splitDigitRuns({ width: 7, rows, rowSums: ROW_TOTAL, equations: columnSums(7, 0, [1, 2]) });
    assert.equal(out.inconsistent, true);
    assert.deepEqual(out.rows[1], { kind: 'split', values: [1, 0, 0, 0, 0, 0, 1], pieces: ['1', '0', '0', '0', '0', '0', '1'], by: 'row' });
    assert.equal(out.rows[2]!.kind, 'split');
  });

  it('says a row is impossible when no split holds its own total, or the digits are too few', () => {
    const out = splitDigitRuns({ width: 7, rows: [{ runs: ['640020471'] }, { runs: ['00000'] }], rowSums: ROW_TOTAL, equations: [] });
    assert.deepEqual(out.rows[0], { kind: 'impossible' });
    assert.deepEqual(out.rows[1], { kind: 'impossible' });
  });

  it('splits table 4 (three groups of five, each with its 总计)', () => {
    const sums = [0, 5, 10].map((g) => ({ total: g + 4, parts: [g, g + 1, g + 2, g + 3] }));
    const out = splitDigitRuns({ width: 15, rows: [{ runs: ['10203120001200000'] }], rowSums: sums, equations: [] });
    assert.deepEqual((out.rows[0] as { values: number[] }).values, [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
  });

  it('without sums, splits only what the digits force (000 → 0 / 0 / 0; 100 → 1 / 0 / 0)', () => {
    const problem = (run: string): SplitProblem => ({ width: 3, rows: [{ runs: [run] }], rowSums: [], equations: [] });
    assert.deepEqual((splitDigitRuns(problem('000')).rows[0] as { values: number[] }).values, [0, 0, 0]);
    assert.deepEqual((splitDigitRuns(problem('100')).rows[0] as { values: number[] }).values, [1, 0, 0]);
    assert.equal(splitDigitRuns(problem('693665')).rows[0]!.kind, 'ambiguous');
  });

  it('lets a decimal column keep its decimal point, and no other column', () => {
    const cands = enumerateRowSplits(['1224252.31'], 2, [], new Set([1]));
    assert.ok(cands !== 'limit');
    assert.ok(cands.every((c) => !c.pieces[0]!.includes('.')));
    assert.ok(cands.some((c) => c.values[0] === 12 && c.values[1] === 24252.31));
  });

  it('stops at its limits and says so instead of running on', () => {
    const long = '1'.repeat(300);
    const out = splitDigitRuns({ width: 7, rows: [{ runs: [long] }], rowSums: [], equations: [] });
    assert.deepEqual(out.rows[0], { kind: 'limit' });
    assert.equal(out.limitHit, true);
    // many rows, each with two splits, no sum to tell them apart: the table search stops too
    const rows: SplitRow[] = Array.from({ length: 30 }, () => ({ runs: ['2200003252'] }));
    const wide = splitDigitRuns({ width: 8, rows, rowSums: [], equations: [] }, 50);
    assert.ok(wide.rows.every((r) => r.kind === 'limit' || r.kind === 'ambiguous'));
  });
});

/** Every cut of the tokens into `width` pieces, with no pruning at all: the test's own oracle. */
function allCuts(tokens: string[], width: number): number[][] {
  if (tokens.length === 0) return width === 0 ? [[]] : [];
  const [first, ...rest] = tokens;
  const out: number[][] = [];
  const cutToken = (s: string, n: number): string[][] => {
    if (n === 1) return [[s]];
    const r: string[][] = [];
    for (let i = 1; i < s.length; i++) for (const tail of cutToken(s.slice(i), n - 1)) r.push([s.slice(0, i), ...tail]);
    return r;
  };
  for (let n = 1; n <= Math.min(width, first!.length); n++) {
    for (const head of cutToken(first!, n)) {
      if (!head.every((p) => /^(0|[1-9]\d*)$/.test(p))) continue;
      for (const tail of allCuts(rest, width - n)) out.push([...head.map(Number), ...tail]);
    }
  }
  return out;
}

/** Every reading of a small table (rows c = a + b; row 0 the column total) the oracle accepts. */
function oracle(printed: number[][], joined: boolean[]) {
  const options = printed.map((r, i) => (joined[i] ? allCuts([r.join('')], 3).filter((v) => v[2] === v[0]! + v[1]!) : [r]));
  const solutions: number[][][] = [];
  const pick = (i: number, acc: number[][]) => {
    if (i === options.length) {
      if ([0, 1, 2].every((c) => acc[0]![c] === acc.slice(1).reduce((s, r) => s + r[c]!, 0))) solutions.push(acc);
      return;
    }
    for (const o of options[i]!) pick(i + 1, [...acc, o]);
  };
  pick(0, []);
  return { options, solutions };
}

function solve(printed: number[][], joined: boolean[]) {
  const rows: SplitRow[] = printed.map((r, i) => (joined[i] ? { runs: [r.join('')] } : { values: r }));
  const equations = columnSums(
    3,
    0,
    printed.slice(1).map((_, i) => i + 1),
  );
  return splitDigitRuns({ width: 3, rows, rowSums: [{ total: 2, parts: [0, 1] }], equations });
}

describe('splitDigitRuns (property, against a brute-force oracle)', () => {
  // small tables: rows of three cells (c = a + b), the first row the column total of the others
  const tableArb = fc
    .record({
      items: fc.array(fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 })), { minLength: 2, maxLength: 4 }),
      joined: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    })
    .map(({ items, joined }) => {
      const rows = items.map(([a, b]) => [a, b, a + b]);
      const total = [0, 1, 2].map((c) => rows.reduce((s, r) => s + r[c]!, 0));
      return { truth: [total, ...rows], joined: joined.slice(0, rows.length + 1) };
    });

  it('splits a row only to its true values, and exactly when the truth is the one split that fits', () => {
    fc.assert(
      fc.property(tableArb, ({ truth, joined }) => {
        const out = solve(truth, joined);
        const { solutions } = oracle(truth, joined);
        assert.equal(out.inconsistent, false);
        truth.forEach((r, i) => {
          const got = out.rows[i]!;
          if (!joined[i]) {
            assert.deepEqual(got, { kind: 'given' });
            return;
          }
          const distinct = new Set(solutions.map((s) => s[i]!.join('/')));
          if (distinct.size === 1) assert.deepEqual(got, { kind: 'split', values: r, pieces: r.map(String), by: 'table' });
          else assert.deepEqual(got, { kind: 'ambiguous', splits: distinct.size });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('on a wrong table, says inconsistent exactly when no reading fits, and then takes only what the row alone fixes', () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.nat({ max: 2 }), ({ truth, joined }, at, col) => {
        const printed = truth.map((r) => [...r]);
        printed[at % printed.length]![col]! += 1;
        const out = solve(printed, joined);
        const { options, solutions } = oracle(printed, joined);
        // sums over given cells alone are the rules' to check, not the solver's
        assert.equal(out.inconsistent, joined.some(Boolean) && solutions.length === 0);
        out.rows.forEach((r, i) => {
          if (r.kind === 'split') assert.equal(r.pieces.join(''), printed[i]!.join(''));
          if (!out.inconsistent || !joined[i]) return;
          // no reading fits: a row is split only when its own total leaves one cut
          if (options[i]!.length === 1)
            assert.deepEqual(r, { kind: 'split', values: options[i]![0], pieces: options[i]![0]!.map(String), by: 'row' });
          else assert.equal(r.kind, options[i]!.length === 0 ? 'impossible' : 'ambiguous');
        });
      }),
      { numRuns: 300 },
    );
  });
});
