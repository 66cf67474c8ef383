/** `symbiose experiment` results as printable blocks: the analysis table and verdicts, the plan's powers and verdict. */
import { formatNumber, type Locale } from '../../i18n/index.js';
import { arcsinePower, sampleSize, verdictOf, type ConversionAnalysis, type DesignCheck, type SampleSizeMethod } from '../../stats/index.js';
import { formatPercent, heading, paragraph, table, type Block } from '../../tables/index.js';
import { t } from '../lang.js';
import { variantLabel } from './experiment-readings.js';

/** A p-value or statistic to three significant digits, in the language's number format. */
const significant = (locale: Locale, x: number) => formatNumber(locale, Number(x.toPrecision(3)), 12);

export function analysisBlocks(analysis: ConversionAnalysis, alpha: number, locale: Locale, names?: readonly string[]): Block[] {
  const variantName = (i: number) => (names ? variantLabel(names, i) : i === 0 ? t('experiment.control') : String.fromCharCode(65 + i));
  const level = `${formatNumber(locale, 100 * analysis.level, 1)}${locale === 'fr' ? '\u202f' : ' '}%`;
  const pct = (x: number) => formatPercent(locale, x);
  const columns = [
    { title: t('experiment.col.variant') },
    { title: t('experiment.col.counts'), align: 'right' as const },
    { title: t('experiment.col.rate'), align: 'right' as const },
    { title: t('experiment.col.difference', { level }), align: 'right' as const },
    { title: t('experiment.col.ratio', { level }), align: 'right' as const },
    { title: t('experiment.col.test') },
    { title: t('experiment.col.p'), align: 'right' as const },
  ];
  const [control] = analysis.variants;
  const rows = [[variantName(0), `${control!.successes}/${control!.trials}`, pct(control!.successes / control!.trials), '', '', '', '']];
  for (const c of analysis.comparisons) {
    const v = analysis.variants[c.variant]!;
    const d = c.difference;
    const r = c.ratio;
    rows.push([
      variantName(c.variant),
      `${v.successes}/${v.trials}`,
      pct(v.successes / v.trials),
      `${pct(d.estimate)} [${pct(d.interval.low)}; ${pct(d.interval.high)}]`,
      `${formatNumber(locale, r.estimate, 2)} [${formatNumber(locale, r.interval.low, 2)}; ${formatNumber(locale, r.interval.high, 2)}]`,
      t(`experiment.testShort.${c.recommended}`),
      significant(locale, c.pValue),
    ]);
  }
  const words: Block[] = [];
  const controlRate = control!.successes / control!.trials;
  for (const c of analysis.comparisons) {
    const verdict = verdictOf(c, controlRate, alpha);
    const name = names ? names[c.variant]! : variantName(c.variant);
    words.push(
      paragraph(
        t(`experiment.verdict.${verdict.code}`, {
          variant: name,
          test: t(`experiment.test.${verdict.test}`),
          p: significant(locale, verdict.pValue),
          alpha: formatNumber(locale, alpha, 4),
          control: pct(controlRate),
          observed: pct(controlRate + c.difference.estimate),
          needed: verdict.decidingSample ? formatNumber(locale, verdict.decidingSample.trialsA, 0) : undefined,
        }),
      ),
    );
    // Large groups with few conversions: say why the z test was passed over for Fisher's.
    if (c.recommended === 'fisher') words.push(paragraph(t('experiment.condition', { variant: name, min: formatNumber(locale, c.z.conditions.minExpected, 1) })));
  }
  if (analysis.overall) {
    const o = analysis.overall;
    const caveat = o.conditions.holds ? '' : t('experiment.overallCondition', { min: formatNumber(locale, o.conditions.minExpected, 1) });
    words.push(paragraph(t('experiment.overall', { k: analysis.variants.length, df: o.degreesOfFreedom, x2: significant(locale, o.statistic), p: significant(locale, o.pValue) }) + caveat));
  }
  if (analysis.holm) {
    const list = analysis.holm.adjusted.map((p, i) => `${variantName(analysis.comparisons[i]!.variant)} ${significant(locale, p)}`).join(', ');
    words.push(paragraph(t('experiment.holm', { m: analysis.comparisons.length, alpha: formatNumber(locale, alpha, 4), list })));
  }
  if (analysis.benjaminiHochberg) {
    const list = analysis.benjaminiHochberg.adjusted.map((p, i) => `${variantName(analysis.comparisons[i]!.variant)} ${significant(locale, p)}`).join(', ');
    words.push(paragraph(t('experiment.bh', { alpha: formatNumber(locale, alpha, 4), list })));
  }
  if (analysis.sampleRatio) {
    const s = analysis.sampleRatio;
    const total = s.expected.reduce((a, b) => a + b, 0);
    words.push(
      paragraph(
        t(s.mismatch ? 'experiment.srm.mismatch' : 'experiment.srm.fits', {
          sizes: analysis.variants.map((v) => formatNumber(locale, v.trials, 0)).join(' / '),
          split: s.expected.map((e) => formatPercent(locale, e / total)).join(' / '),
          p: significant(locale, s.pValue),
          threshold: formatNumber(locale, s.threshold, 6),
        }),
      ),
    );
  }
  return [heading(t('experiment.analysisHeading')), table(columns, rows), ...words];
}

export function planBlocks(check: DesignCheck, locale: Locale): Block[] {
  const pct = (x: number) => formatPercent(locale, x);
  const { rates, trialsA, trialsB, alpha, targetPower } = check;
  const ratio = trialsB / trialsA;
  const methods: SampleSizeMethod[] = ['normal', 'normal-continuity', 'arcsine'];
  const powerOf: Record<SampleSizeMethod, number> = { normal: check.normalPower, 'normal-continuity': NaN, arcsine: arcsinePower(rates, trialsA, trialsB, { alpha }) };
  const rows = methods.map((m) => {
    const n = sampleSize(rates, m, { alpha, power: targetPower, ratio });
    return [t(`experiment.method.${m}`), Number.isNaN(powerOf[m]) ? '—' : pct(powerOf[m]), ratio === 1 ? formatNumber(locale, n.trialsA, 0) : `${formatNumber(locale, n.trialsA, 0)} + ${formatNumber(locale, n.trialsB, 0)}`];
  });
  if (check.exactPower) rows.push([t('experiment.method.exact'), pct(check.exactPower.power), '—']);
  const columns = [{ title: t('experiment.col.method') }, { title: t('experiment.col.power'), align: 'right' as const }, { title: t('experiment.col.perGroup', { power: pct(targetPower) }), align: 'right' as const }];
  const power = check.exactPower ? check.exactPower.power : check.normalPower;
  const words = t(`experiment.${check.code}`, {
    trialsA: formatNumber(locale, trialsA, 0),
    trialsB: formatNumber(locale, trialsB, 0),
    control: pct(rates.control),
    variant: pct(rates.variant),
    power: pct(power),
    how: t(check.exactPower ? 'experiment.test.boschloo' : 'experiment.how.normal'),
    needed: ratio === 1 ? formatNumber(locale, check.needed.trialsA, 0) : `${formatNumber(locale, check.needed.trialsA, 0)} + ${formatNumber(locale, check.needed.trialsB, 0)}`,
    target: pct(targetPower),
    detectable: check.detectable.variant === undefined ? t('experiment.nothingDetectable') : pct(check.detectable.variant),
  });
  return [
    heading(t('experiment.planHeading', { control: pct(rates.control), variant: pct(rates.variant), trialsA: formatNumber(locale, trialsA, 0), trialsB: formatNumber(locale, trialsB, 0) })),
    table(columns, rows),
    paragraph(words),
  ];
}
