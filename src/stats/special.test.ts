import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, betaQuantileFunction, lnGamma, normalCdf, normalQuantile } from './special.js';

// Every expected value below is scipy 1.17.1's, with the call quoted.
const close = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-300));

describe('special functions against scipy.special', () => {
  it('ln Γ: scipy.special.gammaln', () => {
    const cases: Array<[number, number]> = [
      [0.1, 2.252712651734206], [0.5, 0.5723649429247], [2.5, 0.2846828704729192],
      [10, 12.801827480081469], [171.3, 708.1149470389971],
    ];
    for (const [x, expected] of cases) close(lnGamma(x), expected, 1e-14);
    expect(Math.abs(lnGamma(1))).toBeLessThan(1e-15);
  });

  it('Φ: scipy.special.ndtr, both tails', () => {
    const cases: Array<[number, number]> = [
      [-8, 6.22096057427174e-16], [-3, 0.0013498980316300933], [-1, 0.15865525393145707], [0, 0.5],
      [0.5, 0.6914624612740131], [2, 0.9772498680518208], [6, 0.9999999990134123],
    ];
    for (const [x, expected] of cases) close(normalCdf(x), expected, 1e-13);
  });

  it('Φ⁻¹: scipy.special.ndtri, in the centre and in both tails', () => {
    const cases: Array<[number, number]> = [
      [1e-12, -7.034483825301131], [0.001, -3.090232306167813], [0.02, -2.053748910631823],
      [0.3, -0.5244005127080409], [0.8, 0.8416212335729143], [0.975, 1.959963984540054],
      [1 - 1e-9, 5.997807019601637],
    ];
    for (const [p, expected] of cases) close(normalQuantile(p), expected, 5e-13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('I_x(a, b) and its inverse: scipy.special.betainc and betaincinv', () => {
    const cdf: Array<[number, number, number, number]> = [
      [2, 3, 0.4, 0.5247999999999999], [0.5, 0.5, 0.1, 0.20483276469913345],
      [5, 1.5, 0.9, 0.7761721343162159], [30, 40, 0.45, 0.6447480085585666],
    ];
    for (const [a, b, x, expected] of cdf) close(betaCdf(x, a, b), expected, 1e-13);
    const quantile: Array<[number, number, number, number]> = [
      [2, 3, 0.4, 0.3291665033784079], [0.5, 0.5, 0.1, 0.024471741852423214],
      [5, 1.5, 0.9, 0.945754486362118], [30, 40, 0.45, 0.42044118191878316], [3, 3, 1e-6, 0.004652416361586582],
    ];
    for (const [a, b, p, expected] of quantile) close(betaQuantile(p, a, b), expected, 1e-12);
  });
});

describe('the Beta quantile function for many draws', () => {
  it('finds the same roots as betaQuantile, to its tolerance, across (0, 1) and in the tails', () => {
    for (const [a, b] of [[2, 4], [1, 5], [5, 1], [1, 1], [3.4, 1.6]] as const) {
      const q = betaQuantileFunction(a, b);
      for (const p of [2 ** -33, 1e-9, 0.001, 0.1, 0.25, 0.5, 0.73, 0.999, 1 - 2 ** -33]) {
        const x = q(p);
        // It is a root: I_x(a, b) = p to 1e-12 relative (at p = 1 − 2⁻³³ every x within ~1e-10
        // of the root gives p to the last bit, so only the CDF can be compared there).
        expect(Math.abs(betaCdf(x, a, b) - p)).toBeLessThanOrEqual(1e-12 * p + 1e-15);
        if (p <= 0.999) expect(Math.abs(x - betaQuantile(p, a, b))).toBeLessThanOrEqual(1e-14 * Math.max(x, 1e-300) + 1e-300);
      }
    }
  });
});
