/** Who pays whom, for what: the overall table, per-actor totals, then one table per scenario. */
import { actorName, objectName, scenarioName, transactionName, type PaymentTable, type WhoPays } from '../../analyses/index.js';
import type { ModelDocument } from '../../core/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatCount, formatMoney } from './numbers.js';

export function paymentBlocks(doc: ModelDocument, result: WhoPays): Block[] {
  const blocks: Block[] = [
    heading(`Who pays, who is paid — ${doc.name}`),
    paragraph(`Money over ${result.horizon} ${doc.period}s, in ${result.currency}.`),
    ...tableBlocks(doc, result.overall, 'All scenarios'),
  ];
  if (result.scenarios.length > 1) {
    for (const scenario of result.scenarios) blocks.push(...tableBlocks(doc, scenario, `Scenario: ${scenarioName(doc, scenario.scenario!)}`));
  }
  return blocks;
}

function tableBlocks(doc: ModelDocument, t: PaymentTable, title: string): Block[] {
  const name = (id: string) => actorName(doc, id);
  if (t.payments.length === 0) return [heading(title, 2), paragraph('No money changes hands.')];
  return [
    heading(title, 2),
    paragraph(`Who pays: ${t.payers.map(name).join(', ') || 'nobody'}.\nWho is paid: ${t.payees.map(name).join(', ') || 'nobody'}.`),
    table(
      [{ title: 'Payer' }, { title: 'Payee' }, { title: 'For (transaction)' }, { title: 'Occurrences', align: 'right' }, { title: 'Amount', align: 'right' }],
      t.payments.map((p) => [
        name(p.payer),
        name(p.payee),
        `${transactionName(doc, p.transaction)} (${objectName(doc, p.object)})`,
        formatCount(p.occurrences),
        formatMoney(p.total),
      ]),
    ),
    table(
      [{ title: 'Actor' }, { title: 'Pays', align: 'right' }, { title: 'Is paid', align: 'right' }, { title: 'Net', align: 'right' }],
      t.byActor.map((r) => [name(r.actor), formatMoney(r.paid), formatMoney(r.received), formatMoney(r.net)]),
    ),
  ];
}
