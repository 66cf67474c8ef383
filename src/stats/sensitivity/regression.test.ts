/** Correlation and regression measures against hand calculations. */
import { describe, expect, it } from 'vitest';
import { planDesign } from '../sampling.js';
import { averageRanks } from './matrix.js';
import { regressionSensitivity } from './regression.js';

/** An LHS sample of `dims` uniforms on (0, 1), as rows. */
function sample(dims: number, runs: number, seed: number): Float64Array {
  const design = planDesign({ method: 'lhs', dimensions: dims, runs, seed });
  const out = new Float64Array(runs * dims);
  for (let c = 0; c < design.chunks; c++) out.set(design.chunk(c), c * design.spec.chunkSize * dims);
  return out;
}
const apply = (rows: Float64Array, dims: number, f: (x: number[]) => number) =>
  Float64Array.from({ length: rows.length / dims }, (_, i) => f([...rows.subarray(i * dims, (i + 1) * dims)]));
const sd = (xs: ArrayLike<number>) => {
  const m = Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(Array.from(xs).reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

describe('standardised regression coefficients', () => {
  // y = 3·x₁ − 2·x₂ + 0.5·x₃ with x₁ ~ U(0, 1), x₂ ~ U(0, 2), x₃ ~ U(0, 4) (the unit draws scaled).
  // SRCᵢ = bᵢ σᵢ / σ_y. Population: bᵢσᵢ ∝ 3, −4, 2 (each × 1/√12), σ_y ∝ √29, so SRC =
  // (3, −4, 2)/√29 = (0.5571, −0.7428, 0.3714). In the sample the fit is exact (R² = 1) and
  // SRCᵢ = bᵢ·sd(xᵢ)/sd(y) with the sample's own standard deviations, to rounding.
  const n = 10_000;
  const unit = sample(3, n, 4);
  const scaled = unit.map((u, k) => u * [1, 2, 4][k % 3]!);
  const y = apply(scaled, 3, ([x1, x2, x3]) => 3 * x1! - 2 * x2! + 0.5 * x3!);
  const result = regressionSensitivity(scaled, 3, y);

  it('are bᵢ·sd(xᵢ)/sd(y) exactly when the model is linear, with R² = 1', () => {
    const b = [3, -2, 0.5];
    result.factors.forEach((f, i) => {
      const xi = Float64Array.from({ length: n }, (_, r) => scaled[r * 3 + i]!);
      expect(f.src).toBeCloseTo((b[i]! * sd(xi)) / sd(y), 10);
    });
    expect(result.rSquared).toBeCloseTo(1, 12);
    expect(result.constant).toBe(false);
  });

  it('approach the population values (3, −4, 2)/√29', () => {
    // Independent columns of n draws have spurious sample correlations of sd 1/√n = 0.01; they
    // move σ_y and so each SRC by less than twice that.
    const truth = [3, -4, 2].map((c) => c / Math.sqrt(29));
    result.factors.forEach((f, i) => expect(Math.abs(f.src - truth[i]!)).toBeLessThan(0.02));
    // Ranked the same way by every measure: |x₂| first, then x₁, then x₃, with their signs.
    for (const key of ['src', 'srrc', 'spearman', 'prcc'] as const) {
      const values = result.factors.map((f) => f[key]);
      expect(values.map(Math.sign)).toEqual([1, -1, 1]);
      expect(Math.abs(values[1]!)).toBeGreaterThan(Math.abs(values[0]!));
      expect(Math.abs(values[0]!)).toBeGreaterThan(Math.abs(values[2]!));
    }
  });

  it('tell the reader when a linear reading is poor: R² near 0 for a symmetric bowl', () => {
    // y = (x₁ − ½)² + 0.01·x₂: x₁ drives y, but by symmetry its linear correlation with y is 0.
    const rows = sample(2, 4000, 8);
    const bowl = regressionSensitivity(rows, 2, apply(rows, 2, ([x1, x2]) => (x1! - 0.5) ** 2 + 0.01 * x2!));
    expect(bowl.rSquared).toBeLessThan(0.05);
    expect(bowl.rankRSquared).toBeLessThan(0.05);
  });

  it('read a monotone non-linear effect exactly on ranks: y = exp(8x₁) has SRRC₁ = 1 and rank R² = 1', () => {
    // y's ranks are x₁'s ranks, so the rank fit is exact. The raw fit's population R² is
    // corr(x, e^{8x})² = cov²/(Var x · Var e^{8x}) with cov = e⁸(1/8 − 1/64) + 1/64 − (e⁸ − 1)/16 = 139.8,
    // Var x = 1/12, Var e^{8x} = (e¹⁶ − 1)/16 − ((e⁸ − 1)/8)² = 416,788: R² = 0.56.
    const rows = sample(2, 4000, 9);
    const steep = regressionSensitivity(rows, 2, apply(rows, 2, ([x1]) => Math.exp(8 * x1!)));
    expect(steep.rankRSquared).toBeCloseTo(1, 12);
    expect(steep.factors[0]!.srrc).toBeCloseTo(1, 12);
    expect(steep.rSquared).toBeLessThan(0.9);
  });

  it('are NaN, and say so, when the output never moves or there are too few draws', () => {
    const rows = sample(2, 50, 1);
    const flat = regressionSensitivity(rows, 2, new Float64Array(50).fill(7));
    expect(flat.constant).toBe(true);
    expect(flat.factors[0]!.src).toBeNaN();
    expect(regressionSensitivity(rows.subarray(0, 4), 2, [1, 2]).factors[0]!.src).toBeNaN();
  });
});

describe('rank measures', () => {
  it('rank ties as scipy’s rankdata(method="average")', () => {
    expect([...averageRanks([10, 20, 20, 5, 20])]).toEqual([2, 4, 4, 1, 4]);
  });

  it('Spearman with ties is Pearson on average ranks: ([1,2,2,3], [1,3,2,4]) gives 3/√10', () => {
    // Ranks (1, 2.5, 2.5, 4) and (1, 3, 2, 4); deviations (−1.5, 0, 0, 1.5) and (−1.5, .5, −.5, 1.5):
    // Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5, so ρ = 4.5/√22.5 = 3/√10 (scipy.stats.spearmanr gives 0.9486832980505138).
    const rows = [1, 0, 2, 1, 2, 0, 3, 1]; // x and a second input
    expect(regressionSensitivity(rows, 2, [1, 3, 2, 4]).factors[0]!.spearman).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('PRCC equals the partial correlation formula on the rank correlations (two inputs)', () => {
    // r₁y·₂ = (r₁y − r₁₂ r₂y) / √((1 − r₁₂²)(1 − r₂y²)), Primer eq. (1.29)'s two-input case.
    const rows = sample(2, 500, 3);
    const y = apply(rows, 2, ([x1, x2]) => x1! + 0.3 * x2! ** 3);
    const result = regressionSensitivity(rows, 2, y);
    const r1 = averageRanks(rows.filter((_, k) => k % 2 === 0)), r2 = averageRanks(rows.filter((_, k) => k % 2 === 1)), ry = averageRanks(y);
    const corr = (a: Float64Array, b: Float64Array) => {
      const ma = a.reduce((s, x) => s + x, 0) / a.length, mb = b.reduce((s, x) => s + x, 0) / b.length;
      let ab = 0, aa = 0, bb = 0;
      a.forEach((x, i) => { ab += (x - ma) * (b[i]! - mb); aa += (x - ma) ** 2; bb += (b[i]! - mb) ** 2; });
      return ab / Math.sqrt(aa * bb);
    };
    const [r1y, r12, r2y] = [corr(r1, ry), corr(r1, r2), corr(r2, ry)];
    expect(result.factors[0]!.prcc).toBeCloseTo((r1y - r12 * r2y) / Math.sqrt((1 - r12 ** 2) * (1 - r2y ** 2)), 10);
    expect(result.factors[0]!.spearman).toBeCloseTo(r1y, 12);
  });
});
