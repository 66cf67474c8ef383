/** The value of data (symbiose data-value) as printable blocks: each data flow, then the sources' split. */
import { actorName, objectName, type DataValue } from '../analyses/index.js';
import { annualDiscountRate, type ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatMoney, formatPercent, formatShare } from './numbers.js';
import { listOf, periodCount, words } from './words.js';

export function dataValueBlocks(doc: ModelDocument, result: DataValue, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const periods = periodCount(locale, doc.period, doc.horizon);
  const scale = result.scale === 'npv' ? t('share.scaleNpv', { periods, rate: formatPercent(locale, annualDiscountRate(doc.discountRate)) }) : t('share.scaleTotal', { periods });
  const blocks: Block[] = [
    heading(t('data.title', { model: doc.name })),
    paragraph(t('data.intro', { scale, currency: result.currency, created: money(result.valueCreated), dependent: money(result.dataDependent) })),
  ];
  if (result.flows.length === 0) return [...blocks, paragraph(t('data.none'))];
  blocks.push(
    table(
      [{ title: t('column.dataFlow') }, { title: t('column.direct'), align: 'right' }, { title: t('column.lost'), align: 'right' }, { title: t('column.collapsed') }],
      result.flows.map((f) => [
        t('data.flow', { object: objectName(doc, f.object), from: actorName(doc, f.from), to: actorName(doc, f.to) }),
        money(f.direct),
        money(f.lost),
        f.collapsed.length ? listOf(locale, f.collapsed.map((a) => actorName(doc, a))) : '—',
      ]),
    ),
    paragraph(t('data.sources')),
    table(
      [{ title: t('column.source') }, { title: t('column.shapley'), align: 'right' }, { title: t('column.share'), align: 'right' }, { title: t('column.banzhaf'), align: 'right' }],
      result.sources.map((s) => [actorName(doc, s.actor), money(s.shapley), formatShare(locale, s.share), money(s.banzhaf)]),
    ),
  );
  return blocks;
}
