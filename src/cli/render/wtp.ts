/** `symbiose experiment wtp` results as printable blocks: Van Westendorp's price points and curves, Gabor–Granger's demand and revenue by price. */
import { formatNumber, type Locale } from '../../i18n/index.js';
import type { DemandCurve, PriceSensitivity } from '../../stats/index.js';
import { formatPercent, heading, paragraph, table, type Block } from '../../tables/index.js';
import { t } from '../lang.js';

const price = (locale: Locale, p: number | undefined) => (p === undefined ? '—' : formatNumber(locale, p, 2));

export function priceSensitivityBlocks(r: PriceSensitivity, locale: Locale, withCurves: boolean): Block[] {
  const points = [
    [t('wtp.point.pmc'), price(locale, r.pmc)],
    [t('wtp.point.opp'), price(locale, r.opp)],
    [t('wtp.point.ipp'), price(locale, r.ipp)],
    [t('wtp.point.pme'), price(locale, r.pme)],
  ];
  const kept = r.respondents - r.inconsistent;
  const words = t(r.pmc !== undefined && r.pme !== undefined ? 'wtp.range' : 'wtp.noRange', {
    pmc: price(locale, r.pmc),
    pme: price(locale, r.pme),
    opp: price(locale, r.opp),
    ipp: price(locale, r.ipp),
    kept: formatNumber(locale, kept, 0),
    n: formatNumber(locale, r.respondents, 0),
    inconsistent: formatNumber(locale, r.inconsistent, 0),
  });
  const blocks: Block[] = [
    heading(t('wtp.vwHeading')),
    table([{ title: t('wtp.col.point') }, { title: t('wtp.col.price'), align: 'right' }], points),
    paragraph(words + (kept < 30 ? ' ' + t('wtp.few', { kept: formatNumber(locale, kept, 0) }) : '')),
  ];
  if (withCurves) {
    const pct = (x: number) => formatPercent(locale, x);
    const c = r.curves;
    const right = 'right' as const;
    blocks.push(
      table(
        [{ title: t('wtp.col.price'), align: right }, { title: t('wtp.curve.tooCheap'), align: right }, { title: t('wtp.curve.cheap'), align: right }, { title: t('wtp.curve.expensive'), align: right }, { title: t('wtp.curve.tooExpensive'), align: right }],
        c.prices.map((p, i) => [price(locale, p), pct(c.tooCheap[i]!), pct(c.cheap[i]!), pct(c.expensive[i]!), pct(c.tooExpensive[i]!)]),
      ),
    );
  }
  return blocks;
}

export function demandBlocks(d: DemandCurve, locale: Locale): Block[] {
  const pct = (x: number) => formatPercent(locale, x);
  const level = `${formatNumber(locale, 100 * d.level, 1)}${locale === 'fr' ? '\u202f' : ' '}%`;
  const right = 'right' as const;
  const rows = d.points.map((p) => [price(locale, p.price), `${p.buyers}/${p.asked}`, `${pct(p.demand)} [${pct(p.interval.low)}; ${pct(p.interval.high)}]`, formatNumber(locale, p.revenue, 2)]);
  const best = d.points.find((p) => p.price === d.bestPrice);
  const words = best
    ? t('wtp.best', { price: price(locale, best.price), demand: pct(best.demand), low: pct(best.interval.low), high: pct(best.interval.high), revenue: formatNumber(locale, best.revenue, 2), level })
    : t('wtp.nobody');
  return [
    heading(t('wtp.ggHeading')),
    table([{ title: t('wtp.col.price'), align: right }, { title: t('wtp.col.buyers'), align: right }, { title: t('wtp.col.demand', { level }), align: right }, { title: t('wtp.col.revenue'), align: right }], rows),
    paragraph(words),
  ];
}
