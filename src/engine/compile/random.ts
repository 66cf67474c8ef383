/**
 * The random builtins of XMILE 1.0 (§3.5.5: RANDOM, NORMAL, LOGNORMAL, POISSON, EXPRND) and
 * Stella's TRIANGULAR. Each call in a model is a site with a hidden slot of its own, which the run
 * fills with a uniform in (0, 1) at the start and once per DT (Stella draws a new number every
 * DT), from the site's own stream: xoshiro128** (src/stats) seeded by the run's seed and the
 * site's number, or by the seed given in the call, which then fixes the call's sequence whatever
 * the run's seed. The builtin is then a pure function of that uniform (its quantile), so both
 * kernels give the same bits and a run is reproduced by its seed.
 */
import { normalQuantile, gammaQ, lnGamma } from '../../stats/index.js';
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
   * LOGNORMAL(mean, sd): the mean and sd of the distribution itself (XMILE 1.0 §3.5.5 and
   * Stella's help), so ln X is normal with σ² = ln(1 + sd²/mean²) and μ = ln(mean) − σ²/2.
   */
  rlognormal: (u: number, mean: number, sd: number) => {
    const variance = Math.log1p((sd * sd) / (mean * mean));
    return Math.exp(Math.log(mean) - variance / 2 + Math.sqrt(variance) * normalQuantile(u));
  },
  /** EXPRND(mean): exponential. */
  rexponential: (u: number, mean: number) => -mean * Math.log1p(-u),
  /** TRIANGULAR(min, mode, max) (Stella). */
  rtriangular: (u: number, min: number, mode: number, max: number) => {
    const atMode = (mode - min) / (max - min);
    return u < atMode ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  },
  rpoisson: poissonQuantile,
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

/** Each builtin: its function, and how many of its arguments are the distribution's (a seed may follow). */
const RANDOM_BUILTINS: Record<string, { fn: RandomName; parameters: number }> = {
  RANDOM: { fn: 'runiform', parameters: 2 },
  NORMAL: { fn: 'rnormal', parameters: 2 },
  LOGNORMAL: { fn: 'rlognormal', parameters: 2 },
  EXPRND: { fn: 'rexponential', parameters: 1 },
  POISSON: { fn: 'rpoisson', parameters: 1 },
  TRIANGULAR: { fn: 'rtriangular', parameters: 3 },
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
