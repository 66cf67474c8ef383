import { describe, expect, it } from 'vitest';
import { lnGamma as logGamma } from '../special.js';
import { chiSquareSf, normalCdf, normalQuantile, normalSf } from './special.js';

// References: scipy 1.10.1 with /usr/bin/python3, `from scipy import stats, special`.
const relative = (actual: number, expected: number, digits: number) => expect(actual / expected).toBeCloseTo(1, digits);

describe('special functions', () => {
  it('normal quantile: stats.norm.ppf(0.975), (0.8), (1e-10)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 13);
    relative(normalQuantile(1e-10), -6.361340902404056, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 15);
  });

  it('normal distribution: stats.norm.cdf(-3), stats.norm.sf(8)', () => {
    relative(normalCdf(-3), 0.0013498980316300933, 13);
    relative(normalSf(8), 6.22096057427174e-16, 11);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('chi-square survival: stats.chi2.sf(3.84, 1), stats.chi2.sf(20, 7)', () => {
    relative(chiSquareSf(3.84, 1), 0.05004352124870519, 12);
    relative(chiSquareSf(20, 7), 0.005569683072945574, 12);
  });

  it('log-gamma: special.gammaln(0.5) = ln √π, special.gammaln(100.5)', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 13);
    relative(logGamma(100.5), 361.43554046777757, 14);
  });
});
