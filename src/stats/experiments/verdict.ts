/**
 * A comparison's verdict as data, for the words layer: whether the recommended test rejects
 * "both convert alike" at level α, and, when the evidence is too weak, what sample would decide:
 * the trials per group that detect the observed difference with 80 % power (Fleiss with
 * continuity correction). A p-value is never turned into a probability of being right; the
 * words say what it is.
 */
import type { Comparison } from './analysis.js';
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
