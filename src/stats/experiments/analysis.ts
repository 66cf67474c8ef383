/**
 * The analysis of an A/B (or A/B/n) test's conversion counts: each variant against the control
 * (the first), with the difference and ratio and their intervals, Fisher's and Boschloo's exact
 * tests where the tables can be enumerated, and the z test with its condition; with three
 * variants or more, the chi-square test that all convert alike. `recommended` names the test a
 * verdict should rest on: Boschloo's when it can be computed (exact, and more powerful than
 * Fisher's), else the z test when its condition holds, else Fisher's. No correction for many
 * comparisons is applied here: each comparison's p-value is its own.
 */
import { assertCounts, type Counts } from './counts.js';
import { boschlooExact, EXACT_UNCONDITIONAL_MAX_TABLES, fisherExact, type ExactTest } from './exact.js';
import { rateDifference, rateRatio, type Estimate } from './intervals.js';
import { chiSquareTest, proportionsZTest, type LargeSampleTest } from './large-sample.js';

export interface Comparison {
  /** Index of the variant compared with the control (index 0). */
  readonly variant: number;
  readonly difference: Estimate;
  readonly ratio: Estimate;
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

/** Every variant against the control (variants[0]); differences and ratios are variant − control and variant / control. */
export function analyseConversions(variants: readonly Counts[], level = 0.95): ConversionAnalysis {
  if (variants.length < 2) throw new RangeError('an analysis needs a control and at least one variant');
  variants.forEach((v, i) => assertCounts(v, `variant ${i + 1}`));
  const [control, ...others] = variants as [Counts, ...Counts[]];
  const comparisons = others.map((v, i) => compare(control, v, i + 1, level));
  return { variants, level, comparisons, ...(variants.length > 2 ? { overall: chiSquareTest(variants) } : {}) };
}
