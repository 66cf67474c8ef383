/** `symbiose experiment calibrate` as printable blocks: the rate before and after the counts, and the method. */
import { formatNumber, type Locale } from '../../i18n/index.js';
import type { Calibration, Distribution, RateSummary } from '../../stats/index.js';
import { formatPercent, heading, paragraph, table, type Block } from '../../tables/index.js';
import { t } from '../lang.js';

/** A distribution as one line of the model format (discrete: its count of values). */
export function distributionText(d: Distribution, locale: Locale): string {
  const n = (x: number) => formatNumber(locale, x, 6);
  switch (d.kind) {
    case 'beta': return `beta(${n(d.alpha)}, ${n(d.beta)})${d.min !== undefined || d.max !== undefined ? ` [${n(d.min ?? 0)}; ${n(d.max ?? 1)}]` : ''}`;
    case 'pert': return `PERT(${n(d.min)}, ${n(d.mode)}, ${n(d.max)})`;
    case 'triangular': return `${t('calibrate.kind.triangular')}(${n(d.min)}, ${n(d.mode)}, ${n(d.max)})`;
    case 'uniform': return `${t('calibrate.kind.uniform')}(${n(d.min)}, ${n(d.max)})`;
    case 'normal': return `${t('calibrate.kind.normal')}(${n(d.mean)}, ${n(d.sd)})`;
    case 'lognormal': return `lognormal(${n(d.mu)}, ${n(d.sigma)})`;
    case 'discrete': return t('calibrate.kind.discrete', { count: d.values.length });
  }
}

export function calibrationBlocks(c: Calibration, locale: Locale): Block[] {
  const pct = (x: number) => formatPercent(locale, x);
  const level = `${formatNumber(locale, 100 * c.level, 1)}${locale === 'fr' ? '\u202f' : ' '}%`;
  const row = (name: string, d: Distribution, s: RateSummary) => [name, distributionText(d, locale), pct(s.mean), pct(s.sd), `[${pct(s.interval.low)}; ${pct(s.interval.high)}]`];
  const right = 'right' as const;
  return [
    heading(t('calibrate.heading', { x: c.counts.successes, n: c.counts.trials })),
    table(
      [{ title: '' }, { title: t('calibrate.col.distribution') }, { title: t('calibrate.col.mean'), align: right }, { title: t('calibrate.col.sd'), align: right }, { title: t('calibrate.col.interval', { level }), align: right }],
      [row(t('calibrate.before'), c.prior, c.priorSummary), row(t('calibrate.after'), c.posterior, c.posteriorSummary)],
    ),
    paragraph(t(`calibrate.method.${c.method}`)),
  ];
}
