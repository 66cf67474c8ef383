/**
 * Sobol indices by Saltelli's design against the analytic indices of the two standard test
 * functions. Sample size and seed are stated; the tolerance is three bootstrap standard errors of
 * each index (the bootstrap of sobolIndices, 200 resamples, seed 1), so it is derived from the
 * run's own error estimate, not tuned.
 */
import { describe, expect, it } from 'vitest';
import { saltelliDesign, sobolIndices, type SobolIndices } from './saltelli.js';

/** Every point of the design evaluated by f (a unit-cube point to an output). */
function run(dims: number, base: number, seed: number, f: (u: Float64Array) => number): { indices: SobolIndices; sampling: string } {
  const design = saltelliDesign({ dimensions: dims, base, seed });
  const outputs = new Float64Array(design.evaluations);
  let at = 0;
  for (let c = 0; c < design.chunks; c++) {
    const rows = design.chunk(c);
    for (let r = 0; r < rows.length / dims; r++) outputs[at++] = f(rows.subarray(r * dims, (r + 1) * dims));
  }
  return { indices: sobolIndices(outputs, dims, { seed: 1, resamples: 200 }), sampling: design.sampling };
}

/** |estimate − truth| within three bootstrap standard errors. */
function expectWithin(estimated: SobolIndices['factors'], truth: { first: number[]; total: number[] }): void {
  estimated.forEach(({ first, total }, i) => {
    expect(Math.abs(first.value - truth.first[i]!)).toBeLessThanOrEqual(3 * first.standardError);
    expect(Math.abs(total.value - truth.total[i]!)).toBeLessThanOrEqual(3 * total.standardError);
    expect(first.low).toBeLessThan(first.high);
  });
}

/**
 * Ishigami & Homma (1990): f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, xᵢ ~ U(−π, π), a = 7, b = 0.1.
 * Closed forms (Sobol' & Levitan 1999; as scipy.stats.sobol_indices' tests write them):
 *   V = 1/2 + a²/8 + bπ⁴/5 + b²π⁸/18, V₁ = 1/2 (1 + bπ⁴/5)², V₂ = a²/8, V₃ = 0,
 *   V₁₃ = b²π⁸ (1/18 − 1/50) = 8b²π⁸/225, the only interaction;
 *   S = (V₁, V₂, 0)/V = (0.3139, 0.4424, 0), S_T = (V₁ + V₁₃, V₂, V₁₃)/V = (0.5576, 0.4424, 0.2437).
 */
const a = 7, b = 0.1, PI = Math.PI;
const V = 0.5 + a ** 2 / 8 + (b * PI ** 4) / 5 + (b ** 2 * PI ** 8) / 18;
const V1 = 0.5 * (1 + (b * PI ** 4) / 5) ** 2, V2 = a ** 2 / 8, V13 = (8 * b ** 2 * PI ** 8) / 225;
const ISHIGAMI = { first: [V1 / V, V2 / V, 0], total: [(V1 + V13) / V, V2 / V, V13 / V] };
const ishigami = (u: Float64Array) => {
  const [x1, x2, x3] = [...u].map((x) => -PI + 2 * PI * x) as [number, number, number];
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
};

describe('Sobol indices of the Ishigami function', () => {
  it('has the published analytic values (checked to the issue’s four digits)', () => {
    expect(ISHIGAMI.first.map((s) => s.toFixed(4))).toEqual(['0.3139', '0.4424', '0.0000']);
    expect(ISHIGAMI.total.map((s) => s.toFixed(4))).toEqual(['0.5576', '0.4424', '0.2437']);
  });

  it('N = 4096 base rows (20,480 runs), seed 1: every index within 3 bootstrap standard errors', () => {
    const { indices, sampling } = run(3, 4096, 1, ishigami);
    expect(sampling).toBe('sobol');
    expectWithin(indices.factors, ISHIGAMI);
    // The bootstrap errors themselves are small enough to make the check worth something.
    for (const f of indices.factors) expect(Math.max(f.first.standardError, f.total.standardError)).toBeLessThan(0.03);
  });

  it('agrees with SALib’s documented Ishigami run within both runs’ confidence half-widths', () => {
    // SALib README quick start (SALib 1.x: saltelli.sample(problem, 1000), sobol.analyze with its
    // default 100 resamples, conf = 1.96 × bootstrap sd), printed output:
    //   x1 S1 0.307975 ± 0.063927, ST 0.560137 ± 0.085162
    //   x2 S1 0.447767 ± 0.054012, ST 0.438722 ± 0.041973
    //   x3 S1 −0.004255 ± 0.053252, ST 0.242845 ± 0.026515
    const salib = [
      { s1: 0.307975, s1Conf: 0.063927, st: 0.560137, stConf: 0.085162 },
      { s1: 0.447767, s1Conf: 0.054012, st: 0.438722, stConf: 0.041973 },
      { s1: -0.004255, s1Conf: 0.053252, st: 0.242845, stConf: 0.026515 },
    ];
    const { indices } = run(3, 1024, 1, ishigami);
    indices.factors.forEach(({ first, total }, i) => {
      const theirs = salib[i]!;
      expect(Math.abs(first.value - theirs.s1)).toBeLessThanOrEqual(theirs.s1Conf + 1.96 * first.standardError);
      expect(Math.abs(total.value - theirs.st)).toBeLessThanOrEqual(theirs.stConf + 1.96 * total.standardError);
    });
  });

  it('gives the same bits from the same seed, chunk by chunk', () => {
    const whole = saltelliDesign({ dimensions: 3, base: 3000, seed: 5 });
    const small = saltelliDesign({ dimensions: 3, base: 3000, seed: 5, chunkSize: 1024 });
    expect(small.chunk(2)).toEqual(whole.chunk(2));
    expect(run(3, 256, 9, ishigami).indices).toEqual(run(3, 256, 9, ishigami).indices);
  });
});

/**
 * Sobol's G function: f = Πᵢ (|4xᵢ − 2| + aᵢ) / (1 + aᵢ), xᵢ ~ U(0, 1), here a = (0, 1, 4.5, 9,
 * 99, 99, 99, 99) (Saltelli et al. 2010, §4). Each factor has mean 1 and variance
 * Vᵢ = 1 / (3 (1 + aᵢ)²), so V = Πᵢ (1 + Vᵢ) − 1, Sᵢ = Vᵢ / V and S_Tᵢ = Vᵢ Π_{j≠i} (1 + Vⱼ) / V.
 */
const G_A = [0, 1, 4.5, 9, 99, 99, 99, 99];
const Vi = G_A.map((ai) => 1 / (3 * (1 + ai) ** 2));
const VG = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
const G = {
  first: Vi.map((v) => v / VG),
  total: Vi.map((v, i) => (v * Vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / VG),
};
const gFunction = (u: Float64Array) => G_A.reduce((p, ai, i) => (p * (Math.abs(4 * u[i]! - 2) + ai)) / (1 + ai), 1);

describe('Sobol indices of the G function', () => {
  // By hand: V₁…V₈ = 1/3, 1/12, 1/90.75, 1/300, 1/30000 (×4); Π(1 + Vᵢ) = 4/3 · 13/12 · 1.011019 ·
  // 1.003333 · 1.0000333⁴ = 1.465424, so V = 0.465424, S₁ = (1/3)/V = 0.7162, S_T₁ = (1/3)(Π/(4/3))/V = 0.7871.
  it('has the closed-form values: V = 0.4654, S₁ = 0.7162, S_T₁ = 0.7871', () => {
    expect(VG.toFixed(4)).toBe('0.4654');
    expect(G.first[0]!.toFixed(4)).toBe('0.7162');
    expect(G.total[0]!.toFixed(4)).toBe('0.7871');
  });

  it('N = 4096 base rows (40,960 runs), seed 1: every index within 3 bootstrap standard errors', () => {
    const { indices, sampling } = run(8, 4096, 1, gFunction);
    expect(sampling).toBe('sobol');
    expectWithin(indices.factors, G);
    // The four unimportant inputs (a = 99) come out unimportant.
    for (const f of indices.factors.slice(4)) expect(f.total.value).toBeLessThan(0.01);
  });
});

describe('Saltelli design', () => {
  it('lays out A, A_B^i and B per base row: A_B^i is A with column i from B', () => {
    const design = saltelliDesign({ dimensions: 3, base: 8, seed: 2 });
    const rows = design.chunk(0);
    const point = (j: number, r: number) => [...rows.subarray((j * 5 + r) * 3, (j * 5 + r + 1) * 3)];
    for (let j = 0; j < 8; j++) {
      const A = point(j, 0), B = point(j, 4);
      for (let i = 0; i < 3; i++) expect(point(j, 1 + i)).toEqual(A.map((x, z) => (z === i ? B[i] : x)));
    }
    expect(design.evaluations).toBe(40);
  });

  it('falls back to Monte Carlo past 512 inputs (2k Sobol dimensions beyond the table of 1024)', () => {
    expect(saltelliDesign({ dimensions: 512, base: 4, seed: 1 }).sampling).toBe('sobol');
    expect(saltelliDesign({ dimensions: 513, base: 4, seed: 1 }).sampling).toBe('mc');
  });

  it('says an output that never moves has no indices', () => {
    const indices = sobolIndices(new Float64Array(5 * 16).fill(3), 3, { seed: 1 });
    expect(indices.constant).toBe(true);
    expect(indices.factors[0]!.first.value).toBeNaN();
  });
});
