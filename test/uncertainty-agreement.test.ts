/**
 * The core refuses a distribution or a correlation matrix before any draw (it imports nothing of
 * ours, so it checks them itself); src/stats refuses them when asked to draw. The two must give
 * the same verdict, or a model the core accepts would fail in the middle of a run, or one it
 * refuses could have been drawn from. Checked here on random parameters, good and bad.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionFaults, negativePivot } from '../src/core/check-uncertainty.js';
import { drawnDistribution, type Distribution } from '../src/core/index.js';
import { checkCorrelation, checkDistribution, type Distribution as StatsDistribution } from '../src/stats/index.js';

const number = fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(0, 1, -1, 0.5));
const maybe = fc.option(number, { nil: undefined });

const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.record({ kind: fc.constant('uniform' as const), min: number, max: number }),
  fc.record({ kind: fc.constant('triangular' as const), min: number, mode: maybe, max: number }, { requiredKeys: ['kind', 'min', 'max'] }),
  fc.record({ kind: fc.constant('pert' as const), min: number, mode: maybe, max: number, shape: maybe }, { requiredKeys: ['kind', 'min', 'max'] }),
  fc.record({ kind: fc.constant('normal' as const), mean: maybe, sd: number, min: maybe, max: maybe }, { requiredKeys: ['kind', 'sd'] }),
  fc.record({ kind: fc.constant('lognormal' as const), mu: number, sigma: number, min: maybe, max: maybe }, { requiredKeys: ['kind', 'mu', 'sigma'] }),
  fc.record({ kind: fc.constant('beta' as const), alpha: number, beta: number, min: maybe, max: maybe }, { requiredKeys: ['kind', 'alpha', 'beta'] }),
);

/** Without the keys fc.record leaves as undefined, as a file read would. */
const defined = <T extends object>(d: T): T => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as T;

describe('the core and src/stats agree', () => {
  it('on which distributions can be drawn from', () => {
    fc.assert(
      fc.property(distribution, number, (written, value) => {
        const d = defined(written);
        const core = distributionFaults(d, value).length === 0;
        const stats = checkDistribution(drawnDistribution(d, value) as StatsDistribution).length === 0;
        expect(core).toBe(stats);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('on discrete distributions whose probabilities sum to 1 (the format asks that; src/stats normalises weights)', () => {
    expect(distributionFaults({ kind: 'discrete', values: [1, 2, 3], probabilities: [0.2, 0.3, 0.5] }, 2)).toEqual([]);
    expect(checkDistribution({ kind: 'discrete', values: [1, 2, 3], weights: [0.2, 0.3, 0.5] })).toEqual([]);
    expect(distributionFaults({ kind: 'discrete', values: [1, 2], probabilities: [-0.5, 1.5] }, 1).map(([, f]) => f.reason)).toEqual(['negative-probability']);
    expect(checkDistribution({ kind: 'discrete', values: [1, 2], weights: [-0.5, 1.5] }).map((f) => f.code)).toEqual(['negative-weight']);
  });

  it('on which correlation matrices are positive semi-definite', () => {
    const matrix = fc.integer({ min: 2, max: 5 }).chain((n) =>
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
        const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
        let k = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i]![j] = m[j]![i] = upper[k++]!;
        return m;
      }),
    );
    fc.assert(
      fc.property(matrix, (m) => {
        expect(negativePivot(m) === undefined).toBe(checkCorrelation(m).length === 0);
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});
