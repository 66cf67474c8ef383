/** Value created and the share each actor captures, as printable blocks. */
import { actorName, type ValueSharing } from '../../analyses/index.js';
import type { ModelDocument } from '../../core/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatMoney, formatShare } from './numbers.js';

export function sharingBlocks(doc: ModelDocument, result: ValueSharing): Block[] {
  return [
    heading(`Summary — ${doc.name}`),
    paragraph(
      [
        `Over ${result.horizon} ${doc.period}s, in ${result.currency}:`,
        `  value created ${formatMoney(result.valueCreated)} = non-money value received ${formatMoney(result.totals.nonMoney)} − costs ${formatMoney(result.totals.costs)}`,
        '  (money paid by one actor to another creates nothing by itself: it moves value between them).',
      ].join('\n'),
    ),
    table(
      [
        { title: 'Actor' },
        { title: 'Net cash', align: 'right' },
        { title: 'Cash share', align: 'right' },
        { title: 'Non-money value', align: 'right' },
        { title: 'Non-money share', align: 'right' },
        { title: 'Total value', align: 'right' },
        { title: 'Value share', align: 'right' },
      ],
      result.actors.map((a) => [
        actorName(doc, a.actor),
        formatMoney(a.money),
        formatShare(a.moneyShare),
        formatMoney(a.nonMoney),
        formatShare(a.nonMoneyShare),
        formatMoney(a.total),
        formatShare(a.totalShare),
      ]),
    ),
    paragraph(
      'Cash share: of the net cash the ecosystem\'s earners capture (— for actors that pay more than they earn).\n' +
        'Value share: of the value created; negative when an actor gives more value than it gets.',
    ),
  ];
}
