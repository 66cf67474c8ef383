/**
 * `symbiose experiment analyse`'s Bayesian and sequential readings as printable blocks: the
 * posteriors with their credible intervals, the probability that each variant beats the control
 * and the expected losses; the always-valid p-value and confidence sequence at each look.
 */
import { formatNumber, numberFormat, type Locale } from '../../i18n/index.js';
import { bayesianVerdictOf, type BayesianAnalysis, type SequentialAnalysis, type SequentialPlan } from '../../stats/index.js';
import { formatPercent, heading, paragraph, table, type Block } from '../../tables/index.js';
import { t } from '../lang.js';

const significant = (locale: Locale, x: number) => formatNumber(locale, Number(x.toPrecision(3)), 12);
const letter = (i: number) => String.fromCharCode(65 + i);
/** The variant's name: given (from a file) or a letter, the control marked. */
export function variantLabel(names: readonly string[] | undefined, i: number): string {
  const name = names?.[i] ?? letter(i);
  return i === 0 ? t('experiment.controlNamed', { name }) : name;
}
/** A loss in rate as percentage points, two decimals (0.0010 → 0.10). */
const points = (locale: Locale, x: number) => numberFormat(locale, 2, 2).format(100 * x);
const bare = (names: readonly string[] | undefined, i: number) => names?.[i] ?? letter(i);
const levelText = (locale: Locale, level: number) => `${formatNumber(locale, 100 * level, 1)}${locale === 'fr' ? '\u202f' : ' '}%`;

export function bayesianBlocks(analysis: BayesianAnalysis, locale: Locale, names?: readonly string[]): Block[] {
  const pct = (x: number) => formatPercent(locale, x);
  const level = levelText(locale, analysis.level);
  const many = analysis.posteriors.length > 2;
  const columns = [
    { title: t('experiment.col.variant') },
    { title: t('experiment.col.posterior', { level }), align: 'right' as const },
    { title: t('experiment.col.beatsControl'), align: 'right' as const },
    { title: t('experiment.col.credibleDifference', { level }), align: 'right' as const },
    { title: t('experiment.col.lossShipped'), align: 'right' as const },
    { title: t('experiment.col.lossKept'), align: 'right' as const },
    ...(many ? [{ title: t('experiment.col.best'), align: 'right' as const }] : []),
  ];
  const rows = analysis.posteriors.map((p, i) => {
    const c = i === 0 ? undefined : analysis.comparisons[i - 1]!;
    return [
      variantLabel(names, i),
      `${pct(p.mean)} [${pct(p.interval.low)}; ${pct(p.interval.high)}]`,
      c ? pct(c.probabilityBetter) : '',
      c ? `${pct(c.difference.mean)} [${pct(c.difference.interval.low)}; ${pct(c.difference.interval.high)}]` : '',
      c ? points(locale, c.lossIfShipped) : '',
      c ? points(locale, c.lossIfKept) : '',
      ...(many ? [pct(analysis.probabilityBest[i]!)] : []),
    ];
  });
  const words = analysis.comparisons.map((c) => {
    const verdict = bayesianVerdictOf(c);
    return paragraph(
      t(`experiment.bayes.${verdict.code}`, {
        variant: bare(names, c.variant),
        p: pct(c.probabilityBetter),
        threshold: pct(verdict.threshold),
        ship: points(locale, c.lossIfShipped),
        keep: points(locale, c.lossIfKept),
      }),
    );
  });
  const prior = `${formatNumber(locale, analysis.prior.alpha, 3)}, ${formatNumber(locale, analysis.prior.beta, 3)}`;
  return [heading(t('experiment.bayesHeading', { prior })), table(columns, rows), ...words, paragraph(t('experiment.bayes.prior'))];
}

/** One variant's sequential reading: a table of its looks when there are several, and the verdict at the last. */
export function sequentialBlocks(analysis: SequentialAnalysis, variant: number, locale: Locale, names?: readonly string[]): Block[] {
  const pct = (x: number) => formatPercent(locale, x);
  const level = levelText(locale, 1 - analysis.alpha);
  const last = analysis.looks.at(-1)!;
  const blocks: Block[] = [heading(t('experiment.sequentialHeading', { variant: bare(names, variant), tau: pct(analysis.mixtureSd) }))];
  if (analysis.looks.length > 1) {
    const columns = [
      { title: t('experiment.col.look') },
      { title: t('experiment.col.controlCounts'), align: 'right' as const },
      { title: t('experiment.col.variantCounts', { variant: bare(names, variant) }), align: 'right' as const },
      { title: t('experiment.col.observedDifference'), align: 'right' as const },
      { title: t('experiment.col.alwaysValidP'), align: 'right' as const },
      { title: t('experiment.col.sequence', { level }), align: 'right' as const },
    ];
    const rows = analysis.looks.map((l, i) => [
      String(i + 1),
      `${l.control.successes}/${l.control.trials}`,
      `${l.variant.successes}/${l.variant.trials}`,
      pct(l.difference),
      significant(locale, l.pValue),
      `[${pct(l.interval.low)}; ${pct(l.interval.high)}]`,
    ]);
    blocks.push(table(columns, rows));
  }
  const code = analysis.decidedAt === undefined ? 'undecided' : 'decided';
  blocks.push(
    paragraph(
      t(`experiment.sequential.${code}`, {
        variant: bare(names, variant),
        tau: pct(analysis.mixtureSd),
        p: significant(locale, last.pValue),
        alpha: formatNumber(locale, analysis.alpha, 4),
        low: pct(last.interval.low),
        high: pct(last.interval.high),
        level,
        look: analysis.decidedAt === undefined ? '' : String(analysis.decidedAt + 1),
      }),
    ),
  );
  return blocks;
}

export function sequentialPlanBlocks(plan: SequentialPlan, locale: Locale): Block[] {
  const pct = (x: number) => formatPercent(locale, x);
  const count = (n: number) => formatNumber(locale, n, 0);
  const columns = [
    { title: t('experiment.col.lookTrials'), align: 'right' as const },
    { title: t('experiment.col.stoppingDifference'), align: 'right' as const },
    { title: t('experiment.col.stopProbability'), align: 'right' as const },
  ];
  // A difference past 100 points cannot be observed: that look cannot stop the test.
  const rows = plan.looks.map((l) => [count(l.trials), l.stoppingDifference > 1 ? '—' : pct(l.stoppingDifference), pct(l.stopProbability)]);
  return [
    heading(t('experiment.sequentialPlanHeading', { looks: plan.looks.length, max: count(plan.maxTrials), tau: pct(plan.mixtureSd) })),
    table(columns, rows),
    paragraph(
      t('experiment.sequentialPlan', {
        looks: plan.looks.length,
        max: count(plan.maxTrials),
        power: pct(plan.power),
        expected: count(Math.round(plan.expectedTrials)),
        fixed: pct(plan.fixedHorizonDifference),
        last: pct(plan.looks.at(-1)!.stoppingDifference),
        target: pct(plan.targetPower),
        needed: plan.neededMaxTrials === undefined ? undefined : count(plan.neededMaxTrials),
        fixedTrials: count(plan.fixedHorizonTrials),
      }),
    ),
  ];
}
