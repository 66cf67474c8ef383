import { describe, expect, it } from 'vitest';
import { moments, percentile, probability, sortedCopy } from './summary.js';

describe('percentiles as numpy computes them by default', () => {
  it('equal np.percentile(x, q) to the last bit (numpy 2.4.6, method="linear")', () => {
    // x = [3, 1, 4, 1, 5, 9, 2, 6], sorted [1, 1, 2, 3, 4, 5, 6, 9], n = 8.
    const sorted = sortedCopy([3, 1, 4, 1, 5, 9, 2, 6]);
    // q = 25: h = 7·0.25 = 1.75, between x[1] = 1 and x[2] = 2, γ = 0.75 ≥ 0.5 so 2 − 1·0.25 = 1.75.
    expect(percentile(sorted, 25)).toBe(1.75);
    // q = 50: h = 3.5, 3 and 4: 4 − 1·0.5 = 3.5. q = 62.5: h = 4.375, 4 and 5: 4 + 0.375.
    expect(percentile(sorted, 50)).toBe(3.5);
    expect(percentile(sorted, 62.5)).toBe(4.375);
    // q = 95: h = 7·0.95 = 6.6499999999999995, 6 and 9: 9 − 3·(1 − γ); np.percentile gives
    // 7.949999999999998, not 7.95, and so must we.
    expect(percentile(sorted, 95)).toBe(7.949999999999998);
    // q = 33.3: h = 2.331, 2 and 3, γ < 0.5: 2 + 1·γ; np.percentile gives 2.3309999999999995.
    expect(percentile(sorted, 33.3)).toBe(2.3309999999999995);
    expect([percentile(sorted, 0), percentile(sorted, 5), percentile(sorted, 100)]).toEqual([1, 1, 9]);
    // np.percentile([0.1, 0.2, 0.7], 30) → 0.16 and (…, 85) → 0.5499999999999999.
    const small = sortedCopy([0.7, 0.1, 0.2]);
    expect(percentile(small, 30)).toBe(0.16);
    expect(percentile(small, 85)).toBe(0.5499999999999999);
    expect(percentile(sortedCopy([]), 50)).toBeNaN();
  });
});

describe('moments and probabilities carry their standard error', () => {
  it('mean, sd (n − 1) and the mean’s standard error, by hand', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sd √(32/7).
    const m = moments([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.mean.value).toBe(5);
    expect(m.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(m.mean.standardError).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 14);
    expect(m.count).toBe(8);
  });

  it('an event seen 41 times in 100 draws: 0.41 ± √(0.41·0.59/100)', () => {
    const p = probability(41, 100);
    expect(p.value).toBe(0.41);
    expect(p.standardError).toBeCloseTo(Math.sqrt(0.41 * 0.59) / 10, 15);
  });
});
