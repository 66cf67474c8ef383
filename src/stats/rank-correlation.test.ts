import { describe, expect, it } from 'vitest';
import { prepareDistribution } from './distributions.js';
import { xoshiro128 } from './random.js';
import { checkCorrelation, cholesky, CorrelationError, imanConover, rankCorrelationMatrix } from './rank-correlation.js';
import { planDesign } from './sampling.js';

describe('correlation matrices are checked positive semi-definite', () => {
  it('factors a positive definite matrix: C = L Lᵀ by hand', () => {
    // [[4, 2], [2, 3]]: L = [[2, 0], [1, √2]].
    const result = cholesky([[4, 2], [2, 3]]);
    expect('factor' in result && result.factor).toEqual([[2, 0], [1, Math.SQRT2]]);
  });

  it('refuses a matrix that no inputs can have, naming the row', () => {
    // a ~ b at 0.9, b ~ c at 0.9, yet a ~ c at −0.9: its determinant is 1 − 3·0.81 − 2·0.729 < 0.
    expect(checkCorrelation([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]).map((f) => f.code)).toEqual(['not-positive-semidefinite']);
    expect(checkCorrelation([[1, 0.5], [0.4, 1]]).map((f) => f.code)).toEqual(['not-symmetric']);
    expect(checkCorrelation([[1, 1.2], [1.2, 1]]).map((f) => f.code)).toEqual(['outside-unit', 'outside-unit']);
    expect(checkCorrelation([[2, 0], [0, 1]]).map((f) => f.code)).toEqual(['diagonal-not-one']);
    expect(checkCorrelation([[1, 0], [0]])).toEqual([{ code: 'not-square', path: [], size: 2 }]);
    // Semi-definite (two inputs moving as one) is accepted.
    expect(checkCorrelation([[1, 1], [1, 1]])).toEqual([]);
    expect(() => imanConover(new Float64Array(6), 3, [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], xoshiro128(1))).toThrow(CorrelationError);
  });
});

describe('Iman–Conover', () => {
  it('keeps every input’s values and brings the rank correlations to the target', () => {
    const runs = 4000, dims = 3;
    const target = [[1, 0.7, -0.3], [0.7, 1, 0], [-0.3, 0, 1]];
    const marginals = [
      prepareDistribution({ kind: 'pert', min: 0, mode: 2, max: 10 }),
      prepareDistribution({ kind: 'lognormal', mu: 0, sigma: 1 }),
      prepareDistribution({ kind: 'uniform', min: -1, max: 1 }),
    ];
    const u = planDesign({ method: 'lhs', dimensions: dims, runs, seed: 8, chunkSize: runs }).chunk(0);
    const rows = u.map((x, k) => marginals[k % dims]!.quantile(x));
    const correlated = imanConover(rows, dims, target, xoshiro128(8, 1));
    for (let j = 0; j < dims; j++) {
      const column = (a: Float64Array) => Float64Array.from({ length: runs }, (_, i) => a[i * dims + j]!).sort();
      expect(column(correlated)).toEqual(column(rows));
    }
    const ranks = rankCorrelationMatrix(correlated, dims);
    // Tolerance: Spearman's r on n draws has, after Fisher's z = atanh(r), a standard error of
    // √(1.06/(n − 3)) (Fieller, Hartley & Pearson, Biometrika 44, 1957); 4 of them.
    const bound = 4 * Math.sqrt(1.06 / (runs - 3));
    for (let a = 0; a < dims; a++) {
      for (let b = a + 1; b < dims; b++) expect(Math.abs(Math.atanh(ranks[a]![b]!) - Math.atanh(target[a]![b]!))).toBeLessThan(bound);
    }
    // Before: independent (the same bound around 0).
    const before = rankCorrelationMatrix(rows, dims);
    expect(Math.abs(Math.atanh(before[0]![1]!))).toBeLessThan(bound);
  });
});
