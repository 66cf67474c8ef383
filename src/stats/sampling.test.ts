import { describe, expect, it } from 'vitest';
import { prepareDistribution } from './distributions.js';
import { checkDesign, planDesign, type DesignSpec, type SamplingMethod } from './sampling.js';
import { SOBOL_MAX_DIMENSIONS, sobolDirections, sobolPoint } from './sobol.js';

const methods: SamplingMethod[] = ['mc', 'lhs', 'sobol'];

/** Every draw of a design, chunk after chunk. */
function allDraws(spec: DesignSpec): Float64Array {
  const design = planDesign(spec);
  const chunks = Array.from({ length: design.chunks }, (_, c) => design.chunk(c));
  const out = new Float64Array(spec.runs * spec.dimensions);
  let at = 0;
  for (const chunk of chunks) { out.set(chunk, at); at += chunk.length; }
  return out;
}

describe('designs draw the same bits from the same seed, with any number of workers', () => {
  it.each(methods)('%s: same seed, same bits; another seed, other bits; all in (0, 1)', (method) => {
    const spec = { method, dimensions: 4, runs: 3000, seed: 11, chunkSize: 512 };
    const once = allDraws(spec);
    expect(allDraws(spec)).toEqual(once);
    expect(allDraws({ ...spec, seed: 12 })).not.toEqual(once);
    expect(once.every((x) => x > 0 && x < 1)).toBe(true);
  });

  it.each(methods)('%s: a chunk drawn alone, by a worker that planned its own copy, is the same chunk', (method) => {
    const spec = { method, dimensions: 3, runs: 5000, seed: 4, chunkSize: 1000 };
    const one = planDesign(spec);
    const inOrder = Array.from({ length: one.chunks }, (_, c) => one.chunk(c));
    // Two workers: one takes the even chunks, the other the odd ones, in reverse order.
    const even = planDesign(spec), odd = planDesign(spec);
    for (let c = one.chunks - 1; c >= 0; c--) expect((c % 2 === 0 ? even : odd).chunk(c)).toEqual(inOrder[c]);
    expect(one.chunkRuns(4)).toBe(1000);
    expect(one.chunkRuns(5)).toBe(0);
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one draw in each of the N strata of each dimension', () => {
    const runs = 1000, dimensions = 5;
    const draws = allDraws({ method: 'lhs', dimensions, runs, seed: 99, chunkSize: 256 });
    for (let j = 0; j < dimensions; j++) {
      const strata = Array.from({ length: runs }, (_, i) => Math.floor(draws[i * dimensions + j]! * runs)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: runs }, (_, k) => k));
    }
  });
});

describe('Sobol points', () => {
  it('start as published (scipy.stats.qmc.Sobol(d=3, scramble=False).random(8))', () => {
    const directions = sobolDirections(3);
    const points = Array.from({ length: 8 }, (_, i) => sobolPoint(directions, i));
    const column = (j: number) => points.map((p) => p[j]);
    expect(column(0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(column(1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(column(2)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('match scipy in dimensions 41 and 64, past the initial direction numbers', () => {
    // scipy.stats.qmc.Sobol(d=64, scramble=False).random(16)[:, 40] and [:, 63]
    const directions = sobolDirections(64);
    const points = Array.from({ length: 16 }, (_, i) => sobolPoint(directions, i));
    expect(points.map((p) => p[40])).toEqual([
      0, 0.5, 0.25, 0.75, 0.875, 0.375, 0.625, 0.125, 0.5625, 0.0625, 0.8125, 0.3125, 0.4375, 0.9375, 0.1875, 0.6875,
    ]);
    expect(points.map((p) => p[63])).toEqual([
      0, 0.5, 0.75, 0.25, 0.125, 0.625, 0.875, 0.375, 0.6875, 0.1875, 0.4375, 0.9375, 0.5625, 0.0625, 0.3125, 0.8125,
    ]);
  });

  it('match scipy past dimension 64, to dimension 1024 (Joe & Kuo\'s file, sobol-directions.ts)', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(1024);
    // scipy 1.10.1: x = scipy.stats.qmc.Sobol(d=1024, scramble=False).random(16); x[:, j - 1] for j = 100, 500, 1000, 1024
    const directions = sobolDirections(1024);
    const first = Array.from({ length: 16 }, (_, i) => sobolPoint(directions, i));
    const column = (j: number) => first.map((p) => p[j - 1]);
    expect(column(100)).toEqual([0, 0.5, 0.75, 0.25, 0.875, 0.375, 0.125, 0.625, 0.9375, 0.4375, 0.1875, 0.6875, 0.0625, 0.5625, 0.8125, 0.3125]);
    expect(column(500)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.4375, 0.9375, 0.1875, 0.6875, 0.8125, 0.3125, 0.5625, 0.0625]);
    expect(column(1000)).toEqual([0, 0.5, 0.75, 0.25, 0.125, 0.625, 0.875, 0.375, 0.9375, 0.4375, 0.1875, 0.6875, 0.8125, 0.3125, 0.0625, 0.5625]);
    expect(column(1024)).toEqual([0, 0.5, 0.75, 0.25, 0.875, 0.375, 0.125, 0.625, 0.0625, 0.5625, 0.8125, 0.3125, 0.9375, 0.4375, 0.1875, 0.6875]);
    // Deeper bits (every direction number up to V_14): x = scipy.stats.qmc.Sobol(d=1024, scramble=False).random(2**14);
    // int(x[i, j - 1] * 2**30) for i = 1000, 5000, 12345, 16383. scipy keeps 30 bits, these points 32: the
    // top 30 agree.
    const deep: Record<number, number[]> = {
      100: [200278016, 70385664, 578617344, 316735488],
      500: [273678336, 325976064, 1014300672, 761331712],
      1000: [214958080, 505282560, 140705792, 551485440],
      1024: [766509056, 58327040, 619642880, 458948608],
    };
    for (const [j, expected] of Object.entries(deep)) {
      expect([1000, 5000, 12345, 16383].map((i) => Math.floor(sobolPoint(directions, i)[Number(j) - 1]! * 2 ** 30))).toEqual(expected);
    }
  });

  it('fill every dyadic interval of length 2^-k exactly once with their first 2^k points, in every dimension', () => {
    const directions = sobolDirections(SOBOL_MAX_DIMENSIONS);
    const points = Array.from({ length: 2 ** 12 }, (_, i) => sobolPoint(directions, i));
    // Per dimension, the intervals 2^-k hit more or less than once by the first 2^k points (none expected).
    const faults: string[] = [];
    for (let j = 0; j < SOBOL_MAX_DIMENSIONS; j++) {
      for (let k = 0; k <= 12; k++) {
        const hits = new Uint16Array(2 ** k);
        for (let i = 0; i < 2 ** k; i++) hits[Math.floor(points[i]![j]! * 2 ** k)]!++;
        if (hits.some((h) => h !== 1)) faults.push(`dimension ${j + 1}, k = ${k}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('keep that property under the seeded digital shift, and the unshifted design is the sequence moved by 2^-33', () => {
    const runs = 1024, dimensions = 8;
    const shifted = allDraws({ method: 'sobol', dimensions, runs, seed: 5, chunkSize: 128 });
    for (let j = 0; j < dimensions; j++) {
      const cells = Array.from({ length: runs }, (_, i) => Math.floor(shifted[i * dimensions + j]! * runs)).sort((a, b) => a - b);
      expect(cells).toEqual(Array.from({ length: runs }, (_, c) => c));
    }
    const plain = allDraws({ method: 'sobol', dimensions, runs, seed: 5, shift: false });
    const directions = sobolDirections(dimensions);
    expect(Array.from(plain.subarray(2 * dimensions, 3 * dimensions))).toEqual(sobolPoint(directions, 2).map((x) => x + 2 ** -33));
  });
});

describe('designs refuse sizes they cannot draw', () => {
  it('names the field at fault', () => {
    expect(checkDesign({ method: 'mc', dimensions: 2, runs: 0, seed: 1 })).toEqual([{ code: 'not-positive-integer', path: ['runs'], value: 0 }]);
    expect(checkDesign({ method: 'sobol', dimensions: 1025, runs: 8, seed: 1 })).toEqual([
      { code: 'too-many-dimensions', path: ['dimensions'], method: 'sobol', max: 1024, value: 1025 },
    ]);
    expect(() => planDesign({ method: 'lhs', dimensions: 2, runs: 2.5, seed: 1 })).toThrow(RangeError);
  });
});

describe('Monte Carlo estimates against closed forms (seed stated, tolerance from the standard error)', () => {
  it('Irwin–Hall: the sum of 12 uniforms on [2, 5] has mean 12·3.5 = 42 and variance 12·3²/12 = 9', () => {
    const runs = 20_000, dimensions = 12;
    const u = allDraws({ method: 'mc', dimensions, runs, seed: 17 });
    const uniform = prepareDistribution({ kind: 'uniform', min: 2, max: 5 });
    const sums = Array.from({ length: runs }, (_, i) => {
      let s = 0;
      for (let j = 0; j < dimensions; j++) s += uniform.quantile(u[i * dimensions + j]!);
      return s;
    });
    const mean = sums.reduce((a, b) => a + b, 0) / runs;
    const variance = sums.reduce((a, s) => a + (s - mean) ** 2, 0) / (runs - 1);
    // Standard error of the mean: √(9/n). Of the sample variance: √((μ4 − σ⁴)/n), where the sum's
    // fourth central moment is σ⁴·(3 − 6/(5·12)) = 81·2.9 (a uniform's excess kurtosis −6/5,
    // divided by the 12 terms). Tolerance: 4 standard errors each.
    expect(Math.abs(mean - 42)).toBeLessThan(4 * Math.sqrt(9 / runs));
    expect(Math.abs(variance - 9)).toBeLessThan(4 * Math.sqrt((81 * 2.9 - 81) / runs));
  });

  it('a product of three lognormals has mean e^{Σμ + Σσ²/2}', () => {
    const mus = [0.1, -0.2, 0.3], sigmas = [0.2, 0.3, 0.25];
    const factors = mus.map((mu, j) => prepareDistribution({ kind: 'lognormal', mu, sigma: sigmas[j]! }));
    for (const method of ['mc', 'lhs'] as const) {
      const runs = 20_000;
      const u = allDraws({ method, dimensions: 3, runs, seed: 23 });
      const products = Array.from({ length: runs }, (_, i) => factors.reduce((p, f, j) => p * f.quantile(u[i * 3 + j]!), 1));
      const mean = products.reduce((a, b) => a + b, 0) / runs;
      // The product is lognormal(μ = 0.2, σ² = 0.04 + 0.09 + 0.0625 = 0.1925): mean e^{0.2 + 0.09625},
      // variance (e^{σ²} − 1)·e^{2μ + σ²}; tolerance 4 standard errors of the Monte Carlo mean (the
      // Latin hypercube's error is smaller than plain Monte Carlo's, so the same bound holds for it).
      const sigma2 = 0.1925;
      const variance = Math.expm1(sigma2) * Math.exp(0.4 + sigma2);
      expect(Math.abs(mean - Math.exp(0.2 + sigma2 / 2))).toBeLessThan(4 * Math.sqrt(variance / runs));
    }
  });
});
