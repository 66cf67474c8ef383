/**
 * The random builtins of XMILE 1.0 (§3.5.5: RANDOM, NORMAL, LOGNORMAL, POISSON, EXPRND) and
 * Stella's TRIANGULAR, UNIFORM, BETA, BINOMIAL, GAMMA and WEIBULL (isee systems, Stella help,
 * "Statistical builtins": BETA(<alpha>, <beta>), BINOMIAL(<trials>, <success probability>),
 * GAMMA(<shape>, <scale>), WEIBULL(<shape>, <scale>), each with an optional [<seed>]). Each call in a model is a site with a hidden slot of its own, which the run
 * fills with a uniform in (0, 1) at the start and once per DT (Stella draws a new number every
 * DT), from the site's own stream: xoshiro128** (src/stats) seeded by the run's seed and the
 * site's number, or by the seed given in the call, which then fixes the call's sequence whatever
 * the run's seed. The builtin is then a pure function of that uniform (its quantile), so both
 * kernels give the same bits and a run is reproduced by its seed.
 */
import { betaCdf, betaQuantile, normalQuantile, gammaQ, lnGamma } from '../../stats/index.js';
import type { Equation } from '../equation/index.js';
import { newSlot, report, type Ctx } from './context.js';
import { compileExpr } from './expression.js';
import { call, slot, type Expr, type FunctionName } from './expr.js';
import type { RandomSite } from './program.js';
import { scalar, type Val } from './value.js';

/** X = F⁻¹(u) for each builtin: u in (0, 1) first, then the call's own arguments. */
export const RANDOM_FUNCTIONS = {
  /** RANDOM(min, max): uniform. */
  runiform: (u: number, min: number, max: number) => min + (max - min) * u,
  /** NORMAL(mean, sd). */
  rnormal: (u: number, mean: number, sd: number) => mean + sd * normalQuantile(u),
  /**
   * LOGNORMAL(mean, sd): X = exp(N(mean, sd)), the mean and sd being those of the normal that ln X
   * follows. Stella's help says so: « a Log-Normal distribution (that is, the log of the
   * independent variable follows a normal distribution) with a specified mean and standard
   * deviation », with LOGNORMAL(0, 1) as its first example, a mean that only ln X can have (a
   * lognormal's own mean is positive).
   */
  rlognormal: (u: number, mean: number, sd: number) => Math.exp(mean + sd * normalQuantile(u)),
  /** EXPRND(mean): exponential. */
  rexponential: (u: number, mean: number) => -mean * Math.log1p(-u),
  /** TRIANGULAR(min, mode, max) (Stella). */
  rtriangular: (u: number, min: number, mode: number, max: number) => {
    const atMode = (mode - min) / (max - min);
    return u < atMode ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  },
  rpoisson: poissonQuantile,
  /** BETA(alpha, beta) (Stella): on [0, 1]. */
  rbeta: (u: number, alpha: number, beta: number) => (alpha > 0 && beta > 0 ? betaQuantile(u, alpha, beta) : NaN),
  /** GAMMA(shape, scale) (Stella): mean shape·scale. */
  rgamma: (u: number, shape: number, scale: number) => (shape > 0 && scale > 0 ? scale * gammaQuantile(u, shape) : NaN),
  /** WEIBULL(shape, scale) (Stella): P(X > x) = exp(−(x/scale)^shape). */
  rweibull: (u: number, shape: number, scale: number) => (shape > 0 && scale > 0 ? scale * (-Math.log1p(-u)) ** (1 / shape) : NaN),
  rbinomial: binomialQuantile,
} satisfies Record<string, (...xs: number[]) => number>;

export type RandomName = keyof typeof RANDOM_FUNCTIONS;

/**
 * POISSON(mean): the least k with P(X ≤ k) ≥ u. From a start near the answer (the normal
 * approximation), the CDF P(X ≤ k) = Q(k + 1, λ) (the regularised upper incomplete gamma) once,
 * then the probabilities one step at a time, p(k + 1) = p(k)·λ/(k + 1).
 */
function poissonQuantile(u: number, mean: number): number {
  if (!(mean > 0)) return mean === 0 ? 0 : NaN;
  let k = Math.max(0, Math.floor(mean + Math.sqrt(mean) * normalQuantile(u)));
  let cdf = gammaQ(k + 1, mean);
  let p = Math.exp(k * Math.log(mean) - mean - lnGamma(k + 1));
  while (cdf < u) {
    k += 1;
    p *= mean / k;
    cdf += p;
  }
  while (k > 0 && cdf - p >= u) {
    cdf -= p;
    p *= k / mean;
    k -= 1;
  }
  return k;
}

/**
 * The gamma distribution's quantile (shape a, scale 1): x with P(a, x) = 1 − Q(a, x) = u, by
 * Newton's steps on ln x (g(t) = P(a, eᵗ) − u, g′(t) = x·f(x)) from Wilson & Hilferty's start, or
 * from P(a, x) ≈ xᵃ/(a·Γ(a)) where that start is not positive; a step that would leave the
 * bracket found so far halves it instead. To 1e-14 of x.
 */
function gammaQuantile(u: number, a: number): number {
  const z = normalQuantile(u), c = 1 / (9 * a);
  const wilsonHilferty = a * (1 - c + z * Math.sqrt(c)) ** 3;
  let t = wilsonHilferty > 0 ? Math.log(wilsonHilferty) : (Math.log(u) + Math.log(a) + lnGamma(a)) / a;
  let low = -Infinity, high = Infinity;
  for (let i = 0; i < 200; i++) {
    const x = Math.exp(t);
    const f = 1 - gammaQ(a, x) - u;
    if (f < 0) low = t;
    else high = t;
    const slope = Math.exp(a * t - x - lnGamma(a));
    let next = t - f / slope;
    if (!(next > low && next < high) || !Number.isFinite(next)) next = Number.isFinite(low) && Number.isFinite(high) ? (low + high) / 2 : Number.isFinite(low) ? low + 1 : high - 1;
    if (Math.abs(next - t) <= 1e-14) return Math.exp(next);
    t = next;
  }
  return Math.exp(t);
}

/**
 * BINOMIAL(trials, p) (Stella): the least k with P(X ≤ k) ≥ u, trials rounded to a whole number;
 * a probability outside [0, 1] is taken as 1, as Stella's help says. From the normal
 * approximation's k, P(X ≤ k) = I_{1−p}(n − k, k + 1) (the regularised incomplete beta) once, then
 * the probabilities one step at a time, p(k + 1) = p(k)·(n − k)/(k + 1)·p/(1 − p).
 */
function binomialQuantile(u: number, trials: number, probability: number): number {
  const n = Math.round(trials);
  const p = probability >= 0 && probability <= 1 ? probability : 1;
  if (!(n >= 0)) return NaN;
  if (p === 0 || n === 0) return 0;
  if (p === 1) return n;
  const odds = p / (1 - p);
  const pmf = (k: number) => Math.exp(lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  let k = Math.min(n, Math.max(0, Math.floor(n * p + Math.sqrt(n * p * (1 - p)) * normalQuantile(u))));
  let cdf = k === n ? 1 : betaCdf(1 - p, n - k, k + 1);
  let q = pmf(k);
  while (cdf < u && k < n) {
    q *= ((n - k) / (k + 1)) * odds;
    k += 1;
    cdf += q;
  }
  while (k > 0 && cdf - q >= u) {
    cdf -= q;
    q *= k / ((n - k + 1) * odds);
    k -= 1;
  }
  return k;
}

/** Each builtin: its function, and how many of its arguments are the distribution's (a seed may follow). */
const RANDOM_BUILTINS: Record<string, { fn: RandomName; parameters: number }> = {
  RANDOM: { fn: 'runiform', parameters: 2 },
  NORMAL: { fn: 'rnormal', parameters: 2 },
  LOGNORMAL: { fn: 'rlognormal', parameters: 2 },
  EXPRND: { fn: 'rexponential', parameters: 1 },
  POISSON: { fn: 'rpoisson', parameters: 1 },
  TRIANGULAR: { fn: 'rtriangular', parameters: 3 },
  UNIFORM: { fn: 'runiform', parameters: 2 },
  BETA: { fn: 'rbeta', parameters: 2 },
  BINOMIAL: { fn: 'rbinomial', parameters: 2 },
  GAMMA: { fn: 'rgamma', parameters: 2 },
  WEIBULL: { fn: 'rweibull', parameters: 2 },
};

type Call = Extract<Equation, { kind: 'call' }>;

/** The random builtins, as compile/builtins.ts's table takes them. */
export const RANDOM: Record<string, { arity: [number, number]; compile(args: Equation[], ctx: Ctx, call: Call): Val }> = Object.fromEntries(
  Object.entries(RANDOM_BUILTINS).map(([name, { fn, parameters }]) => [name, { arity: [parameters, parameters + 1] as [number, number], compile: (args: Equation[], ctx: Ctx, at: Call) => compileRandom(fn, parameters, args, ctx, at) }]),
);

function compileRandom(fn: RandomName, parameters: number, args: Equation[], ctx: Ctx, at: Call): Val {
  const given = args.slice(0, parameters).map((a) => compileExpr(a, ctx));
  let seed: number | undefined;
  if (args.length > parameters) {
    const value = compileExpr(args[parameters]!, ctx);
    // A seed fixes a sequence before the run: it must be known then.
    if (value.known?.length !== 1 || !Number.isFinite(value.known[0])) {
      report(ctx, 'unsupported', { reason: 'builtin', function: `${at.fn.toUpperCase()} (seed)` }, at.at);
      return scalar({ k: 'num', value: NaN });
    }
    seed = Math.trunc(value.known[0]!) | 0;
  }
  // One site per element: the elements of an arrayed call draw independently. Never folded,
  // even when every argument is known: the draw is not.
  const arrays = given.filter((v) => v.shape.length > 0);
  const size = arrays[0]?.es.length ?? 1;
  if (arrays.some((a) => a.es.length !== size)) {
    report(ctx, 'dimension', { reason: 'argument-sizes', function: at.fn }, at.at);
    return scalar({ k: 'num', value: NaN });
  }
  const es: Expr[] = [];
  for (let k = 0; k < size; k++) {
    const site: RandomSite = { slot: newSlot(ctx, `${ctx.variable}·${at.fn}`), ...(seed !== undefined ? { seed } : {}) };
    ctx.randoms.push(site);
    ctx.reads.add(site.slot);
    es.push(call(fn as FunctionName, slot(site.slot), ...given.map((v) => (v.shape.length === 0 ? v.es[0]! : v.es[k]!))));
  }
  return { shape: arrays[0]?.shape ?? [], es };
}
