/**
 * Adjusted p-values for many comparisons (several variants against one control, several
 * measures): Holm's step-down method controls the family-wise error rate (Holm 1979, Scand. J.
 * Statist. 6:65–70); Benjamini–Hochberg's step-up method the false discovery rate (Benjamini &
 * Hochberg 1995, JRSS B 57:289–300). Both as statsmodels' multipletests(method='holm' | 'fdr_bh'):
 * adjusted p-values in the input's order, a comparison rejected when its adjusted p ≤ α.
 */
export type Correction = 'holm' | 'benjamini-hochberg';

function checkP(pValues: readonly number[]): void {
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`a p-value lies from 0 to 1: ${p}`);
}

/** Holm: sorted up, p_(i) · (m − i) for i from 0, made non-decreasing, at most 1. */
function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = [...pValues.keys()].sort((i, j) => pValues[i]! - pValues[j]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, pValues[index]! * (m - rank)));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Benjamini–Hochberg: sorted up, p_(i) · m / (i + 1), made non-increasing from the largest, at most 1. */
function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = [...pValues.keys()].sort((i, j) => pValues[i]! - pValues[j]!);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank]!;
    running = Math.min(running, (pValues[index]! * m) / (rank + 1));
    adjusted[index] = running;
  }
  return adjusted;
}

export interface AdjustedPValues {
  readonly correction: Correction;
  readonly adjusted: readonly number[];
  readonly rejected: readonly boolean[];
  readonly alpha: number;
}

export function adjustPValues(pValues: readonly number[], correction: Correction, alpha = 0.05): AdjustedPValues {
  checkP(pValues);
  const adjusted = correction === 'holm' ? holm(pValues) : benjaminiHochberg(pValues);
  return { correction, adjusted, rejected: adjusted.map((p) => p <= alpha), alpha };
}
