import { describe, expect, it } from 'vitest';
import { chiSquareTest, proportionsZTest } from './large-sample.js';

// References with /usr/bin/python3 (Debian scipy 1.10.1, statsmodels 0.13.5):
//   from statsmodels.stats.proportion import proportions_ztest
//   from scipy import stats; stats.chi2_contingency(np.array(table), correction=False)
const c = (successes: number, trials: number) => ({ successes, trials });

describe('pooled z test of two rates', () => {
  it.each([
    // proportions_ztest([12, 5], [50, 50]) → (1.863522038227507, 0.062388854870252905); 'larger' → 0.031194427435126452
    [12, 50, 5, 50, 1.863522038227507, 0.062388854870252905, 0.9688055725648735, 0.031194427435126452],
    // proportions_ztest([300, 250], [2000, 2000]) → (2.295668143833939, 0.021694863226039314)
    [300, 2000, 250, 2000, 2.295668143833939, 0.021694863226039314, 0.9891525683869803, 0.010847431613019657],
    // proportions_ztest([7, 12], [15, 15]) → (-1.8943380760602064, 0.058180150100360505)
    [7, 15, 12, 15, -1.8943380760602064, 0.058180150100360505, 0.029090075050180252, 0.9709099249498198],
  ])('%i/%i against %i/%i', (xa, na, xb, nb, z, two, smaller, larger) => {
    expect(proportionsZTest(c(xa, na), c(xb, nb)).statistic).toBeCloseTo(z, 12);
    expect(proportionsZTest(c(xa, na), c(xb, nb)).pValue).toBeCloseTo(two, 12);
    expect(proportionsZTest(c(xa, na), c(xb, nb), 'less').pValue).toBeCloseTo(smaller, 12);
    expect(proportionsZTest(c(xa, na), c(xb, nb), 'greater').pValue).toBeCloseTo(larger, 12);
  });

  it('checks its condition and points to the exact test when it fails', () => {
    // 12/50 vs 5/50: pooled 17/100, expected successes 8.5 per group, failures 41.5 (hand).
    const ok = proportionsZTest(c(12, 50), c(5, 50));
    expect(ok.conditions).toEqual({ minExpected: 8.5, holds: true });
    // 0/10 vs 5/10: pooled 0.25, expected successes 2.5 < 5 (hand). statsmodels still answers
    // (-2.581988897471611, 0.009823274507519249); the result keeps the number and flags it.
    const small = proportionsZTest(c(0, 10), c(5, 10));
    expect(small.pValue).toBeCloseTo(0.009823274507519249, 12);
    expect(small.conditions).toEqual({ minExpected: 2.5, holds: false, instead: 'boschloo' });
  });

  it('says nothing differs when no trial (or every trial) converted', () => {
    expect(proportionsZTest(c(0, 20), c(0, 30))).toMatchObject({ statistic: 0, pValue: 1, conditions: { holds: false } });
    expect(proportionsZTest(c(20, 20), c(30, 30)).pValue).toBe(1);
  });
});

describe('chi-square test of k rates', () => {
  it.each([
    // chi2_contingency([[12, 5, 9], [38, 45, 41]], correction=False) → (3.4429280397022333, 0.17880418332375644, 2); min expected 8.666666666666666
    [[c(12, 50), c(5, 50), c(9, 50)], 3.4429280397022333, 0.17880418332375644, 2, 8.666666666666666, true],
    // chi2_contingency([[30, 42, 25, 51], [970, 958, 975, 949]], correction=False) → (11.619095731245265, 0.008808676681744631, 3); min expected 37.0
    [[c(30, 1000), c(42, 1000), c(25, 1000), c(51, 1000)], 11.619095731245265, 0.008808676681744631, 3, 37, true],
    // two variants equal the z test squared: chi2_contingency([[12, 5], [38, 45]], correction=False) → (3.4727143869596033, 0.06238885487025269, 1)
    [[c(12, 50), c(5, 50)], 3.4727143869596033, 0.06238885487025269, 1, 8.5, true],
    // small counts: chi2_contingency([[0, 5], [10, 5]], correction=False) → (6.666666666666666, 0.009823274507519247, 1); min expected 2.5
    [[c(0, 10), c(5, 10)], 6.666666666666666, 0.009823274507519247, 1, 2.5, false],
  ] as const)('%j', (groups, x2, p, df, minExpected, holds) => {
    const r = chiSquareTest(groups);
    expect(r.statistic).toBeCloseTo(x2, 11);
    expect(r.pValue).toBeCloseTo(p, 12);
    expect(r.degreesOfFreedom).toBe(df);
    expect(r.conditions.minExpected).toBeCloseTo(minExpected, 12);
    expect(r.conditions.holds).toBe(holds);
  });

  it('names no exact alternative for more than two variants (none is built)', () => {
    const r = chiSquareTest([c(0, 10), c(3, 10), c(1, 10)]);
    expect(r.conditions.holds).toBe(false);
    expect(r.conditions.instead).toBeUndefined();
    expect(() => chiSquareTest([c(1, 10)])).toThrow(/two variants/);
  });
});
