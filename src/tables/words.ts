/** Words shared by the renderers: the catalogue in one language, periods, lists, cost names. */
import { transactionName } from '../analyses/index.js';
import type { ModelDocument, Period } from '../core/index.js';
import { text, type Locale, type Params, type UiKey } from '../i18n/index.js';
import { formatCount } from './numbers.js';

/** The catalogue of one language as a function of keys. */
export function words(locale: Locale): (key: UiKey, params?: Params) => string {
  return (key, params) => text(locale, key, params);
}

/** "24 months", "24 mois", "1 year". */
export function periodCount(locale: Locale, period: Period, count: number): string {
  return text(locale, 'period.count', { period, count, n: formatCount(locale, count) });
}

/** A period by its number: "month 41", "mois 41". */
export function periodAt(locale: Locale, period: Period, n: number): string {
  return text(locale, 'period.at', { period, n });
}

/** Items joined as the language lists them. */
export function listOf(locale: Locale, items: string[]): string {
  return items.join(text(locale, 'list.separator'));
}

/**
 * A cost line's name as the model writes it (actors.ACTOR.costs[index].name). Two lines of one
 * actor may share a name: each then says what drives it, or its place in the list.
 */
export function costName(doc: ModelDocument, actor: string, index: number, locale: Locale): string {
  const costs = doc.actors[actor]?.costs ?? [];
  const cost = costs[index];
  if (!cost) return `${actor}.costs[${index}]`;
  const namesakes = costs.filter((c) => c.name === cost.name);
  if (namesakes.length === 1) return cost.name;
  const drivers = namesakes.map((c) => c.per);
  if (cost.per !== undefined && drivers.filter((p) => p === cost.per).length === 1) {
    return text(locale, 'cost.per', { name: cost.name, transaction: transactionName(doc, cost.per) });
  }
  return text(locale, 'cost.number', { name: cost.name, n: index + 1 });
}
