/** Connected components of runs: which component each run is in, and each component's extent (inclusive). */
export interface ComponentExtents {
  count: number;
  of: Int32Array;
  left: Int32Array;
  top: Int32Array;
  right: Int32Array;
  bottom: Int32Array;
}

/** Room for this many runs at first; doubled as needed. */
const INITIAL_RUNS = 1 << 12;

/**
 * Connected components labelled by runs, not pixels: the runs of each row (given in row order,
 * left to right) are joined to the runs they touch in the row above, by a union–find whose root
 * is a component's first run. A page costs one pass over its pixels and a little work per run.
 * `diagonal`: 8-connected (runs touching at a corner join) rather than 4-connected.
 */
export class RunComponents {
  length = 0;
  start = new Int32Array(INITIAL_RUNS);
  end = new Int32Array(INITIAL_RUNS);
  row = new Int32Array(INITIAL_RUNS);
  private parent = new Int32Array(INITIAL_RUNS);
  /** the previous row's runs are [above, rowFirst) */
  private above = 0;
  private rowFirst = 0;

  constructor(private readonly diagonal: boolean) {}

  /** Begins the next row: the runs added so far in the current row become the row above. */
  nextRow(): void {
    this.above = this.rowFirst;
    this.rowFirst = this.length;
  }

  /** Adds the run [start, end] (inclusive columns) of the current row `row`; returns its index. */
  add(start: number, end: number, row: number): number {
    if (this.length === this.start.length) this.grow();
    const at = this.length++;
    this.start[at] = start;
    this.end[at] = end;
    this.row[at] = row;
    this.parent[at] = at;
    const reach = this.diagonal ? 1 : 0;
    // runs of a row come left to right: one above that ends before this run starts touches no later run either
    while (this.above < this.rowFirst && this.end[this.above]! < start - reach) this.above++;
    for (let k = this.above; k < this.rowFirst && this.start[k]! <= end + reach; k++) this.union(k, at);
    return at;
  }

  /**
   * Each run's component (`of`), numbered 0, 1, … in the order of the components' first runs
   * (raster order), and each component's extent: columns left…right and rows top…bottom, inclusive.
   */
  components(): ComponentExtents {
    const of = new Int32Array(this.length);
    let count = 0;
    for (let at = 0; at < this.length; at++) {
      const root = this.find(at);
      // a root is the first run of its component, so it is numbered before any other run of it
      of[at] = root === at ? count++ : of[root]!;
    }
    const left = new Int32Array(count);
    const right = new Int32Array(count);
    const top = new Int32Array(count);
    const bottom = new Int32Array(count);
    const started = new Uint8Array(count);
    for (let at = 0; at < this.length; at++) {
      const c = of[at]!;
      // runs come in row order: a component's first run gives its top row, its last its bottom one
      if (!started[c]) {
        started[c] = 1;
        left[c] = this.start[at]!;
        right[c] = this.end[at]!;
        top[c] = this.row[at]!;
      }
      if (this.start[at]! < left[c]!) left[c] = this.start[at]!;
      if (this.end[at]! > right[c]!) right[c] = this.end[at]!;
      bottom[c] = this.row[at]!;
    }
    return { count, of, left, top, right, bottom };
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }

  private find(at: number): number {
    let root = at;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // path compression: later finds on this chain take one step
    while (this.parent[at] !== root) {
      const next = this.parent[at]!;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }

  private grow(): void {
    const size = this.start.length * 2;
    for (const key of ['start', 'end', 'row', 'parent'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }
}
