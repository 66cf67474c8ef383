/**
 * The Bayesian reading of conversion counts (Beta–Binomial): with a Beta(α, β) prior on each
 * variant's rate (uniform Beta(1, 1) unless given) and x successes of n trials, the posterior is
 * Beta(α + x, β + n − x) exactly. From the posteriors:
 * - each rate's equal-tailed credible interval (the Beta quantiles);
 * - the probability that each variant's rate is above the control's, P(p_v > p_c);
 * - the credible interval of the difference p_v − p_c (its CDF by integration, then bisection);
 * - the expected loss of each choice: E[(p_c − p_v)⁺], what shipping the variant costs in rate
 *   on average over the posterior, and E[(p_v − p_c)⁺], what keeping the control costs;
 * - with three variants or more, the probability that each one is the best.
 * The integrals are one-dimensional and computed by quadrature (quadrature.ts), not by sampling.
 * The expected loss uses E[Y·1{Y > X}] = E[Y] · P(Y⁺ > X), Y⁺ ~ Beta(α_Y + 1, β_Y), since
 * y·Beta(α, β)(y) = α/(α + β) · Beta(α + 1, β)(y) (Stucchio 2015, "Bayesian A/B testing at VWO").
 * These are probabilities about the rates given the prior and the counts, which a p-value is not.
 */
import { betaCdf, betaQuantile } from '../special.js';
import { assertCounts, type Counts } from './counts.js';
import type { Interval } from './intervals.js';
import { betaNodes, expectation } from './quadrature.js';

export interface BetaShape {
  readonly alpha: number;
  readonly beta: number;
}

export const UNIFORM_PRIOR: BetaShape = { alpha: 1, beta: 1 };

export interface RatePosterior extends BetaShape {
  readonly mean: number;
  readonly interval: Interval;
}

export interface BayesianComparison {
  /** Index of the variant compared with the control (index 0). */
  readonly variant: number;
  /** P(p_variant > p_control) under the posteriors. */
  readonly probabilityBetter: number;
  /** p_variant − p_control: posterior mean and equal-tailed credible interval. */
  readonly difference: { readonly mean: number; readonly interval: Interval };
  /** E[(p_control − p_variant)⁺]: the rate lost on average by shipping the variant. */
  readonly lossIfShipped: number;
  /** E[(p_variant − p_control)⁺]: the rate lost on average by keeping the control. */
  readonly lossIfKept: number;
}

export interface BayesianAnalysis {
  readonly prior: BetaShape;
  readonly level: number;
  readonly posteriors: readonly RatePosterior[];
  readonly comparisons: readonly BayesianComparison[];
  /** P(variant i has the highest rate), for every variant, the control first. */
  readonly probabilityBest: readonly number[];
}

export interface BayesianOptions {
  readonly prior?: BetaShape;
  /** Credible level, 0.95 unless given. */
  readonly level?: number;
}

const variance = (s: BetaShape) => (s.alpha * s.beta) / ((s.alpha + s.beta) ** 2 * (s.alpha + s.beta + 1));
const mean = (s: BetaShape) => s.alpha / (s.alpha + s.beta);

export function checkBetaShape(s: BetaShape, label: string): void {
  if (!(s.alpha > 0 && s.beta > 0 && Number.isFinite(s.alpha) && Number.isFinite(s.beta))) {
    throw new RangeError(`${label}: Beta shapes must be positive finite numbers (${s.alpha}, ${s.beta})`);
  }
}

export function betaPosterior(prior: BetaShape, c: Counts): BetaShape {
  return { alpha: prior.alpha + c.successes, beta: prior.beta + c.trials - c.successes };
}

/** P(Y > X) for independent Beta variables, integrating over the narrower one's quantiles. */
export function probabilityGreater(y: BetaShape, x: BetaShape): number {
  if (variance(x) <= variance(y)) {
    const nodes = betaNodes(x.alpha, x.beta);
    return 1 - expectation(nodes, (t) => betaCdf(t, y.alpha, y.beta));
  }
  const nodes = betaNodes(y.alpha, y.beta);
  return expectation(nodes, (t) => betaCdf(t, x.alpha, x.beta));
}

/** E[(Y − X)⁺] = E[Y] P(Y⁺ > X) − E[X] P(Y > X⁺). */
export function expectedShortfall(y: BetaShape, x: BetaShape): number {
  const yUp = { alpha: y.alpha + 1, beta: y.beta };
  const xUp = { alpha: x.alpha + 1, beta: x.beta };
  return Math.max(0, mean(y) * probabilityGreater(yUp, x) - mean(x) * probabilityGreater(y, xUp));
}

/** The credible interval of Y − X: P(Y − X ≤ d) by quadrature over the narrower, bisected for each tail. */
export function differenceInterval(y: BetaShape, x: BetaShape, level: number): Interval {
  const overX = variance(x) <= variance(y);
  const nodes = overX ? betaNodes(x.alpha, x.beta) : betaNodes(y.alpha, y.beta);
  const cdf = (d: number) =>
    overX ? expectation(nodes, (t) => betaCdf(t + d, y.alpha, y.beta)) : expectation(nodes, (t) => 1 - betaCdf(t - d, x.alpha, x.beta));
  const quantile = (p: number) => {
    let lo = -1;
    let hi = 1;
    while (hi - lo > 1e-10) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const tail = (1 - level) / 2;
  return { low: quantile(tail), high: quantile(1 - tail) };
}

/** P(each variant is the best): E over X_i's quantiles of Π_{j≠i} F_j(X_i). */
function probabilitiesBest(posteriors: readonly BetaShape[]): number[] {
  if (posteriors.length === 2) {
    const later = probabilityGreater(posteriors[1]!, posteriors[0]!);
    return [1 - later, later];
  }
  return posteriors.map((own, i) =>
    expectation(betaNodes(own.alpha, own.beta), (t) => posteriors.reduce((product, other, j) => (j === i ? product : product * betaCdf(t, other.alpha, other.beta)), 1)),
  );
}

/** Every variant against the control (variants[0]), and the probability that each is the best. */
export function bayesianConversions(variants: readonly Counts[], options: BayesianOptions = {}): BayesianAnalysis {
  const prior = options.prior ?? UNIFORM_PRIOR;
  const level = options.level ?? 0.95;
  checkBetaShape(prior, 'prior');
  if (!(level > 0 && level < 1)) throw new RangeError(`credible level must lie in (0, 1): ${level}`);
  if (variants.length < 2) throw new RangeError('an analysis needs a control and at least one variant');
  variants.forEach((v, i) => assertCounts(v, `variant ${i + 1}`));
  const shapes = variants.map((v) => betaPosterior(prior, v));
  const tail = (1 - level) / 2;
  const posteriors = shapes.map((s) => ({ ...s, mean: mean(s), interval: { low: betaQuantile(tail, s.alpha, s.beta), high: betaQuantile(1 - tail, s.alpha, s.beta) } }));
  const control = shapes[0]!;
  const comparisons = shapes.slice(1).map((s, i) => ({
    variant: i + 1,
    probabilityBetter: probabilityGreater(s, control),
    difference: { mean: mean(s) - mean(control), interval: differenceInterval(s, control, level) },
    lossIfShipped: expectedShortfall(control, s),
    lossIfKept: expectedShortfall(s, control),
  }));
  return { prior, level, posteriors, comparisons, probabilityBest: probabilitiesBest(shapes) };
}
