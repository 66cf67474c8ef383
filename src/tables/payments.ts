/** Who pays whom, for what: the overall table, per-actor totals, then one table per scenario. */
import { actorName, objectName, scenarioName, transactionName, type PaymentTable, type WhoPays } from '../analyses/index.js';
import type { ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatCount, formatMoney } from './numbers.js';
import { listOf, periodCount, words } from './words.js';

export function paymentBlocks(doc: ModelDocument, result: WhoPays, locale: Locale): Block[] {
  const t = words(locale);
  const blocks: Block[] = [
    heading(t('payers.title', { model: doc.name })),
    paragraph(t('payers.intro', { periods: periodCount(locale, doc.period, result.horizon), currency: result.currency })),
    ...tableBlocks(doc, result.overall, t('payers.allScenarios'), locale),
  ];
  if (result.scenarios.length > 1) {
    for (const scenario of result.scenarios) {
      blocks.push(...tableBlocks(doc, scenario, t('payers.scenario', { scenario: scenarioName(doc, scenario.scenario!) }), locale));
    }
  }
  return blocks;
}

function tableBlocks(doc: ModelDocument, result: PaymentTable, title: string, locale: Locale): Block[] {
  const t = words(locale);
  const name = (id: string) => actorName(doc, id);
  const money = (x: number) => formatMoney(locale, x);
  const who = (ids: string[]) => (ids.length > 0 ? listOf(locale, ids.map(name)) : t('payers.nobody'));
  if (result.payments.length === 0) return [heading(title, 2), paragraph(t('payers.none'))];
  return [
    heading(title, 2),
    paragraph(`${t('payers.whoPays', { actors: who(result.payers) })}\n${t('payers.whoIsPaid', { actors: who(result.payees) })}`),
    table(
      [
        { title: t('column.payer') },
        { title: t('column.payee') },
        { title: t('column.for') },
        { title: t('column.occurrences'), align: 'right' },
        { title: t('column.amount'), align: 'right' },
      ],
      result.payments.map((p) => [
        name(p.payer),
        name(p.payee),
        `${transactionName(doc, p.transaction)} (${objectName(doc, p.object)})`,
        formatCount(locale, p.occurrences),
        money(p.total),
      ]),
    ),
    table(
      [{ title: t('column.actor') }, { title: t('column.pays'), align: 'right' }, { title: t('column.isPaid'), align: 'right' }, { title: t('column.net'), align: 'right' }],
      result.byActor.map((r) => [name(r.actor), money(r.paid), money(r.received), money(r.net)]),
    ),
  ];
}
