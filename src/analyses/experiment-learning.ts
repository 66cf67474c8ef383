/**
 * A learning card drafted from an experiment the model records, as data: the workshop's four parts
 * ("Nous pensions… Nous avons observé… Nous avons appris… Nous allons donc…") from
 * - what was believed: the test card's "Nous pensons que…" (else the hypothesis's statement);
 * - what was observed: each variant's counts, the difference with the control and its interval;
 * - what was learned: each comparison's verdict (the recommended test's p-value against α, the
 *   Bayesian probability that the variant beats the control), and the calibration's before and
 *   after of each parameter the results inform (each variant's own `informs`, the control also
 *   the experiment's; or the variant and parameter named);
 * - what follows: adopt a variant that converts better, keep the control when the variant does
 *   worse, or run the test again on the sample that would decide.
 * The words are made in the i18n layer (learningCardFromDraft); this is the analysis behind them.
 * With several variants, Holm's adjusted p-values decide. Pure.
 */
import type { Change, ModelDocument, Text } from '../core/index.js';
import { analyseConversions, bayesianConversions, verdictOf, type Counts, type Interval, type Verdict } from '../stats/index.js';
import { calibrateParameter, type CalibrationFault } from './experiment-calibration.js';
import { recordedExperiment, type RecordFault } from './experiment-records.js';

export interface DraftComparison {
  readonly variant: string;
  readonly difference: { readonly estimate: number; readonly interval: Interval };
  /** The p-value the verdict rests on: the recommended test's, Holm-adjusted with several variants. */
  readonly pValue: number;
  readonly test: Verdict['test'];
  readonly adjusted: boolean;
  readonly verdict: Verdict['code'];
  /** Too weak to decide: the trials per group that would detect the observed difference (80 % power). */
  readonly decidingTrials?: number;
  /** Beta–Binomial, uniform prior: P(the variant's rate is above the control's). */
  readonly probabilityBetter: number;
  /** The card's threshold, reached by the variant's observed rate or not; absent when the card has none. */
  readonly thresholdReached?: boolean;
}

export interface DraftSummary {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

export interface DraftCalibration {
  readonly parameter: string;
  readonly variant: string;
  readonly level: number;
  readonly before: DraftSummary;
  readonly after: DraftSummary;
}

export type DraftDecision =
  | { readonly code: 'adopt'; readonly variant: string }
  | { readonly code: 'keep-control'; readonly variant: string }
  | { readonly code: 'rerun'; readonly trials?: number };

export interface LearningDraft {
  readonly experiment: string;
  readonly testCard?: string;
  readonly hypothesis?: string;
  /** What was believed, in the card's words (one text or one per language). */
  readonly believed: Text;
  readonly measure: Text;
  readonly invented: boolean;
  readonly level: number;
  readonly alpha: number;
  readonly threshold?: number;
  /** The control first. */
  readonly groups: readonly { readonly id: string; readonly counts: Counts }[];
  readonly comparisons: readonly DraftComparison[];
  /** The update of each parameter the results inform: each variant's own, the control also the experiment's. */
  readonly calibrations: readonly DraftCalibration[];
  /** Why a parameter a variant informs could not be updated (no prior, not a rate…). */
  readonly calibrationFaults: readonly CalibrationFault[];
  /** The changes that write the calibrated parameters into the model (core/edit), one per calibration. */
  readonly changes: readonly Change[];
  readonly decision: DraftDecision;
}

export type LearningFault = RecordFault;

export interface DraftOptions {
  readonly level?: number;
  readonly alpha?: number;
}

function decide(comparisons: readonly DraftComparison[]): DraftDecision {
  const differing = comparisons.filter((c) => c.verdict === 'variant-differs');
  const better = differing.filter((c) => c.difference.estimate > 0).sort((a, b) => b.difference.estimate - a.difference.estimate)[0];
  if (better) return { code: 'adopt', variant: better.variant };
  if (differing.length === comparisons.length) return { code: 'keep-control', variant: differing[0]!.variant };
  const needed = comparisons.map((c) => c.decidingTrials).filter((n): n is number => n !== undefined);
  return needed.length > 0 ? { code: 'rerun', trials: Math.max(...needed) } : { code: 'rerun' };
}

/** The draft of the learning card an experiment's counts support; a fault when it has none. */
export function draftLearning(doc: ModelDocument, ids: { experiment: string; variant?: string; parameter?: string }, options: DraftOptions = {}): { draft?: LearningDraft; fault?: LearningFault } {
  const level = options.level ?? 0.95;
  const alpha = options.alpha ?? 0.05;
  const { experiment, fault } = recordedExperiment(doc, ids.experiment);
  if (!experiment) return { fault: fault! };
  const record = doc.experiments![experiment.id]!;
  const card = doc.testCards?.[record.testCard];
  const hypothesisId = card?.hypothesis;
  const hypothesis = hypothesisId === undefined ? undefined : doc.hypotheses?.[hypothesisId];
  const counts = experiment.variants.map((v) => v.counts);
  const analysis = analyseConversions(counts, level, alpha);
  const bayesian = bayesianConversions(counts, { level });
  const controlRate = counts[0]!.successes / counts[0]!.trials;
  const comparisons = analysis.comparisons.map((c, i): DraftComparison => {
    const adjusted = analysis.holm !== undefined;
    const pValue = adjusted ? analysis.holm!.adjusted[i]! : c.pValue;
    const verdict = verdictOf({ ...c, pValue }, controlRate, alpha);
    const rate = counts[c.variant]!.successes / counts[c.variant]!.trials;
    return {
      variant: experiment.variants[c.variant]!.name,
      difference: { estimate: c.difference.estimate, interval: c.difference.interval },
      pValue,
      test: c.recommended,
      adjusted,
      verdict: verdict.code,
      ...(verdict.decidingSample ? { decidingTrials: verdict.decidingSample.trialsA } : {}),
      probabilityBetter: bayesian.comparisons[i]!.probabilityBetter,
      ...(card?.threshold !== undefined ? { thresholdReached: rate >= card.threshold } : {}),
    };
  });
  const decision = decide(comparisons);
  // Each variant updates the parameter it informs (the control also the experiment's), or the
  // one variant and parameter named.
  const targets = ids.variant !== undefined || ids.parameter !== undefined
    ? [{ variant: ids.variant ?? experiment.variants[0]!.name, ...(ids.parameter ? { parameter: ids.parameter } : {}) }]
    : experiment.variants.map((v, i) => ({ variant: v.name, parameter: i === 0 ? experiment.informed[i] : record.variants[v.name]!.informs })).filter((x) => x.parameter !== undefined);
  const summary = (s: { mean: number; interval: Interval }): DraftSummary => ({ mean: s.mean, low: s.interval.low, high: s.interval.high });
  const calibrations: DraftCalibration[] = [];
  const calibrationFaults: CalibrationFault[] = [];
  const changes: Change[] = [];
  for (const target of targets) {
    const { result, fault: why } = calibrateParameter(doc, { experiment: experiment.id, ...target }, level);
    if (!result) {
      calibrationFaults.push(why!);
      continue;
    }
    changes.push(result.change);
    calibrations.push({ parameter: result.parameter, variant: result.variant, level, before: summary(result.calibration.priorSummary), after: summary(result.calibration.posteriorSummary) });
  }
  return {
    draft: {
      experiment: experiment.id,
      testCard: record.testCard,
      ...(hypothesisId !== undefined ? { hypothesis: hypothesisId } : {}),
      believed: card?.believe ?? hypothesis?.statement ?? record.measure,
      measure: record.measure,
      invented: experiment.invented,
      level,
      alpha,
      ...(card?.threshold !== undefined ? { threshold: card.threshold } : {}),
      groups: experiment.variants.map((v) => ({ id: v.name, counts: v.counts })),
      comparisons,
      calibrations,
      calibrationFaults,
      changes,
      decision,
    },
  };
}
