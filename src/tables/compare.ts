/** Variants side by side (symbiose compare): stocks at the horizon, then each actor's figures. */
import { actorName, type VariantOutcome } from '../analyses/index.js';
import { annualDiscountRate, type ModelDocument } from '../core/index.js';
import { text, type Locale } from '../i18n/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { isSegment } from './profit.js';
import { formatCount, formatMoney, formatPercent } from './numbers.js';
import { periodAt, periodCount, words } from './words.js';

export function compareBlocks(doc: ModelDocument, outcomes: VariantOutcome[], only: string | undefined, locale: Locale): Block[] {
  const t = words(locale);
  const columns = [{ title: '' }, ...outcomes.map((o) => ({ title: o.variant, align: 'right' as const }))];
  const rows: string[][] = [];
  const stocks = Object.keys(outcomes[0]!.stocks);
  if (stocks.length > 0) {
    rows.push([t('compare.atHorizon', { period: periodAt(locale, doc.period, doc.horizon) }), ...outcomes.map(() => '')]);
    for (const stock of stocks) rows.push([`  ${stock}`, ...outcomes.map((o) => formatCount(locale, o.stocks[stock] ?? Number.NaN))]);
  }
  for (const actor of Object.keys(doc.actors).filter((a) => only === undefined || a === only)) {
    const of = (o: VariantOutcome) => o.actors.find((a) => a.actor === actor)!;
    rows.push([actorName(doc, actor), ...outcomes.map(() => '')]);
    // A segment is a population, not a business: what its members gain, not NPV or break-even.
    if (isSegment(doc, actor)) {
      rows.push([t('compare.valueReceived'), ...outcomes.map((o) => formatMoney(locale, of(o).valueReceived))]);
      rows.push([t('compare.netMoney'), ...outcomes.map((o) => formatMoney(locale, of(o).net))]);
      rows.push([t('compare.netGain'), ...outcomes.map((o) => formatMoney(locale, of(o).valueReceived + of(o).net))]);
      continue;
    }
    rows.push([t('compare.npv'), ...outcomes.map((o) => formatMoney(locale, of(o).npv))]);
    rows.push([t('compare.net'), ...outcomes.map((o) => formatMoney(locale, of(o).net))]);
    rows.push([t('compare.breakEven'), ...outcomes.map((o) => (of(o).net === 0 && of(o).deepest.amount === 0 ? '—' : breakEven(of(o).breakEven, doc, locale)))]);
    rows.push([t('compare.deepest'), ...outcomes.map((o) => (of(o).deepest.amount < 0 ? formatMoney(locale, of(o).deepest.amount) : '—'))]);
  }
  return [
    heading(t('compare.title', { model: doc.name })),
    paragraph(outcomes.map((o) => t('compare.variantLine', { variant: o.variant, name: o.name })).join('\n')),
    table(columns, rows),
    paragraph(t('compare.footer', { currency: doc.currency, rate: formatPercent(locale, annualDiscountRate(doc.discountRate)), periods: periodCount(locale, doc.period, doc.horizon) })),
  ];
}

function breakEven(period: number | null, doc: ModelDocument, locale: Locale): string {
  if (period === null) return text(locale, 'breakEven.never');
  return period === 0 ? text(locale, 'breakEven.fromStart') : periodAt(locale, doc.period, period);
}
