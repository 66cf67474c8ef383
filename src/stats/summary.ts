/**
 * Summaries of a sample of draws, each estimate with its standard error: percentiles as numpy
 * computes them by default, the mean, the standard deviation, and the probability of an event.
 */

/**
 * The q-th percentile (q in [0, 100]) of values, exactly as numpy's default
 * `np.percentile(x, q)` (method='linear', numpy 2.x `_quantile` and `_lerp`): the virtual index
 * h = (n − 1)·(q/100), then x[⌊h⌋] + (x[⌊h⌋+1] − x[⌊h⌋])·γ with γ = h − ⌊h⌋, computed from the
 * upper neighbour, x[⌊h⌋+1] − (x[⌊h⌋+1] − x[⌊h⌋])·(1 − γ), when γ ≥ 0.5, as numpy does.
 * `sorted` must be sorted ascending (sortedCopy gives such a copy).
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 100)) return NaN;
  const h = (n - 1) * (q / 100);
  const below = Math.floor(h);
  if (below >= n - 1) return sorted[n - 1]!;
  const a = sorted[below]!, b = sorted[below + 1]!;
  const gamma = h - below;
  const difference = b - a;
  return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
}

/** A sorted copy of values, as a Float64Array (numeric order, not string order). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export interface Estimate {
  value: number;
  /** Its standard error. */
  standardError: number;
}

export interface MomentSummary {
  count: number;
  /** The mean, with its standard error sd/√n. */
  mean: Estimate;
  /** The sample standard deviation (divisor n − 1, numpy's `std(x, ddof=1)`). */
  sd: number;
}

/** Mean, sd and the mean's standard error, by Welford's update (one pass, no cancellation). */
export function moments(values: ArrayLike<number>): MomentSummary {
  let mean = 0, squares = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const delta = x - mean;
    mean += delta / (i + 1);
    squares += delta * (x - mean);
  }
  const n = values.length;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  return { count: n, mean: { value: n > 0 ? mean : NaN, standardError: sd / Math.sqrt(n) }, sd };
}

/** The share of draws where the event holds, with its binomial standard error √(p(1 − p)/n). */
export function probability(hits: number, count: number): Estimate {
  const p = hits / count;
  return { value: p, standardError: Math.sqrt((p * (1 - p)) / count) };
}
