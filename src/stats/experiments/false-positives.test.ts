/**
 * A/A simulations: both groups convert at the same rate, so every rejection is a false alarm. Each
 * test's false-positive rate must be at or below its nominal α within Monte Carlo error (three
 * standard errors of a binomial proportion over the runs), and the sequential test's must be so
 * even when the team looks after every single pair of trials. Seeded: the same runs every time.
 */
import { describe, expect, it } from 'vitest';
import { xoshiro128, type Random } from '../random.js';
import type { Counts } from './counts.js';
import { barnardExact, boschlooExact, fisherExact } from './exact.js';
import { chiSquareTest, proportionsZTest } from './large-sample.js';
import { adjustPValues } from './many-comparisons.js';
import { sampleRatioCheck } from './sample-ratio.js';
import { mixtureHalfWidth, sequentialRatio } from './sequential.js';

const ALPHA = 0.05;
const bound = (runs: number) => ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / runs);

function binomial(random: Random, n: number, p: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (random.next() < p) x++;
  return x;
}

/** The share of runs in which `rejects` says yes, two groups of n (or n and nb) at rate p. */
function falseAlarmRate(seed: number, runs: number, n: number, p: number, rejects: (a: Counts, b: Counts) => boolean, nb = n): number {
  const random = xoshiro128(seed);
  const memo = new Map<string, boolean>();
  let alarms = 0;
  for (let r = 0; r < runs; r++) {
    const a = { successes: binomial(random, n, p), trials: n };
    const b = { successes: binomial(random, nb, p), trials: nb };
    // Each distinct table is tested once (the exact tests take tens of milliseconds each).
    const key = `${a.successes}/${b.successes}`;
    if (!memo.has(key)) memo.set(key, rejects(a, b));
    if (memo.get(key)) alarms++;
  }
  return alarms / runs;
}

describe('A/A: fixed-horizon tests at their nominal level', () => {
  const RUNS = 2000;
  it("Fisher's, Boschloo's and Barnard's exact tests, two groups of 50 at 10 % (conservative, as exact tests are)", () => {
    for (const [name, test] of [['fisher', fisherExact], ['boschloo', boschlooExact], ['barnard', barnardExact]] as const) {
      const observed = falseAlarmRate(18, RUNS, 50, 0.1, (a, b) => test(a, b).pValue <= ALPHA);
      expect(observed, name).toBeLessThanOrEqual(bound(RUNS));
      expect(observed, name).toBeGreaterThan(0); // the test does reject sometimes
    }
  }, 120_000);

  it('the exact tests with unequal groups (20 and 40) and a high rate (60 %)', () => {
    for (const [name, test] of [['fisher', fisherExact], ['boschloo', boschlooExact], ['barnard', barnardExact]] as const) {
      const observed = falseAlarmRate(21, RUNS, 20, 0.6, (a, b) => test(a, b).pValue <= ALPHA, 40);
      expect(observed, name).toBeLessThanOrEqual(bound(RUNS));
      expect(observed, name).toBeGreaterThan(0);
    }
  }, 120_000);

  it('the z test with unequal groups (400 and 800) at 5 %', () => {
    expect(falseAlarmRate(22, RUNS, 400, 0.05, (a, b) => proportionsZTest(a, b).pValue <= ALPHA, 800)).toBeLessThanOrEqual(bound(RUNS));
  });

  it("Benjamini–Hochberg across four variants of a five-group A/A test (under the global null its false discovery rate is the chance of any false alarm)", () => {
    const random = xoshiro128(23);
    let any = 0;
    for (let r = 0; r < RUNS; r++) {
      const groups = [0, 1, 2, 3, 4].map(() => ({ successes: binomial(random, 400, 0.15), trials: 400 }));
      const pValues = [1, 2, 3, 4].map((i) => proportionsZTest(groups[i]!, groups[0]!).pValue);
      if (adjustPValues(pValues, 'benjamini-hochberg', ALPHA).rejected.some(Boolean)) any++;
    }
    expect(any / RUNS).toBeLessThanOrEqual(bound(RUNS));
  });

  it('the sample-ratio check raises at most its 0.001 of false alarms when the split is as planned (2:1)', () => {
    const random = xoshiro128(24);
    const runs = 5000;
    let alarms = 0;
    for (let r = 0; r < runs; r++) {
      let a = 0;
      for (let i = 0; i < 3000; i++) if (random.next() < 2 / 3) a++;
      if (sampleRatioCheck([a, 3000 - a], [2, 1]).mismatch) alarms++;
    }
    expect(alarms / runs).toBeLessThanOrEqual(0.001 + 3 * Math.sqrt((0.001 * 0.999) / runs));
  });

  it('the z test where its condition holds: two groups of 500 at 10 %', () => {
    expect(falseAlarmRate(19, RUNS, 500, 0.1, (a, b) => proportionsZTest(a, b).pValue <= ALPHA)).toBeLessThanOrEqual(bound(RUNS));
  });

  it('the chi-square test of three groups of 300 at 20 %, and Holm across their two comparisons (any false alarm)', () => {
    const random = xoshiro128(20);
    let overall = 0;
    let holmAny = 0;
    for (let r = 0; r < RUNS; r++) {
      const groups = [0, 1, 2].map(() => ({ successes: binomial(random, 300, 0.2), trials: 300 }));
      if (chiSquareTest(groups).pValue <= ALPHA) overall++;
      const pValues = [1, 2].map((i) => proportionsZTest(groups[i]!, groups[0]!).pValue);
      if (adjustPValues(pValues, 'holm', ALPHA).rejected.some(Boolean)) holmAny++;
    }
    expect(overall / RUNS).toBeLessThanOrEqual(bound(RUNS));
    expect(holmAny / RUNS).toBeLessThanOrEqual(bound(RUNS));
  });
});

describe('A/A: the sequential test under continuous peeking', () => {
  const RUNS = 2000;
  const MAX = 1000;

  /** Looks after every pair of trials up to MAX per group; does any look reject? */
  function peek(random: Random, p: number, rejects: (c: Counts, v: Counts) => boolean): boolean {
    let xc = 0;
    let xv = 0;
    for (let n = 1; n <= MAX; n++) {
      if (random.next() < p) xc++;
      if (random.next() < p) xv++;
      if (rejects({ successes: xc, trials: n }, { successes: xv, trials: n })) return true;
    }
    return false;
  }

  it('the mSPRT (τ = 5 points) stays at or below α after 1,000 looks, where the z test re-run at each look does not', () => {
    for (const p of [0.1, 0.3]) {
      const random = xoshiro128(Math.round(p * 100));
      let sequential = 0;
      for (let r = 0; r < RUNS; r++) if (peek(random, p, (c, v) => sequentialRatio(c, v, 0.05) >= 1 / ALPHA)) sequential++;
      expect(sequential / RUNS, `p = ${p}`).toBeLessThanOrEqual(bound(RUNS));
    }
    // The reason for it: the same peeking with the fixed-horizon z test raises far more false alarms.
    const random = xoshiro128(7);
    let naive = 0;
    const naiveRuns = 500;
    for (let r = 0; r < naiveRuns; r++) if (peek(random, 0.1, (c, v) => c.trials >= 10 && proportionsZTest(v, c).pValue <= ALPHA)) naive++;
    expect(naive / naiveRuns).toBeGreaterThan(0.25);
  }, 120_000);

  it('the confidence sequence covers the true difference at every look at once, with a real effect (10 % against 13 %)', () => {
    const random = xoshiro128(31);
    let misses = 0;
    for (let r = 0; r < RUNS; r++) {
      let xc = 0;
      let xv = 0;
      for (let n = 1; n <= MAX; n++) {
        if (random.next() < 0.1) xc++;
        if (random.next() < 0.13) xv++;
        const pc = xc === 0 || xc === n ? (xc + 0.5) / (n + 1) : xc / n;
        const pv = xv === 0 || xv === n ? (xv + 0.5) / (n + 1) : xv / n;
        const half = mixtureHalfWidth((pc * (1 - pc)) / n + (pv * (1 - pv)) / n, 0.05, ALPHA);
        if (Math.abs(xv / n - xc / n - 0.03) > half) {
          misses++;
          break;
        }
      }
    }
    expect(misses / RUNS).toBeLessThanOrEqual(bound(RUNS));
  }, 120_000);
});
