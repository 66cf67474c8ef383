/**
 * How concentrated a split is. Both indices take amounts that are not negative (what each
 * captures; a caller that has losses counts them as nothing captured).
 *
 * - Herfindahl–Hirschman index: Σ (100 · share)², from 0 to 10,000 (one holder of everything).
 *   Read as the U.S. horizontal merger guidelines read a market: below 1,000 unconcentrated,
 *   1,000 to 1,800 moderately concentrated, above 1,800 highly concentrated (DOJ & FTC 1992
 *   §1.51; the 2023 Merger Guidelines keep 1,800 as "highly concentrated").
 * - Gini coefficient: Σ_i Σ_j |x_i − x_j| / (2 n Σ x), from 0 (all equal) to (n − 1)/n (one
 *   holder of everything). Read with UN-Habitat's lines for income: below 0.3 low inequality,
 *   0.3 to 0.4 moderate, 0.4 and above (its "international alert line") high.
 */

export type HhiReading = 'unconcentrated' | 'moderate' | 'high';
export type GiniReading = 'low' | 'moderate' | 'high';

/** The HHI of amounts (not negative, not all zero), on the 0–10,000 scale; undefined when nothing is held. */
export function herfindahl(amounts: readonly number[]): number | undefined {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return undefined;
  let index = 0;
  for (const x of amounts) index += ((100 * x) / total) ** 2;
  return index;
}

export function hhiReading(hhi: number): HhiReading {
  return hhi < 1000 ? 'unconcentrated' : hhi <= 1800 ? 'moderate' : 'high';
}

/** The Gini coefficient of amounts (not negative), from the sorted amounts in O(n log n); undefined when nothing is held. */
export function gini(amounts: readonly number[]): number | undefined {
  const n = amounts.length;
  const total = amounts.reduce((a, b) => a + b, 0);
  if (n === 0 || !(total > 0)) return undefined;
  const sorted = [...amounts].sort((a, b) => a - b);
  // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_(i), i from 0, amounts sorted up.
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (2 * i - n + 1) * x));
  return weighted / (n * total);
}

export function giniReading(value: number): GiniReading {
  return value < 0.3 ? 'low' : value < 0.4 ? 'moderate' : 'high';
}
