/**
 * Tests for large samples, with their condition checked: every expected count (successes and
 * failures of every variant, under the common rate) at least 5 — Cochran's rule (Cochran 1954,
 * Biometrics 10:417–451), the usual condition for the normal and chi-square approximations.
 * When it fails the result says so and names the exact test to use instead.
 *
 * - Two variants: the pooled two-proportion z test (statsmodels.stats.proportion.proportions_ztest).
 * - k variants: Pearson's chi-square test of the 2 × k table, k − 1 degrees of freedom, no
 *   continuity correction (scipy.stats.chi2_contingency(table, correction=False)).
 */
import { assertCounts, type Counts } from './counts.js';
import type { Alternative } from './exact.js';
import { chiSquareSf, normalCdf, normalSf } from './special.js';

export const MIN_EXPECTED_COUNT = 5;

export interface ConditionCheck {
  /** The smallest expected count in any cell under the common rate. */
  readonly minExpected: number;
  readonly holds: boolean;
  /** What to use when the condition fails: the exact test for two variants; none exists here yet for k. */
  readonly instead?: 'boschloo';
}

export interface LargeSampleTest {
  readonly method: 'z-pooled' | 'chi-square';
  readonly statistic: number;
  readonly degreesOfFreedom?: number;
  readonly pValue: number;
  readonly conditions: ConditionCheck;
}

function expectedCountsCheck(groups: readonly Counts[], twoVariants: boolean): ConditionCheck {
  const successes = groups.reduce((s, g) => s + g.successes, 0);
  const trials = groups.reduce((s, g) => s + g.trials, 0);
  const pooled = successes / trials;
  let minExpected = Infinity;
  for (const g of groups) minExpected = Math.min(minExpected, g.trials * pooled, g.trials * (1 - pooled));
  const holds = minExpected >= MIN_EXPECTED_COUNT;
  return holds || !twoVariants ? { minExpected, holds } : { minExpected, holds, instead: 'boschloo' };
}

/** The pooled z test of a against b: z = (p_a − p_b) / √(p(1−p)(1/n_a + 1/n_b)). */
export function proportionsZTest(a: Counts, b: Counts, alternative: Alternative = 'two-sided'): LargeSampleTest {
  assertCounts(a, 'a');
  assertCounts(b, 'b');
  const p = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(p * (1 - p) * (1 / a.trials + 1 / b.trials));
  const difference = a.successes / a.trials - b.successes / b.trials;
  // No spread (no success or no failure at all): nothing to tell apart.
  const z = se === 0 ? 0 : difference / se;
  const pValue = se === 0 ? 1 : alternative === 'two-sided' ? 2 * normalSf(Math.abs(z)) : alternative === 'less' ? normalCdf(z) : normalSf(z);
  return { method: 'z-pooled', statistic: z, pValue: Math.min(1, pValue), conditions: expectedCountsCheck([a, b], true) };
}

/** Pearson's chi-square test that every variant converts at the same rate. */
export function chiSquareTest(groups: readonly Counts[]): LargeSampleTest {
  if (groups.length < 2) throw new RangeError('chi-square test: at least two variants');
  groups.forEach((g, i) => assertCounts(g, `variant ${i + 1}`));
  const successes = groups.reduce((s, g) => s + g.successes, 0);
  const trials = groups.reduce((s, g) => s + g.trials, 0);
  const pooled = successes / trials;
  let statistic = 0;
  if (pooled > 0 && pooled < 1) {
    for (const g of groups) {
      const es = g.trials * pooled;
      const ef = g.trials - es;
      statistic += (g.successes - es) ** 2 / es + (g.trials - g.successes - ef) ** 2 / ef;
    }
  }
  const degreesOfFreedom = groups.length - 1;
  return {
    method: 'chi-square',
    statistic,
    degreesOfFreedom,
    pValue: pooled > 0 && pooled < 1 ? chiSquareSf(statistic, degreesOfFreedom) : 1,
    conditions: expectedCountsCheck(groups, groups.length === 2),
  };
}
