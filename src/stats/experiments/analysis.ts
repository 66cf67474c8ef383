/**
 * The analysis of an A/B (or A/B/n) test's conversion counts: each variant against the control
 * (the first), with the difference and ratio and their intervals, Fisher's and Boschloo's exact
 * tests where the tables can be enumerated, and the z test with its condition; with three
 * variants or more, the chi-square test that all convert alike. `recommended` names the test a
 * verdict should rest on: Boschloo's when it can be computed (exact, and more powerful than
 * Fisher's), else the z test when its condition holds, else Fisher's. Each comparison's p-value is
 * its own; with three variants or more, Holm's and Benjamini–Hochberg's adjusted p-values are given
 * beside them. With the planned split, the sample-ratio-mismatch check says whether the groups'
 * sizes fit it: when they do not, the assignment or the counting is broken.
 */
import { assertCounts, type Counts } from './counts.js';
import { boschlooExact, EXACT_UNCONDITIONAL_MAX_TABLES, fisherExact, type ExactTest } from './exact.js';
import { rateDifference, rateRatio, type IntervalEstimate } from './intervals.js';
import { chiSquareTest, proportionsZTest, type LargeSampleTest } from './large-sample.js';
import { adjustPValues, type AdjustedPValues } from './many-comparisons.js';
import { sampleRatioCheck, type SampleRatioCheck } from './sample-ratio.js';

export interface Comparison {
  /** Index of the variant compared with the control (index 0). */
  readonly variant: number;
  readonly difference: IntervalEstimate;
  readonly ratio: IntervalEstimate;
  readonly fisher: ExactTest;
  readonly boschloo?: ExactTest;
  readonly z: LargeSampleTest;
  readonly recommended: 'boschloo' | 'z' | 'fisher';
  /** The recommended test's two-sided p-value. */
  readonly pValue: number;
}

export interface ConversionAnalysis {
  readonly variants: readonly Counts[];
  readonly level: number;
  readonly comparisons: readonly Comparison[];
  /** Three variants or more: do all convert alike? */
  readonly overall?: LargeSampleTest;
  /** Two comparisons or more: Holm's adjusted p-values of the recommended tests, in the comparisons' order. */
  readonly holm?: AdjustedPValues;
  /** Two comparisons or more: Benjamini–Hochberg's, which bound the share of false discoveries instead. */
  readonly benjaminiHochberg?: AdjustedPValues;
  /** With the planned split given: do the groups' sizes fit it (the sample-ratio-mismatch check)? */
  readonly sampleRatio?: SampleRatioCheck;
}

export interface AnalysisOptions {
  /** The planned split, one positive weight per variant (the planned sample sizes, say): enables the sample-ratio check. */
  readonly planned?: readonly number[];
  /** The sample-ratio check's threshold, 0.001 unless given. */
  readonly sampleRatioThreshold?: number;
}

function compare(control: Counts, variant: Counts, index: number, level: number): Comparison {
  const fisher = fisherExact(variant, control);
  const enumerable = (variant.trials + 1) * (control.trials + 1) <= EXACT_UNCONDITIONAL_MAX_TABLES;
  const boschloo = enumerable ? boschlooExact(variant, control) : undefined;
  const z = proportionsZTest(variant, control);
  const recommended = boschloo ? 'boschloo' : z.conditions.holds ? 'z' : 'fisher';
  const pValue = boschloo ? boschloo.pValue : recommended === 'z' ? z.pValue : fisher.pValue;
  return {
    variant: index,
    difference: rateDifference(variant, control, level),
    ratio: rateRatio(variant, control, level),
    fisher,
    ...(boschloo ? { boschloo } : {}),
    z,
    recommended,
    pValue,
  };
}

/**
 * Every variant against the control (variants[0]); differences and ratios are variant − control and
 * variant / control. With `options.planned`, the sample-ratio check of the groups' sizes.
 */
export function analyseConversions(variants: readonly Counts[], level = 0.95, alpha = 0.05, options: AnalysisOptions = {}): ConversionAnalysis {
  if (variants.length < 2) throw new RangeError('an analysis needs a control and at least one variant');
  variants.forEach((v, i) => assertCounts(v, `variant ${i + 1}`));
  const [control, ...others] = variants as [Counts, ...Counts[]];
  const comparisons = others.map((v, i) => compare(control, v, i + 1, level));
  const sampleRatio = options.planned
    ? { sampleRatio: sampleRatioCheck(variants.map((v) => v.trials), options.planned, options.sampleRatioThreshold) }
    : {};
  if (variants.length === 2) return { variants, level, comparisons, ...sampleRatio };
  const pValues = comparisons.map((x) => x.pValue);
  return {
    variants,
    level,
    comparisons,
    overall: chiSquareTest(variants),
    holm: adjustPValues(pValues, 'holm', alpha),
    benjaminiHochberg: adjustPValues(pValues, 'benjamini-hochberg', alpha),
    ...sampleRatio,
  };
}
