import { describe, expect, it } from 'vitest';
import { xoshiro128, xoshiro128FromState } from './random.js';

describe('xoshiro128**', () => {
  it('gives the reference outputs from the state 1, 2, 3, 4', () => {
    // The reference C code (prng.di.unimi.it/xoshiro128starstar.c), run from s = {1, 2, 3, 4},
    // also written out in Python with 32-bit masks: 11520, 0, 5927040, 70819200, 2031721883, 1637235492.
    const random = xoshiro128FromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => random.next() * 2 ** 32)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives one stream per seed and chunk, the same every time', () => {
    const draws = (seed: number, chunk: number) => Array.from({ length: 5 }, ((r) => () => r.next())(xoshiro128(seed, chunk)));
    expect(draws(1, 0)).toEqual(draws(1, 0));
    expect(draws(1, 0)).not.toEqual(draws(1, 1));
    expect(draws(1, 0)).not.toEqual(draws(2, 0));
  });

  it('draws integers below n evenly', () => {
    const random = xoshiro128(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.below(3)]!++;
    // Each near 10 000: a binomial's standard deviation is √(30 000 · 1/3 · 2/3) ≈ 82; 5 of them is 410.
    counts.forEach((c) => expect(Math.abs(c - 10_000)).toBeLessThan(410));
  });
});
