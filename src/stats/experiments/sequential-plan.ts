/**
 * Planning a sequential test (sequential.ts) for a team that will look at results as they come:
 * at each planned look, the difference that would stop the test, beside the one a single
 * fixed-horizon test would need; the power of the whole sequence of looks against the planned
 * effect; the trials expected before stopping; and the largest sample the sequence needs for the
 * power wanted. Balanced groups.
 *
 * The power is computed, not simulated, by recursive numerical integration over the looks
 * (Armitage, McPherson & Rowe, JRSS A 132:235–244, 1969): the sum S of the per-pair differences
 * y − x after n pairs is read as N(nΔ, nV), V = p_c(1 − p_c) + p_v(1 − p_v); its density on the
 * region where the test goes on is carried from look to look by the Gaussian kernel of the
 * increments (Simpson's rule on 401 points), and the mass that leaves the region at each look is
 * the probability of stopping there. The stopping boundary at n trials per group is
 * |S| ≥ n·h(n), h the confidence-sequence half-width (sequential.ts) at the pooled variance
 * 2p̄(1 − p̄)/n of the planned rates.
 */
import type { PlannedRates } from './power.js';
import { sampleSize } from './power.js';
import { mixtureHalfWidth } from './sequential.js';
import { normalCdf, normalQuantile } from './special.js';

export interface SequentialPlanOptions {
  readonly alpha?: number;
  /** τ, 0 for "the planned difference", the default. */
  readonly mixtureSd?: number;
  /** Looks spread evenly up to the maximum, 20 unless given. */
  readonly looks?: number;
  readonly targetPower?: number;
}

export interface PlannedLook {
  readonly trials: number;
  /** The absolute difference of rates that stops the test at this look. */
  readonly stoppingDifference: number;
  /** The probability, under the planned effect, of stopping at this look. */
  readonly stopProbability: number;
}

export interface SequentialPlan {
  readonly rates: PlannedRates;
  readonly maxTrials: number;
  readonly alpha: number;
  readonly mixtureSd: number;
  readonly looks: readonly PlannedLook[];
  /** P(the test stops for the effect by the last look), under the planned effect. */
  readonly power: number;
  /** Trials per group expected before stopping, under the planned effect (the maximum when it never stops). */
  readonly expectedTrials: number;
  /** The difference a single test at the maximum would need (two-sided z, pooled). */
  readonly fixedHorizonDifference: number;
  /** Trials per group one fixed-horizon test needs for the target power (Fleiss, no correction). */
  readonly fixedHorizonTrials: number;
  /** The maximum per group at which the sequence of looks reaches the target power; undefined past 100 × the fixed horizon. */
  readonly neededMaxTrials: number | undefined;
  readonly targetPower: number;
}

const GRID = 401;

/** Boundaries and stop probabilities of `looks` evenly spread up to maxTrials. */
function stopProbabilities(rates: PlannedRates, maxTrials: number, looks: number, tau: number, alpha: number): PlannedLook[] {
  const delta = rates.variant - rates.control;
  const v = rates.control * (1 - rates.control) + rates.variant * (1 - rates.variant);
  const pooled = (rates.control + rates.variant) / 2;
  const trials = [...new Set(Array.from({ length: looks }, (_, k) => Math.max(1, Math.round(((k + 1) * maxTrials) / looks))))];
  const out: PlannedLook[] = [];
  let grid: Float64Array | undefined; // S values on the previous look's continuation region
  let density: Float64Array | undefined;
  let previous = 0;
  for (const n of trials) {
    const h = mixtureHalfWidth((2 * pooled * (1 - pooled)) / n, tau, alpha);
    const bound = n * h;
    const m = n - previous;
    const sd = Math.sqrt(m * v);
    const shift = m * delta;
    const next = Float64Array.from({ length: GRID }, (_, i) => -bound + (2 * bound * i) / (GRID - 1));
    const nextDensity = new Float64Array(GRID);
    let stop = 0;
    if (!grid || !density) {
      stop = 1 - normalCdf((bound - shift) / sd) + normalCdf((-bound - shift) / sd);
      next.forEach((s, j) => (nextDensity[j] = gaussian(s - shift, sd)));
    } else {
      const weights = simpson(grid);
      for (let i = 0; i < GRID; i++) {
        const mass = weights[i]! * density[i]!;
        if (mass === 0) continue;
        const u = grid[i]! + shift;
        stop += mass * (1 - normalCdf((bound - u) / sd) + normalCdf((-bound - u) / sd));
        for (let j = 0; j < GRID; j++) nextDensity[j]! += mass * gaussian(next[j]! - u, sd);
      }
    }
    out.push({ trials: n, stoppingDifference: h, stopProbability: stop });
    grid = next;
    density = nextDensity;
    previous = n;
  }
  return out;
}

const gaussian = (x: number, sd: number) => Math.exp(-0.5 * (x / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

/** Simpson's weights on an even grid of an odd number of points. */
function simpson(grid: Float64Array): Float64Array {
  const step = grid[1]! - grid[0]!;
  return grid.map((_, i) => ((i === 0 || i === grid.length - 1 ? 1 : i % 2 === 1 ? 4 : 2) * step) / 3);
}

const powerOf = (looks: readonly PlannedLook[]) => looks.reduce((sum, l) => sum + l.stopProbability, 0);

export function sequentialPlan(rates: PlannedRates, maxTrials: number, options: SequentialPlanOptions = {}): SequentialPlan {
  const alpha = options.alpha ?? 0.05;
  const targetPower = options.targetPower ?? 0.8;
  const lookCount = options.looks ?? 20;
  const delta = rates.variant - rates.control;
  if (delta === 0) throw new RangeError('the planned rates are equal: there is no effect to plan for');
  if (!Number.isInteger(maxTrials) || maxTrials < 1) throw new RangeError(`the maximum trials per group is a whole number ≥ 1: ${maxTrials}`);
  if (!Number.isInteger(lookCount) || lookCount < 1) throw new RangeError(`looks is a whole number ≥ 1: ${lookCount}`);
  const tau = options.mixtureSd && options.mixtureSd > 0 ? options.mixtureSd : Math.abs(delta);
  const looks = stopProbabilities(rates, maxTrials, lookCount, tau, alpha);
  const power = Math.min(1, powerOf(looks));
  const expectedTrials = looks.reduce((sum, l) => sum + l.trials * l.stopProbability, 0) + maxTrials * Math.max(0, 1 - power);
  const pooled = (rates.control + rates.variant) / 2;
  const fixed = sampleSize(rates, 'normal', { alpha, power: targetPower }).trialsA;
  return {
    rates,
    maxTrials,
    alpha,
    mixtureSd: tau,
    looks,
    power,
    expectedTrials,
    fixedHorizonDifference: normalQuantile(1 - alpha / 2) * Math.sqrt((2 * pooled * (1 - pooled)) / maxTrials),
    fixedHorizonTrials: fixed,
    neededMaxTrials: neededMaximum(rates, fixed, lookCount, tau, alpha, targetPower),
    targetPower,
  };
}

/** The smallest maximum (to 1 %) whose looks reach the target power, searched from the fixed horizon up. */
function neededMaximum(rates: PlannedRates, fixed: number, looks: number, tau: number, alpha: number, target: number): number | undefined {
  const reaches = (n: number) => powerOf(stopProbabilities(rates, n, looks, tau, alpha)) >= target;
  let lo = fixed;
  let hi = fixed * 2;
  while (!reaches(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 100 * fixed) return undefined;
  }
  while (hi - lo > Math.max(1, lo / 100)) {
    const mid = Math.round((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
