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
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    // Positions start … end − 1 (ranks start + 1 … end) share their mean.
    const shared = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = shared;
    start = end;
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
  const n = columns[0]?.length ?? 0;
  const centred = columns.map((c) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += c[i]!;
    const mean = sum / n;
    return c.map((x) => x - mean);
  });
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
    return s;
  };
  const squares = centred.map((c) => dot(c, c));
  return centred.map((a, p) => centred.map((b, q) => (p === q ? (squares[p]! > 0 ? 1 : NaN) : dot(a, b) / Math.sqrt(squares[p]! * squares[q]!))));
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
