/**
 * Calibration: an analysed conversion count updates the distribution of the rate it informs.
 * - A Beta(α, β) prior on [0, 1] updates exactly to Beta(α + x, β + n − x) (conjugacy).
 * - A discrete prior updates exactly: each value's weight times its likelihood p^x (1 − p)^(n − x).
 * - Any other prior (uniform, triangular, PERT, a Beta stretched onto [min, max], normal or
 *   lognormal, truncated to [0, 1] as a rate must be) is updated by a grid posterior: the prior
 *   density times the binomial likelihood at the midpoints of 4,000 equal cells, on the interval
 *   where the posterior is not negligible (found on a first coarse grid: within e⁻⁴⁰ of its
 *   largest value). Its mean, spread and quantiles come from the cells; for the model, it is
 *   handed back as a discrete distribution of 50 values (each the mean of a fiftieth of the
 *   interval), probabilities in millionths that sum to 1 exactly.
 * Pure: the counts and the prior in, the posterior and its summary out.
 */
import { betaQuantile, normalDensity } from '../special.js';
import { checkDistribution, DistributionError, type Distribution } from '../distributions.js';
import { assertCounts, type Counts } from './counts.js';
import type { Interval } from './intervals.js';

export type CalibrationMethod = 'beta-conjugate' | 'discrete-exact' | 'grid';

export interface RateSummary {
  readonly mean: number;
  readonly sd: number;
  /** Equal-tailed interval at `level`. */
  readonly interval: Interval;
}

export interface Calibration {
  readonly method: CalibrationMethod;
  readonly counts: Counts;
  readonly level: number;
  readonly prior: Distribution;
  readonly priorSummary: RateSummary;
  readonly posterior: Distribution;
  readonly posteriorSummary: RateSummary;
}

const FINE_CELLS = 4000;
const COARSE_CELLS = 2000;
const MODEL_VALUES = 50;

/** ln of the prior density at p (−∞ outside its support), up to a constant. */
function logDensity(d: Distribution): (p: number) => number {
  switch (d.kind) {
    case 'uniform':
      return (p) => (p >= d.min && p <= d.max ? 0 : -Infinity);
    case 'triangular':
      return (p) => {
        if (p < d.min || p > d.max) return -Infinity;
        const rise = p <= d.mode ? (d.mode === d.min ? 1 : (p - d.min) / (d.mode - d.min)) : d.max === d.mode ? 1 : (d.max - p) / (d.max - d.mode);
        return Math.log(rise);
      };
    case 'pert': {
      const lambda = d.shape ?? 4;
      const width = d.max - d.min;
      const a = 1 + (lambda * (d.mode - d.min)) / width;
      const b = 1 + (lambda * (d.max - d.mode)) / width;
      return betaLog(a, b, d.min, d.max);
    }
    case 'beta':
      return betaLog(d.alpha, d.beta, d.min ?? 0, d.max ?? 1);
    case 'normal':
      return (p) => (p < (d.min ?? -Infinity) || p > (d.max ?? Infinity) ? -Infinity : Math.log(normalDensity((p - d.mean) / d.sd)));
    case 'lognormal':
      return (p) => (p <= 0 || p < (d.min ?? 0) || p > (d.max ?? Infinity) ? -Infinity : Math.log(normalDensity((Math.log(p) - d.mu) / d.sigma) / p));
    case 'discrete':
      throw new RangeError('a discrete prior has no density: it is updated exactly');
  }
}

function betaLog(a: number, b: number, lo: number, hi: number): (p: number) => number {
  return (p) => {
    if (p < lo || p > hi) return -Infinity;
    const y = (p - lo) / (hi - lo);
    return (a - 1) * Math.log(y) + (b - 1) * Math.log1p(-y);
  };
}

/** ln p^x (1 − p)^(n − x), with 0 · ln 0 = 0. */
function logLikelihood(c: Counts): (p: number) => number {
  const failures = c.trials - c.successes;
  return (p) => (c.successes > 0 ? c.successes * Math.log(p) : 0) + (failures > 0 ? failures * Math.log1p(-p) : 0);
}

/** The support of a prior within [0, 1]. */
function support(d: Exclude<Distribution, { kind: 'discrete' }>): [number, number] {
  const [lo, hi] =
    d.kind === 'normal' ? [d.min ?? -Infinity, d.max ?? Infinity] : d.kind === 'lognormal' ? [d.min ?? 0, d.max ?? Infinity] : d.kind === 'beta' ? [d.min ?? 0, d.max ?? 1] : [d.min, d.max];
  return [Math.max(0, lo), Math.min(1, hi)];
}

/** Cell midpoints and normalised masses of the log posterior on [lo, hi]. */
function cells(logPost: (p: number) => number, lo: number, hi: number, count: number): { mids: Float64Array; mass: Float64Array } {
  const width = (hi - lo) / count;
  const mids = Float64Array.from({ length: count }, (_, i) => lo + (i + 0.5) * width);
  const logs = mids.map(logPost);
  const top = logs.reduce((m, x) => Math.max(m, x), -Infinity);
  if (top === -Infinity) throw new RangeError('the prior gives no weight to any rate the counts allow');
  const mass = logs.map((x) => Math.exp(x - top));
  const total = mass.reduce((s, x) => s + x, 0);
  return { mids, mass: mass.map((x) => x / total) };
}

function summaryOf(mids: Float64Array, mass: Float64Array, width: number, level: number): RateSummary {
  let mean = 0;
  mids.forEach((m, i) => (mean += m * mass[i]!));
  let variance = 0;
  mids.forEach((m, i) => (variance += (m - mean) ** 2 * mass[i]!));
  variance += (width * width) / 12; // the spread within each cell, taken as uniform
  const quantile = (u: number) => {
    let running = 0;
    for (let i = 0; i < mass.length; i++) {
      if (running + mass[i]! >= u) return mids[i]! - width / 2 + (width * (u - running)) / mass[i]!;
      running += mass[i]!;
    }
    return mids.at(-1)! + width / 2;
  };
  const tail = (1 - level) / 2;
  return { mean, sd: Math.sqrt(variance), interval: { low: quantile(tail), high: quantile(1 - tail) } };
}

/** The grid posterior handed back as MODEL_VALUES values with probabilities in millionths summing to 1. */
function modelDistribution(mids: Float64Array, mass: Float64Array): Distribution {
  const per = mids.length / MODEL_VALUES;
  const values: number[] = [];
  const millionths: number[] = [];
  for (let k = 0; k < MODEL_VALUES; k++) {
    let m = 0;
    let weighted = 0;
    for (let i = k * per; i < (k + 1) * per; i++) (m += mass[i]!), (weighted += mass[i]! * mids[i]!);
    values.push(m > 0 ? weighted / m : mids[k * per + per / 2]!);
    millionths.push(Math.round(m * 1e6));
  }
  // The rounding remainder goes to the likeliest value, so the millionths add up to 10⁶.
  const largest = millionths.indexOf(Math.max(...millionths));
  millionths[largest]! += 1e6 - millionths.reduce((s, x) => s + x, 0);
  const keep = millionths.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
  return { kind: 'discrete', values: keep.map((i) => Number(values[i]!.toPrecision(6))), weights: keep.map((i) => millionths[i]! / 1e6) };
}

function betaSummary(a: number, b: number, level: number): RateSummary {
  const tail = (1 - level) / 2;
  return { mean: a / (a + b), sd: Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))), interval: { low: betaQuantile(tail, a, b), high: betaQuantile(1 - tail, a, b) } };
}

function discreteSummary(values: readonly number[], weights: readonly number[], level: number): RateSummary {
  const total = weights.reduce((s, w) => s + w, 0);
  const order = [...values.keys()].sort((i, j) => values[i]! - values[j]!);
  const mean = values.reduce((s, v, i) => s + (v * weights[i]!) / total, 0);
  const sd = Math.sqrt(values.reduce((s, v, i) => s + ((v - mean) ** 2 * weights[i]!) / total, 0));
  const quantile = (u: number) => {
    let running = 0;
    for (const i of order) if ((running += weights[i]! / total) >= u - 1e-12) return values[i]!;
    return values[order.at(-1)!]!;
  };
  const tail = (1 - level) / 2;
  return { mean, sd, interval: { low: quantile(tail), high: quantile(1 - tail) } };
}

function gridSummary(d: Exclude<Distribution, { kind: 'discrete' }>, logPost: (p: number) => number, level: number) {
  const [lo, hi] = support(d);
  if (!(hi > lo)) throw new RangeError('the prior puts no weight on rates from 0 to 1');
  // First pass: where the posterior is not negligible; second: the fine grid there.
  const coarse = cells(logPost, lo, hi, COARSE_CELLS);
  const step = (hi - lo) / COARSE_CELLS;
  const top = coarse.mass.reduce((m, x) => Math.max(m, x), 0);
  const alive = [...coarse.mass.keys()].filter((i) => coarse.mass[i]! >= top * Math.exp(-40));
  const from = Math.max(lo, lo + (alive[0]! - 1) * step);
  const to = Math.min(hi, lo + (alive.at(-1)! + 2) * step);
  const fine = cells(logPost, from, to, FINE_CELLS);
  return { fine, summary: summaryOf(fine.mids, fine.mass, (to - from) / FINE_CELLS, level) };
}

/** The rate's distribution after the counts, by the method its prior allows. */
export function calibrateRate(prior: Distribution, counts: Counts, level = 0.95): Calibration {
  assertCounts(counts, 'counts');
  const faults = checkDistribution(prior);
  if (faults.length > 0) throw new DistributionError(faults);
  if (!(level > 0 && level < 1)) throw new RangeError(`credible level must lie in (0, 1): ${level}`);
  const failures = counts.trials - counts.successes;
  if (prior.kind === 'beta' && (prior.min ?? 0) === 0 && (prior.max ?? 1) === 1) {
    const posterior: Distribution = { kind: 'beta', alpha: prior.alpha + counts.successes, beta: prior.beta + failures };
    return { method: 'beta-conjugate', counts, level, prior, priorSummary: betaSummary(prior.alpha, prior.beta, level), posterior, posteriorSummary: betaSummary(posterior.alpha, posterior.beta, level) };
  }
  const logLik = logLikelihood(counts);
  if (prior.kind === 'discrete') {
    const logs = prior.values.map((v, i) => (v < 0 || v > 1 || prior.weights[i]! <= 0 ? -Infinity : Math.log(prior.weights[i]!) + logLik(v)));
    const top = Math.max(...logs);
    if (top === -Infinity) throw new RangeError('the prior gives no weight to any rate the counts allow');
    const raw = logs.map((x) => Math.exp(x - top));
    const total = raw.reduce((s, x) => s + x, 0);
    const posterior: Distribution = { kind: 'discrete', values: prior.values, weights: raw.map((x) => x / total) };
    return { method: 'discrete-exact', counts, level, prior, priorSummary: discreteSummary(prior.values, prior.weights, level), posterior, posteriorSummary: discreteSummary(prior.values, posterior.weights, level) };
  }
  const logPrior = logDensity(prior);
  const before = gridSummary(prior, logPrior, level);
  const after = gridSummary(prior, (p) => logPrior(p) + logLik(p), level);
  return { method: 'grid', counts, level, prior, priorSummary: before.summary, posterior: modelDistribution(after.fine.mids, after.fine.mass), posteriorSummary: after.summary };
}
