/**
 * The little linear algebra the regression measures need: columns of a sample (count × dims, row
 * after row, as a design chunk holds them) turned into ranks or a correlation matrix, and a
 * symmetric matrix inverted.
 */

/**
 * The ranks of values from 1 to n, ties given the mean of the ranks they span (scipy's
 * `rankdata(x, method='average')`), so that Spearman's coefficient is Pearson's on these ranks,
 * as `scipy.stats.spearmanr` computes it. A parameter drawn as whole periods has many ties.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  // The values sorted natively (no comparator: ten times faster than sorting indices); each
  // value's tie group is then positions lo … hi − 1 of the sorted copy, found by bisection, and
  // its ranks lo + 1 … hi share their mean (lo + 1 + hi)/2, what a sort of indices gives.
  const sorted = Float64Array.from(values).sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1; else hi = mid;
    }
    let end = lo;
    if (sorted[end] === v) {
      end++;
      // Short tie groups by stepping; long ones (whole periods drawn) by bisection.
      if (end < n && sorted[end] === v) {
        let a = end, b = n;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (sorted[mid]! <= v) a = mid + 1; else b = mid;
        }
        end = a;
      }
    }
    ranks[i] = (lo + 1 + end) / 2;
  }
  return ranks;
}

/** Column j of rows (count × dims). */
export function column(rows: ArrayLike<number>, dims: number, j: number): Float64Array {
  const n = rows.length / dims;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[i * dims + j]!;
  return out;
}

/**
 * Pearson correlation matrix of the given columns (all of one length). A column without variance
 * has NaN correlations: nothing can be said about it.
 */
export function correlationOfColumns(columns: readonly Float64Array[]): number[][] {
  const { centred, squares } = centredColumns(columns);
  return centred.map((a, p) => centred.map((b, q) => correlationOf(a, b, p === q, squares[p]!, squares[q]!)));
}

/** Columns less their means, with their sums of squares: what correlationOfColumns reads. */
export function centredColumns(columns: readonly Float64Array[]): { centred: Float64Array[]; squares: number[] } {
  const centred = columns.map((c) => {
    const n = c.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += c[i]!;
    const mean = sum / n;
    return c.map((x) => x - mean);
  });
  return { centred, squares: centred.map((c) => dot(c, c)) };
}

/** One entry of a correlation matrix from two centred columns and their sums of squares. */
export function correlationOf(a: Float64Array, b: Float64Array, same: boolean, squaresA: number, squaresB: number): number {
  return same ? (squaresA > 0 ? 1 : NaN) : dot(a, b) / Math.sqrt(squaresA * squaresB);
}

function dot(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * The inverse of a square matrix by Gauss–Jordan elimination with partial pivoting; undefined
 * when a pivot is below `tolerance` (relative to the matrix's largest entry): the columns are
 * collinear and no regression coefficient is defined.
 */
export function inverse(matrix: readonly (readonly number[])[], tolerance = 1e-12): number[][] | undefined {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(0, ...matrix.flat().map(Math.abs));
  if (!(scale > 0) || matrix.flat().some((x) => !Number.isFinite(x))) return undefined;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) <= tolerance * scale) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const lead = a[col]!;
    const p = lead[col]!;
    for (let k = 0; k < 2 * n; k++) lead[k]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const factor = row[col]!;
      if (factor !== 0) for (let k = 0; k < 2 * n; k++) row[k]! -= factor * lead[k]!;
    }
  }
  return a.map((row) => row.slice(n));
}
