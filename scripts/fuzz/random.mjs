/**
 * The fuzzer's randomness: one small seeded generator (mulberry32), so a case is rebuilt from
 * (seed, case number) alone, and fast-check's arbitraries sampled with a seed drawn from it.
 */
import fc from 'fast-check';

/** A generator of floats in [0, 1) from a 32-bit seed (mulberry32, public domain). */
export function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [0, n). */
    below: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** A fast-check arbitrary's value, reproducible from this generator. */
    sample: (arbitrary) => fc.sample(arbitrary, { seed: Math.floor(next() * 2 ** 31), numRuns: 1 })[0],
  };
}

/** The seed of case `index` of a run seeded `seed` (a hash, so neighbouring cases differ). */
export function caseSeed(seed, index) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
