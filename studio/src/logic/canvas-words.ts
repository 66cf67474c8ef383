/**
 * A canvas item in words (pure), from the interface catalogue's canvas keys: the same sentences
 * the CLI's canvas prints (src/cli/render/canvas.ts), which a surface cannot import.
 */
import { actorName, objectName, transactionName, type CanvasItem } from '../../../src/analyses/index.js';
import type { ModelDocument, Period } from '../../../src/core/index.js';
import { text, formatNumber, type Locale, type Params, type UiKey } from '../../../src/i18n/index.js';

export function canvasItemWords(doc: ModelDocument, owner: string, item: CanvasItem, locale: Locale): string {
  const t = (key: UiKey, params?: Params) => text(locale, key, params);
  const actor = (id: string) => actorName(doc, id);
  const object = (id: string) => objectName(doc, id);
  const list = (items: string[]) => items.join(t('list.separator'));
  const nature = (n: string, personal: boolean) => t(personal ? 'canvas.naturePersonal' : 'canvas.nature', { nature: t(`nature.${n}` as UiKey) });
  const figure = (x: number) => formatNumber(locale, x);
  let words: string;
  switch (item.kind) {
    case 'customer':
      words = t('canvas.customer', { actor: actor(item.actor), kind: t(`actorKind.${item.actorKind}`), objects: list(item.objects.map(object)) });
      break;
    case 'proposition':
      words = t('canvas.proposition', { object: object(item.object), nature: nature(item.nature, item.personal), actor: actor(item.to) });
      break;
    case 'channel':
      words = t('canvas.channel', { channel: item.channel, object: object(item.object), actor: actor(item.to) });
      break;
    case 'provide':
      words = t('canvas.provide', { object: object(item.object) });
      break;
    case 'declared':
      words = item.text;
      break;
    case 'resource':
      words = t('canvas.resource', { object: object(item.object), nature: nature(item.nature, item.personal), actor: actor(item.from) });
      break;
    case 'relationship': {
      const frequency = item.frequency
        ? t(item.frequency.perMember ? 'canvas.frequencyPerMember' : 'canvas.frequency', { count: item.frequency.rate, n: figure(item.frequency.rate), per: t('period.per', { period: doc.period as Period }) })
        : t('canvas.noTransactions');
      const declared = item.declared.join(t('list.separator'));
      words = t(declared ? 'canvas.relationshipDeclared' : 'canvas.relationship', { actor: actor(item.actor), declared, frequency });
      break;
    }
    case 'partner': {
      const supplied = item.supplies.map((s) => (s.to === undefined ? object(s.object) : t('canvas.suppliesTo', { object: object(s.object), actor: actor(s.to) })));
      words = supplied.length > 0 ? t('canvas.partner', { actor: actor(item.actor), objects: list(supplied) }) : t('canvas.partnerPaid', { actor: actor(item.actor), payer: actor(owner) });
      break;
    }
    case 'money': {
      const pricing = item.price === undefined ? '' : t('canvas.pricing', { price: figure(item.price) });
      words = t(item.direction === 'in' ? 'canvas.paidBy' : 'canvas.paidTo', { transaction: transactionName(doc, item.transaction), actor: actor(item.counterparty), pricing });
      break;
    }
    case 'cost': {
      const cost = doc.actors[item.actor]?.costs?.[item.index];
      words = t('canvas.cost', { name: cost?.name ?? t('cost.number', { name: actor(item.actor), n: item.index + 1 }), kind: t(`costKind.${item.costKind}`) });
      break;
    }
  }
  return 'amount' in item && item.amount !== undefined ? t('canvas.withAmount', { text: words, amount: figure(item.amount) }) : words;
}
