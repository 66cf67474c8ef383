/**
 * An experiment's counts analysed as `symbiose experiment analyse --json` answers them: the
 * frequentist comparisons with their intervals and verdicts, the Bayesian reading and the
 * always-valid sequential reading of each variant against the control. The API and the studio
 * call this one function, so both read the same figures. Pure: counts in, data out.
 */
import { analyseConversions, bayesianConversions, bayesianVerdictOf, sequentialAnalysis, verdictOf, type BetaShape, type Counts } from '../stats/index.js';
import type { NamedCounts } from './experiment-data.js';

export interface ReportOptions {
  readonly level?: number;
  readonly alpha?: number;
  readonly prior?: BetaShape;
  readonly mixtureSd?: number;
}

export function conversionReport(variants: readonly NamedCounts[], options: ReportOptions = {}) {
  const level = options.level ?? 0.95;
  const alpha = options.alpha ?? 0.05;
  const prior = options.prior ?? { alpha: 1, beta: 1 };
  const mixtureSd = options.mixtureSd ?? 0.05;
  const counts: Counts[] = variants.map((v) => v.counts);
  const analysis = analyseConversions(counts, level, alpha);
  const bayesian = bayesianConversions(counts, { prior, level });
  const controlRate = counts[0]!.successes / counts[0]!.trials;
  const sequential = counts.slice(1).map((variant) => sequentialAnalysis([{ control: counts[0]!, variant }], { mixtureSd, alpha }));
  return {
    ...analysis,
    alpha,
    names: variants.map((v) => v.name),
    verdicts: analysis.comparisons.map((c) => verdictOf(c, controlRate, alpha)),
    bayesian,
    bayesianVerdicts: bayesian.comparisons.map((c) => bayesianVerdictOf(c)),
    sequential,
  };
}
export type ConversionReport = ReturnType<typeof conversionReport>;
