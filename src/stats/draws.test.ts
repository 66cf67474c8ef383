import { describe, expect, it } from 'vitest';
import { DrawSample } from './draws.js';
import { QuantileSketch } from './quantile-sketch.js';
import { xoshiro128 } from './random.js';
import { percentile, sortedCopy } from './summary.js';

const sampleOf = (values: number[], exactLimit?: number) => {
  const sample = new DrawSample(exactLimit !== undefined ? { exactLimit } : {});
  values.forEach((x) => sample.add(x));
  return sample;
};

describe('a sample of draws kept exactly', () => {
  it('gives numpy’s percentiles bit for bit, its mean and sd', () => {
    // np.percentile([3, 1, 4, 1, 5, 9, 2, 6], [25, 95, 33.3]) → 1.75, 7.949999999999998, 2.3309999999999995.
    const sample = sampleOf([3, 1, 4, 1, 5, 9, 2, 6]);
    expect([sample.percentile(25), sample.percentile(95), sample.percentile(33.3)]).toEqual([1.75, 7.949999999999998, 2.3309999999999995]);
    // Mean 31/8; squared deviations 0.766 + 8.266 + 0.016 + 8.266 + 1.266 + 26.266 + 3.516 + 4.516 = 52.875, so sd √(52.875/7).
    expect(sample.moments().mean.value).toBeCloseTo(3.875, 14);
    expect(sample.moments().sd).toBeCloseTo(Math.sqrt(52.875 / 7), 14);
    expect(sample.relativeError).toBe(0);
  });

  it('gives the expected shortfall as the mean of the lowest ⌈αn⌉ values, with Chen’s standard error', () => {
    // 1..100 at α = 5 %: the lowest 5 are 1..5, mean 3, variance 2 (divisor k), threshold 5:
    // s.e. √((2 + 0.95·(3 − 5)²)/(100·0.05)) = √(5.8/5).
    const sample = sampleOf(Array.from({ length: 100 }, (_, i) => i + 1));
    const es = sample.expectedShortfall(0.05);
    expect(es.value).toBe(3);
    expect(es.standardError).toBeCloseTo(Math.sqrt(5.8 / 5), 12);
  });

  it('counts every value once in its histogram, from the 1st to the 99th percentile', () => {
    const sample = sampleOf(Array.from({ length: 1000 }, (_, i) => i));
    const h = sample.histogram(10);
    // np.percentile(range(1000), [1, 99]) → 9.99, 989.01; 10 values (0..9) lie below 9.99, 10 above 989.01.
    expect(h.edges[0]).toBeCloseTo(9.99, 10);
    expect(h.edges[10]).toBeCloseTo(989.01, 10);
    expect([h.below, h.above]).toEqual([10, 10]);
    expect(h.bins.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(1000);
  });

  it('gives a percentile’s standard error from the ranks one binomial sd either side', () => {
    // Uniform values k/n: the median's standard error is √(1/4n)/f with f = 1 (density of U(0, 1)).
    const n = 10_000;
    const sample = sampleOf(Array.from({ length: n }, (_, k) => (k + 0.5) / n));
    expect(sample.percentileEstimate(50).standardError).toBeCloseTo(Math.sqrt(0.25 / n), 4);
  });
});

describe('past its exact limit', () => {
  // Values of both signs over six decades: a lognormal magnitude with a random sign.
  const random = xoshiro128(99, 0);
  const values = Array.from({ length: 20_000 }, () => (random.next() < 0.3 ? -1 : 1) * Math.exp(6 * random.next() - 2));
  const sorted = sortedCopy(values);

  it('moves into a sketch whose every percentile is within its stated relative error', () => {
    const sample = sampleOf(values, 5_000);
    expect(sample.relativeError).toBe(0.005);
    for (const q of [1, 5, 25, 50, 75, 95, 99]) {
      const exact = percentile(sorted, q);
      // Interpolated between two order statistics each within α: within α of the larger's magnitude.
      const h = (values.length - 1) * (q / 100);
      const scale = Math.max(Math.abs(sorted[Math.floor(h)]!), Math.abs(sorted[Math.ceil(h)]!));
      expect(Math.abs(sample.percentile(q) - exact)).toBeLessThanOrEqual(0.005 * scale * (1 + 1e-12));
    }
    // The mean and sd are still exact (Welford over every value).
    expect(sample.moments().mean.value).toBeCloseTo(sampleOf(values).moments().mean.value, 12);
  });

  it('does not depend on the order the values arrive in', () => {
    const a = new QuantileSketch(), b = new QuantileSketch();
    values.forEach((x) => a.add(x));
    [...values].reverse().forEach((x) => b.add(x));
    expect([0, 100, 5_000, 19_999].map((k) => a.orderStatistic(k))).toEqual([0, 100, 5_000, 19_999].map((k) => b.orderStatistic(k)));
    expect(a.rank(0)).toBe(sorted.findIndex((x) => x > 0));
  });
});

describe('a sample fed in chunks (a risk run merging its workers\' chunks)', () => {
  // Chunks of 1,000 values, each given with its own sketch as a worker makes it; the sample
  // keeps 2,500 exactly, so it crosses its limit inside the third chunk and merges after.
  const random = xoshiro128(11, 0);
  const values = Float64Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? 0 : (random.next() - 0.3) * 1e6));
  const one = new DrawSample({ exactLimit: 2_500 }), chunked = new DrawSample({ exactLimit: 2_500 });
  values.forEach((x) => one.add(x));
  // Strided: the chunk holds pairs (x, −x), as an outcome holds actors' cells side by side.
  for (let c = 0; c < 10; c++) {
    const rows = new Float64Array(2_000);
    for (let i = 0; i < 1_000; i++) { rows[2 * i] = values[c * 1_000 + i]!; rows[2 * i + 1] = -values[c * 1_000 + i]!; }
    chunked.addMany(rows, 0, 2, 1_000, DrawSample.sketchOf(rows, 0, 2, 1_000));
  }

  it('gives every estimate add() gives one value at a time: the sketch counts are whole numbers, merged in any order', () => {
    for (const q of [1, 5, 25, 50, 75, 95, 99]) expect(chunked.percentileEstimate(q)).toEqual(one.percentileEstimate(q));
    expect(chunked.moments()).toEqual(one.moments());
    expect(chunked.relativeError).toBe(0.005);
    expect(chunked.histogram()).toEqual(one.histogram());
    expect(chunked.expectedShortfall(0.05)).toEqual(one.expectedShortfall(0.05));
  });

  it('selects the order statistics of a kept sample (percentileEstimates) as sorting it does', () => {
    const kept = new DrawSample(), again = new DrawSample();
    values.forEach((x) => (kept.add(x), again.add(x)));
    expect(kept.percentileEstimates([5, 25, 50, 75, 95])).toEqual([5, 25, 50, 75, 95].map((q) => again.percentileEstimate(q)));
    // Checked against numpy's rule on the sorted values: np.percentile(x, 50).
    expect(kept.percentileEstimates([50])[0]!.value).toBe(percentile(sortedCopy(values), 50));
  });
});
