/**
 * Sequential analysis that stays valid however often the team looks: the mixture sequential
 * probability ratio test (mSPRT) with a normal mixture, as Optimizely ships it (Johari, Koomen,
 * Pekelis & Walsh, "Peeking at A/B tests", KDD 2017; Operations Research 70:1806–1821, 2022).
 *
 * The difference of the rates, θ̂ = p̂_variant − p̂_control, is read as N(θ, s²). Against "no
 * difference" (θ = 0), with the mixture θ ~ N(0, τ²) over the alternatives, the likelihood ratio
 * after any number of trials is
 *   Λ = √(s² / (s² + τ²)) · exp(τ² θ̂² / (2 s² (s² + τ²))),
 * which is the paper's Λ_n with s² = V/n for n trials per group. Under no difference Λ is a
 * nonnegative martingale with mean 1, so by Ville's inequality P(Λ ever ≥ 1/α) ≤ α: the
 * always-valid p-value min over the looks of 1/Λ can be read at any look. s² is the pooled
 * variance p̄(1 − p̄)(1/n_c + 1/n_v), the variance under the hypothesis tested.
 *
 * Inverting the same mixture for every θ₀ gives the confidence sequence (Howard, Ramdas, McAuliffe
 * & Sekhon, Annals of Statistics 49:1055–1080, 2021, the normal mixture boundary):
 *   θ̂ ± √(2 s² (s² + τ²)/τ² · (ln(1/α) + ½ ln((s² + τ²)/s²))),
 * with the unpooled s² = p̂_c(1 − p̂_c)/n_c + p̂_v(1 − p̂_v)/n_v; a group with no success or no
 * failure has its variance taken at (x + ½)/(n + 1). It covers θ at every look at once with
 * probability ≥ 1 − α, so the intervals of successive looks are intersected.
 * τ is the size of difference the team expects: the test is most sensitive near it.
 */
import { assertCounts, rate, type Counts } from './counts.js';
import type { Interval } from './intervals.js';

export interface MixtureOptions {
  /** τ, the standard deviation of the mixture over differences (in rate, 0.05 = 5 points). */
  readonly mixtureSd: number;
  /** 0.05 unless given. */
  readonly alpha?: number;
}

export interface SequentialLook {
  readonly control: Counts;
  readonly variant: Counts;
  readonly difference: number;
  /** Λ at this look. */
  readonly likelihoodRatio: number;
  /** The always-valid p-value: the smallest 1/Λ so far, at most 1. */
  readonly pValue: number;
  /** The confidence sequence, intersected over the looks so far. */
  readonly interval: Interval;
}

export interface SequentialAnalysis {
  readonly mixtureSd: number;
  readonly alpha: number;
  readonly looks: readonly SequentialLook[];
  /** The first look at which the p-value reached α (the test may stop there); undefined if none. */
  readonly decidedAt: number | undefined;
}

function checkMixture(options: MixtureOptions): number {
  const alpha = options.alpha ?? 0.05;
  if (!(options.mixtureSd > 0 && Number.isFinite(options.mixtureSd))) throw new RangeError(`the mixture's sd τ must be positive: ${options.mixtureSd}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1): ${alpha}`);
  return alpha;
}

/** Λ for a difference θ̂ read with variance s² against θ₀ = 0, mixture sd τ; 1 when s² is 0 (no information). */
export function mixtureLikelihoodRatio(difference: number, variance: number, tau: number): number {
  if (!(variance > 0)) return 1;
  const t2 = tau * tau;
  return Math.sqrt(variance / (variance + t2)) * Math.exp((t2 * difference * difference) / (2 * variance * (variance + t2)));
}

/** The half-width of the normal-mixture confidence sequence at level 1 − α. */
export function mixtureHalfWidth(variance: number, tau: number, alpha: number): number {
  const t2 = tau * tau;
  return Math.sqrt(((2 * variance * (variance + t2)) / t2) * (Math.log(1 / alpha) + 0.5 * Math.log((variance + t2) / variance)));
}

const pooledVariance = (c: Counts, v: Counts) => {
  const p = (c.successes + v.successes) / (c.trials + v.trials);
  return p * (1 - p) * (1 / c.trials + 1 / v.trials);
};

const groupVariance = (x: Counts) => {
  const p = x.successes === 0 || x.successes === x.trials ? (x.successes + 0.5) / (x.trials + 1) : rate(x);
  return (p * (1 - p)) / x.trials;
};

/** One look's Λ against "no difference", from cumulative counts. */
export function sequentialRatio(control: Counts, variant: Counts, tau: number): number {
  return mixtureLikelihoodRatio(rate(variant) - rate(control), pooledVariance(control, variant), tau);
}

/** Looks at cumulative counts, in order: the always-valid p-value and confidence sequence at each. */
export function sequentialAnalysis(looks: readonly { control: Counts; variant: Counts }[], options: MixtureOptions): SequentialAnalysis {
  const alpha = checkMixture(options);
  const tau = options.mixtureSd;
  if (looks.length === 0) throw new RangeError('a sequential analysis needs at least one look');
  let pValue = 1;
  let low = -1;
  let high = 1;
  let decidedAt: number | undefined;
  const out: SequentialLook[] = looks.map(({ control, variant }, i) => {
    assertCounts(control, `look ${i + 1}, control`);
    assertCounts(variant, `look ${i + 1}, variant`);
    const previous = looks[i - 1];
    if (previous && (control.trials < previous.control.trials || variant.trials < previous.variant.trials)) {
      throw new RangeError(`look ${i + 1}: counts are cumulative, trials cannot fall`);
    }
    const difference = rate(variant) - rate(control);
    const likelihoodRatio = sequentialRatio(control, variant, tau);
    pValue = Math.min(pValue, 1 / likelihoodRatio);
    const half = mixtureHalfWidth(groupVariance(control) + groupVariance(variant), tau, alpha);
    low = Math.max(low, difference - half);
    high = Math.min(high, difference + half);
    if (decidedAt === undefined && pValue <= alpha) decidedAt = i;
    return { control, variant, difference, likelihoodRatio, pValue, interval: { low, high } };
  });
  return { mixtureSd: tau, alpha, looks: out, decidedAt };
}
