/**
 * The sample-ratio-mismatch check: do the groups' sizes fit the split the test planned (50/50,
 * say)? A mismatch means the assignment or the counting is broken, and no conversion analysis of
 * those counts can be trusted. Pearson's chi-square goodness-of-fit test, k − 1 degrees of freedom
 * (scipy.stats.chisquare(observed, f_exp)); flagged below a threshold kept strict, 0.001 unless
 * given (GrowthBook's default), because the check runs on every test.
 */
import { chiSquareSf } from './special.js';

export interface SampleRatioCheck {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
  readonly threshold: number;
  readonly mismatch: boolean;
  /** Each group's expected size under the planned split. */
  readonly expected: readonly number[];
}

/** `planned` are the split's weights (any positive numbers; equal when omitted). */
export function sampleRatioCheck(sizes: readonly number[], planned?: readonly number[], threshold = 0.001): SampleRatioCheck {
  if (sizes.length < 2) throw new RangeError('a sample-ratio check needs at least two groups');
  if (sizes.some((n) => !Number.isInteger(n) || n < 0)) throw new RangeError('group sizes are whole numbers ≥ 0');
  const weights = planned ?? sizes.map(() => 1);
  if (weights.length !== sizes.length || weights.some((w) => !(w > 0))) throw new RangeError('one positive planned weight per group');
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError('no trial in any group');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const expected = weights.map((w) => (total * w) / weightSum);
  const statistic = sizes.reduce((sum, n, i) => sum + (n - expected[i]!) ** 2 / expected[i]!, 0);
  const degreesOfFreedom = sizes.length - 1;
  const pValue = chiSquareSf(statistic, degreesOfFreedom);
  return { statistic, degreesOfFreedom, pValue, threshold, mismatch: pValue < threshold, expected };
}
