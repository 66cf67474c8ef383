/** Words shared by the renderers: the catalogue in one language, periods, lists, cost names. */
import type { ModelDocument, Period } from '../../core/index.js';
import { text, type Locale, type Params, type UiKey } from '../../i18n/index.js';
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

/** A cost line's name as the model writes it (actors.ACTOR.costs[index].name). */
export function costName(doc: ModelDocument, actor: string, index: number): string {
  return doc.actors[actor]?.costs?.[index]?.name ?? `${actor}.costs[${index}]`;
}
