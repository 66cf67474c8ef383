/** The canvas of one actor as printable blocks, in the order of the canvas poster. */
import { actorName, CANVAS_BLOCKS, objectName, transactionName, type Canvas, type CanvasItem } from '../analyses/index.js';
import type { ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, lazyList, listed, paragraph, type Block, type StreamedBlock } from './blocks.js';
import { formatFigure, formatMoney } from './numbers.js';
import { costName, listOf, periodCount, words } from './words.js';

export function canvasBlocks(doc: ModelDocument, canvas: Canvas, locale: Locale): Block[] {
  return [...eachCanvasBlock(doc, canvas, locale)].map(listed);
}

/** canvasBlocks one by one, each item put in words only when it is read (a platform has one per customer). */
export function* eachCanvasBlock(doc: ModelDocument, canvas: Canvas, locale: Locale): Generator<StreamedBlock> {
  const t = words(locale);
  yield heading(t('canvas.title', { actor: actorName(doc, canvas.actor) }));
  yield paragraph(t('canvas.intro', { periods: periodCount(locale, doc.period, canvas.horizon), currency: canvas.currency }));
  for (const block of CANVAS_BLOCKS) {
    yield heading(t(`canvas.block.${block}`), 2);
    const items = canvas.blocks[block];
    yield lazyList(items.length, (i) => canvasItemText(doc, canvas.actor, items[i]!, locale), t('list.none'));
  }
}

/** One item of `owner`'s canvas in words, with its amount over the horizon where it has one. */
export function canvasItemText(doc: ModelDocument, owner: string, item: CanvasItem, locale: Locale): string {
  const t = words(locale);
  const actor = (id: string) => actorName(doc, id);
  const object = (id: string) => objectName(doc, id);
  const nature = (n: string, personal: boolean) => t(personal ? 'canvas.naturePersonal' : 'canvas.nature', { nature: t(`nature.${n}` as never) });
  let text: string;
  switch (item.kind) {
    case 'customer':
      text = t('canvas.customer', { actor: actor(item.actor), kind: t(`actorKind.${item.actorKind}`), objects: listOf(locale, item.objects.map(object)) });
      break;
    case 'proposition':
      text = t('canvas.proposition', { object: object(item.object), nature: nature(item.nature, item.personal), actor: actor(item.to) });
      break;
    case 'channel':
      text = t('canvas.channel', { channel: item.channel, object: object(item.object), actor: actor(item.to) });
      break;
    case 'provide':
      text = t('canvas.provide', { object: object(item.object) });
      break;
    case 'declared':
      text = item.text;
      break;
    case 'resource':
      text = t('canvas.resource', { object: object(item.object), nature: nature(item.nature, item.personal), actor: actor(item.from) });
      break;
    case 'relationship': {
      const frequency = item.frequency
        ? t(item.frequency.perMember ? 'canvas.frequencyPerMember' : 'canvas.frequency', {
            count: item.frequency.rate,
            n: formatFigure(locale, item.frequency.rate),
            per: t('period.per', { period: doc.period }),
          })
        : t('canvas.noTransactions');
      const declared = item.declared.join(', ');
      text = t(declared ? 'canvas.relationshipDeclared' : 'canvas.relationship', { actor: actor(item.actor), declared, frequency });
      break;
    }
    case 'partner': {
      const supplied = item.supplies.map((s) => (s.to === undefined ? object(s.object) : t('canvas.suppliesTo', { object: object(s.object), actor: actor(s.to) })));
      text = supplied.length > 0 ? t('canvas.partner', { actor: actor(item.actor), objects: listOf(locale, supplied) }) : t('canvas.partnerPaid', { actor: actor(item.actor), payer: actor(owner) });
      break;
    }
    case 'money': {
      const pricing = item.price === undefined ? '' : t('canvas.pricing', { price: formatFigure(locale, item.price) });
      text = t(item.direction === 'in' ? 'canvas.paidBy' : 'canvas.paidTo', { transaction: transactionName(doc, item.transaction), actor: actor(item.counterparty), pricing });
      break;
    }
    case 'cost':
      text = t('canvas.cost', { name: costName(doc, item.actor, item.index, locale), kind: t(`costKind.${item.costKind}`) });
      break;
  }
  return 'amount' in item && item.amount !== undefined ? t('canvas.withAmount', { text, amount: formatMoney(locale, item.amount) }) : text;
}
