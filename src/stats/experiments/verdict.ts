/**
 * A comparison's verdict as data, for the words layer: whether the recommended test rejects
 * "both convert alike" at level α, and, when the evidence is too weak, what sample would decide:
 * the trials per group that detect the observed difference with 80 % power (Fleiss with
 * continuity correction). A p-value is never turned into a probability of being right; the
 * words say what it is.
 */
import type { Comparison } from './analysis.js';
import type { BayesianComparison } from './bayesian.js';
import { sampleSize, type SampleSize } from './power.js';

export interface Verdict {
  readonly code: 'variant-differs' | 'too-weak-to-decide';
  readonly test: Comparison['recommended'];
  readonly pValue: number;
  readonly alpha: number;
  /** Too weak: the sample that would detect the observed rates' difference; absent when none was observed. */
  readonly decidingSample?: SampleSize;
}

export function verdictOf(comparison: Comparison, controlRate: number, alpha = 0.05): Verdict {
  const base = { test: comparison.recommended, pValue: comparison.pValue, alpha };
  if (comparison.pValue <= alpha) return { code: 'variant-differs', ...base };
  const variantRate = controlRate + comparison.difference.estimate;
  if (Math.abs(variantRate - controlRate) < 1e-12) return { code: 'too-weak-to-decide', ...base };
  return { code: 'too-weak-to-decide', ...base, decidingSample: sampleSize({ control: controlRate, variant: variantRate }, 'normal-continuity', { alpha }) };
}

/**
 * The Bayesian reading's verdict as data: a variant is probably better (or worse) than the control
 * when the posterior probability passes `threshold` (0.95 unless given) either way, else the
 * counts leave it undecided. Unlike a p-value, this is a probability about the rates, and it
 * depends on the prior: the words say both.
 */
export interface BayesianVerdict {
  readonly code: 'probably-better' | 'probably-worse' | 'undecided';
  readonly probabilityBetter: number;
  readonly threshold: number;
}

export function bayesianVerdictOf(comparison: BayesianComparison, threshold = 0.95): BayesianVerdict {
  const p = comparison.probabilityBetter;
  const code = p >= threshold ? 'probably-better' : p <= 1 - threshold ? 'probably-worse' : 'undecided';
  return { code, probabilityBetter: p, threshold };
}
