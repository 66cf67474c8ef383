import { describe, expect, it } from 'vitest';
import { prepareDistribution } from '../distributions.js';
import { calibrateRate } from './calibration.js';

// References: scipy 1.10.1 with /usr/bin/python3. The grid posteriors against a direct numerical
// computation: with f(p) = prior.pdf(p) · stats.binom.pmf(x, n, p) and Z = quad(f, lo, hi),
//   mean = quad(p f) / Z, sd² = quad((p − mean)² f) / Z, and the quantiles by
//   brentq(lambda t: quad(f, lo, t)[0] / Z − u, lo, hi), quad(..., epsabs=1e-15, epsrel=1e-12, limit=500).

describe('calibrating a rate on counts', () => {
  it('a Beta prior on [0, 1] updates exactly: Beta(2, 8) and 12/50 give Beta(14, 46)', () => {
    const c = calibrateRate({ kind: 'beta', alpha: 2, beta: 8 }, { successes: 12, trials: 50 });
    expect(c.method).toBe('beta-conjugate');
    expect(c.posterior).toEqual({ kind: 'beta', alpha: 14, beta: 46 });
    expect(c.posteriorSummary.mean).toBeCloseTo(14 / 60, 15);
    // stats.beta.ppf(0.025, 14, 46), stats.beta.ppf(0.975, 14, 46)
    expect(c.posteriorSummary.interval.low).toBeCloseTo(0.13622574358475667, 10);
    expect(c.posteriorSummary.interval.high).toBeCloseTo(0.34725739418759366, 10);
    expect(c.priorSummary.mean).toBeCloseTo(0.2, 15);
  });

  it('a PERT prior by the grid: PERT(0.05, 0.1, 0.3) and 12/50', () => {
    // prior = stats.beta(1.8, 4.2, loc=0.05, scale=0.25)  (α = 1 + 4 · 0.05/0.25, β = 1 + 4 · 0.2/0.25)
    const c = calibrateRate({ kind: 'pert', min: 0.05, mode: 0.1, max: 0.3 }, { successes: 12, trials: 50 });
    expect(c.method).toBe('grid');
    expect(c.posteriorSummary.mean).toBeCloseTo(0.1800631533537335, 6);
    expect(c.posteriorSummary.sd).toBeCloseTo(0.03461127015688932, 6);
    expect(c.posteriorSummary.interval.low).toBeCloseTo(0.11309605113345264, 5);
    expect(c.posteriorSummary.interval.high).toBeCloseTo(0.24688781749604582, 5);
    // The prior's own summary by the same grid: pert.mean(), pert.std(), pert.ppf(0.025), pert.ppf(0.975)
    expect(c.priorSummary.mean).toBeCloseTo(0.125, 6);
    expect(c.priorSummary.sd).toBeCloseTo(0.04330127018922193, 6);
    expect(c.priorSummary.interval.low).toBeCloseTo(0.05980318091294687, 5);
    expect(c.priorSummary.interval.high).toBeCloseTo(0.22078357747561295, 5);
  });

  it('a triangular prior by the grid: triangular(0, 0.1, 0.4) and 3/50', () => {
    // prior = stats.triang(0.25, loc=0, scale=0.4)
    const c = calibrateRate({ kind: 'triangular', min: 0, mode: 0.1, max: 0.4 }, { successes: 3, trials: 50 });
    expect(c.posteriorSummary.mean).toBeCloseTo(0.08670541689345583, 6);
    expect(c.posteriorSummary.sd).toBeCloseTo(0.03402658665693005, 6);
    expect(c.posteriorSummary.interval.low).toBeCloseTo(0.030927097362890926, 5);
    expect(c.posteriorSummary.interval.high).toBeCloseTo(0.163607295684474, 5);
  });

  it('a uniform prior that the counts press against its lower end: uniform(0.2, 0.5) and 5/50', () => {
    // prior = stats.uniform(0.2, 0.3)
    const c = calibrateRate({ kind: 'uniform', min: 0.2, max: 0.5 }, { successes: 5, trials: 50 });
    expect(c.posteriorSummary.mean).toBeCloseTo(0.22540407068653137, 6);
    expect(c.posteriorSummary.interval.low).toBeCloseTo(0.20070693989468347, 5);
    expect(c.posteriorSummary.interval.high).toBeCloseTo(0.28715376686709504, 5);
  });

  it('hands the grid posterior back as a discrete distribution the Monte Carlo draws from, summing to 1', () => {
    const c = calibrateRate({ kind: 'pert', min: 0.05, mode: 0.1, max: 0.3 }, { successes: 12, trials: 50 });
    expect(c.posterior.kind).toBe('discrete');
    const d = c.posterior as Extract<typeof c.posterior, { kind: 'discrete' }>;
    expect(d.weights.reduce((s, w) => s + Math.round(w * 1e6), 0)).toBe(1e6);
    expect(Math.abs(d.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
    expect(d.values.every((v) => v >= 0.05 && v <= 0.3)).toBe(true);
    // Its mean is the grid's, to the rounding of the weights.
    expect(prepareDistribution(d).mean).toBeCloseTo(0.1800631533537335, 4);
  });

  it('a discrete prior updates exactly, by hand', () => {
    // Weights 0.3, 0.5, 0.2 at 5 %, 10 %, 20 %, times p¹² (1 − p)³⁸, normalised.
    const lik = (p: number) => p ** 12 * (1 - p) ** 38;
    const raw = [0.3 * lik(0.05), 0.5 * lik(0.1), 0.2 * lik(0.2)];
    const total = raw[0]! + raw[1]! + raw[2]!;
    const c = calibrateRate({ kind: 'discrete', values: [0.05, 0.1, 0.2], weights: [0.3, 0.5, 0.2] }, { successes: 12, trials: 50 });
    expect(c.method).toBe('discrete-exact');
    const d = c.posterior as Extract<typeof c.posterior, { kind: 'discrete' }>;
    d.weights.forEach((w, i) => expect(w).toBeCloseTo(raw[i]! / total, 12));
  });

  it('zero and full counts, and priors that exclude every rate the counts allow', () => {
    expect(calibrateRate({ kind: 'beta', alpha: 1, beta: 1 }, { successes: 0, trials: 50 }).posterior).toEqual({ kind: 'beta', alpha: 1, beta: 51 });
    const full = calibrateRate({ kind: 'triangular', min: 0.5, mode: 0.9, max: 1 }, { successes: 20, trials: 20 });
    expect(full.posteriorSummary.mean).toBeGreaterThan(full.priorSummary.mean);
    expect(() => calibrateRate({ kind: 'discrete', values: [0], weights: [1] }, { successes: 3, trials: 5 })).toThrow(/no weight/);
    expect(() => calibrateRate({ kind: 'uniform', min: 2, max: 3 }, { successes: 3, trials: 5 })).toThrow(/no weight/);
  });
});
