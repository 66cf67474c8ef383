import { describe, expect, it } from 'vitest';
import { checkDistribution, prepareDistribution, type Distribution } from './distributions.js';
import { DistributionError } from './distribution-check.js';
import { planDesign } from './sampling.js';

const close = (actual: number, expected: number, relative = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

describe('quantiles, means and variances against scipy.stats', () => {
  it('normal truncated to [7, 16]: scipy.stats.truncnorm(-1, 2, loc=10, scale=3)', () => {
    const d = prepareDistribution({ kind: 'normal', mean: 10, sd: 3, min: 7, max: 16 });
    close(d.mean, 10.688911537273988); // .mean()
    close(d.variance, 4.6778628529038055); // .var()
    close(d.quantile(0.3), 9.27278854633232); // .ppf(0.3)
  });

  it('normal truncated to its upper tail [2, ∞): scipy.stats.truncnorm(2, inf)', () => {
    const d = prepareDistribution({ kind: 'normal', mean: 0, sd: 1, min: 2 });
    close(d.mean, 2.37321553282284);
    close(d.variance, 0.11427910041408329, 1e-10);
    close(d.quantile(0.9), 2.837275980456457);
  });

  it('lognormal: scipy.stats.lognorm(s=0.5, scale=e^1); truncated to [1, 5] by scipy.integrate.quad', () => {
    const plain = prepareDistribution({ kind: 'lognormal', mu: 1, sigma: 0.5 });
    close(plain.quantile(0.8), 4.140475419145248); // .ppf(0.8)
    // Closed form: e^{μ+σ²/2} and (e^{σ²} − 1)·e^{2μ+σ²}.
    close(plain.mean, Math.exp(1.125));
    close(plain.variance, Math.expm1(0.25) * Math.exp(2.25));
    // quad(x·pdf, 1, 5) / (cdf(5) − cdf(1)), and the same for x², minus the mean squared.
    const cut = prepareDistribution({ kind: 'lognormal', mu: 1, sigma: 0.5, min: 1, max: 5 });
    close(cut.mean, 2.6955559622859138, 1e-11);
    close(cut.variance, 0.9692464633555229, 1e-10);
  });

  it('triangular, PERT and beta: scipy.stats.triang and scipy.stats.beta', () => {
    const tri = prepareDistribution({ kind: 'triangular', min: 2, mode: 4, max: 10 });
    close(tri.quantile(0.1), 3.264911064067352); // triang(c=0.25, loc=2, scale=8).ppf(0.1)
    close(tri.quantile(0.7), 6.205266807797944); // .ppf(0.7)
    // PERT(2, 4, 10): α = 1 + 4·2/8 = 2, β = 1 + 4·6/8 = 4; 2 + 8·beta(2, 4).ppf(0.6).
    const pert = prepareDistribution({ kind: 'pert', min: 2, mode: 4, max: 10 });
    close(pert.quantile(0.6), 4.919881811239342);
    close(pert.mean, (2 + 16 + 10) / 6); // (min + 4·mode + max)/6 = 14/3
    // Beta(2, 4) variance αβ/((α+β)²(α+β+1)) = 8/252, stretched by 8² = 64.
    close(pert.variance, (64 * 8) / 252);
    const beta = prepareDistribution({ kind: 'beta', alpha: 2.5, beta: 1.5, min: -1, max: 3 });
    close(beta.quantile(0.25), 0.8774400451073685); // beta(2.5, 1.5, loc=-1, scale=4).ppf(0.25)
  });

  it('discrete: each value drawn with its weight, in value order', () => {
    const d = prepareDistribution({ kind: 'discrete', values: [3, 1, 2], weights: [0.2, 0.5, 0.3] });
    // Sorted: 1 (cumulative 0.5), 2 (0.8), 3 (1).
    expect([0.01, 0.49, 0.5, 0.79, 0.8, 0.99].map(d.quantile)).toEqual([1, 1, 2, 2, 3, 3]);
    close(d.mean, 0.5 + 0.6 + 0.6); // 1.7
    close(d.variance, 0.5 * 1 + 0.3 * 4 + 0.2 * 9 - 1.7 ** 2); // 3.5 − 2.89 = 0.61
  });
});

describe('drawing through the quantiles agrees with the closed-form mean', () => {
  const cases: Distribution[] = [
    { kind: 'uniform', min: -2, max: 6 },
    { kind: 'triangular', min: 0, mode: 1, max: 5 },
    { kind: 'pert', min: 10, mode: 30, max: 40, shape: 6 },
    { kind: 'normal', mean: 5, sd: 2, min: 4 },
    { kind: 'lognormal', mu: 0, sigma: 0.8, max: 3 },
    { kind: 'beta', alpha: 0.7, beta: 2.2 },
    { kind: 'discrete', values: [0, 10], weights: [3, 1] },
  ];
  it.each(cases)('$kind', (distribution) => {
    const d = prepareDistribution(distribution);
    const runs = 20_000;
    const design = planDesign({ method: 'mc', dimensions: 1, runs, seed: 2026, chunkSize: runs });
    const draws = Array.from(design.chunk(0), d.quantile);
    const mean = draws.reduce((a, b) => a + b, 0) / runs;
    // Tolerance: 4 standard errors of the mean, √(variance/n) from the closed-form variance.
    expect(Math.abs(mean - d.mean)).toBeLessThan(4 * Math.sqrt(d.variance / runs));
  });
});

describe('parameters are checked as data', () => {
  it('names each fault by code and field', () => {
    expect(checkDistribution({ kind: 'uniform', min: 5, max: 2 })).toEqual([{ code: 'min-not-below-max', path: ['min'], min: 5, max: 2 }]);
    expect(checkDistribution({ kind: 'normal', mean: 0, sd: -1 })).toEqual([{ code: 'not-positive', path: ['sd'], value: -1 }]);
    expect(checkDistribution({ kind: 'pert', min: 0, mode: 12, max: 10 })).toEqual([
      { code: 'mode-outside-range', path: ['mode'], mode: 12, min: 0, max: 10 },
    ]);
    expect(checkDistribution({ kind: 'beta', alpha: 0, beta: 2 })).toEqual([{ code: 'not-positive', path: ['alpha'], value: 0 }]);
    expect(checkDistribution({ kind: 'normal', mean: 0, sd: 1, min: 50, max: 60 })).toEqual([
      { code: 'truncation-empty', path: ['min'], min: 50, max: 60 },
    ]);
    expect(checkDistribution({ kind: 'triangular', min: 0, mode: Number.NaN, max: 1 })).toEqual([{ code: 'not-finite', path: ['mode'] }]);
    expect(checkDistribution({ kind: 'discrete', values: [1, 2], weights: [1, -1] })).toEqual([
      { code: 'negative-weight', path: ['weights', 1], weight: -1 },
    ]);
    expect(checkDistribution({ kind: 'discrete', values: [1, 2], weights: [1] })).toEqual([
      { code: 'discrete-lengths', path: ['weights'], values: 2, weights: 1 },
    ]);
    expect(checkDistribution({ kind: 'discrete', values: [], weights: [] })).toEqual([{ code: 'discrete-empty', path: ['values'] }]);
    expect(checkDistribution({ kind: 'lognormal', mu: 0, sigma: 1, min: 0 })).toEqual([]);
  });

  it('refuses to prepare a faulty distribution, carrying the faults', () => {
    expect(() => prepareDistribution({ kind: 'uniform', min: 1, max: 1 })).toThrow(DistributionError);
    try {
      prepareDistribution({ kind: 'uniform', min: 1, max: 1 });
    } catch (error) {
      expect((error as DistributionError).faults.map((f) => f.code)).toEqual(['min-not-below-max']);
    }
  });
});
