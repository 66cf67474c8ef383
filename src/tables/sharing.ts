/** Value created and the share each actor captures, as printable blocks. */
import { actorName, type ValueSharing } from '../analyses/index.js';
import type { ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatMoney, formatShare } from './numbers.js';
import { periodCount, words } from './words.js';

export function sharingBlocks(doc: ModelDocument, result: ValueSharing, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const share = (x: number | undefined) => formatShare(locale, x);
  return [
    heading(t('summary.title', { model: doc.name })),
    paragraph(
      t('summary.intro', {
        periods: periodCount(locale, doc.period, result.horizon),
        currency: result.currency,
        created: money(result.valueCreated),
        nonMoney: money(result.totals.nonMoney),
        costs: money(result.totals.costs),
      }),
    ),
    table(
      [
        { title: t('column.actor') },
        { title: t('column.netCash'), align: 'right' },
        { title: t('column.cashShare'), align: 'right' },
        { title: t('column.nonMoneyValue'), align: 'right' },
        { title: t('column.nonMoneyShare'), align: 'right' },
        { title: t('column.totalValue'), align: 'right' },
        { title: t('column.valueShare'), align: 'right' },
      ],
      result.actors.map((a) => [
        actorName(doc, a.actor),
        money(a.money),
        share(a.moneyShare),
        money(a.nonMoney),
        share(a.nonMoneyShare),
        money(a.total),
        share(a.totalShare),
      ]),
    ),
    paragraph(t('summary.notes')),
  ];
}
