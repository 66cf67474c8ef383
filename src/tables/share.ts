/** Fair shares (symbiose share) as printable blocks: the table of shares and the verdicts below it. */
import { actorName, type FairShare } from '../analyses/index.js';
import { annualDiscountRate, type ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatCount, formatFigure, formatMoney, formatShare, formatPercent } from './numbers.js';
import { listOf, periodCount, words } from './words.js';

export function shareBlocks(doc: ModelDocument, result: FairShare, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const periods = periodCount(locale, doc.period, result.horizon);
  const scale = result.scale === 'npv' ? t('share.scaleNpv', { periods, rate: formatPercent(locale, annualDiscountRate(doc.discountRate)) }) : t('share.scaleTotal', { periods });
  const blocks: Block[] = [
    heading(t('share.title', { model: doc.name })),
    paragraph(t('share.intro', { scale, currency: result.currency, created: money(result.valueCreated) })),
    table(
      [
        { title: t('column.actor') },
        { title: t('column.money'), align: 'right' },
        { title: t('column.nonMoney'), align: 'right' },
        { title: t('column.captured'), align: 'right' },
        { title: t('column.share'), align: 'right' },
        { title: t('column.shapley'), align: 'right' },
        { title: t('column.gap'), align: 'right' },
        { title: t('column.banzhaf'), align: 'right' },
      ],
      result.actors.map((a) => [actorName(doc, a.actor), money(a.money), money(a.nonMoney), money(a.captured), formatShare(locale, a.share), money(a.shapley), money(a.gap), money(a.banzhaf)]),
    ),
    paragraph(concentrationText(result, locale)),
    paragraph(coreText(doc, result, locale)),
  ];
  if (result.sampled) blocks.push(...sampledBlocks(doc, result.sampled, locale));
  if (result.leftOut.length > 0) blocks.push(paragraph(t('share.leftOut', { scenarios: listOf(locale, result.leftOut) })));
  return blocks;
}

function concentrationText(result: FairShare, locale: Locale): string {
  const t = words(locale);
  const { hhi, hhiReading, gini, giniReading } = result.concentration;
  if (hhi === undefined || gini === undefined || !hhiReading || !giniReading) return t('share.concentrationNone');
  return t('share.concentration', {
    hhi: formatCount(locale, Math.round(hhi)),
    hhiReading: t(`share.hhi.${hhiReading}`),
    gini: formatFigure(locale, gini),
    giniReading: t(`share.gini.${giniReading}`),
  });
}

function coreText(doc: ModelDocument, result: FairShare, locale: Locale): string {
  const t = words(locale);
  const { core } = result;
  const money = (x: number) => formatMoney(locale, x);
  const coalition = core.coalition ? listOf(locale, core.coalition.map((a) => actorName(doc, a))) : undefined;
  const every = core.coalitions === 'every' ? 'yes' : 'no';
  const looked = formatCount(locale, core.looked);
  if (core.inCore) return t('share.coreIn', { looked, every, coalition, margin: core.excess === undefined ? undefined : money(-core.excess) });
  return t('share.coreOut', { looked, every, coalition, value: money(core.value!), captured: money(core.captured!), excess: money(core.excess!) });
}

function sampledBlocks(doc: ModelDocument, sampled: NonNullable<FairShare['sampled']>, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  return [
    paragraph(
      t('share.sampled', {
        orders: formatCount(locale, sampled.orders),
        seed: sampled.seed,
        error: money(sampled.error),
        confidence: formatPercent(locale, 1 - sampled.delta),
        bound: t(`share.bound.${sampled.bound}`),
        reached: sampled.reached ? '' : t('share.sampledShort'),
      }),
    ),
    table(
      [{ title: t('column.actor') }, { title: t('column.sampled'), align: 'right' }, { title: t('column.error'), align: 'right' }],
      sampled.actors.map((a) => [actorName(doc, a.actor), money(a.shapley), money(a.error)]),
    ),
  ];
}
