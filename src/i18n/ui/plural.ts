/**
 * Plurals and period words for the catalogues. English takes the singular for exactly 1; French
 * for values below 2 (« 1,5 transaction », « 0 erreur »), as the CLDR rules say.
 */
import type { Locale } from '../locale.js';
import { fill, type Params, type Template } from '../template.js';

export function isSingular(locale: Locale, count: number): boolean {
  return locale === 'fr' ? Math.abs(count) < 2 : count === 1;
}

/** A template in two forms, chosen by the `count` parameter ({n} or {count} shows the number). */
export function plural(one: string, other: string): Template {
  return (params: Params, locale: Locale) => fill(isSingular(locale, Number(params.count)) ? one : other, params, locale);
}

/** A template chosen by the `period` parameter (day, week, month, quarter, year). */
export function byPeriod(forms: Record<string, string>): Template {
  return (params: Params, locale: Locale) => fill(forms[String(params.period)] ?? String(params.period), params, locale);
}

/** Period nouns in two forms, by `period` and `count`. */
export function periodNoun(forms: Record<string, [one: string, other: string]>): Template {
  return (params: Params, locale: Locale) => {
    const [one, other] = forms[String(params.period)] ?? [String(params.period), String(params.period)];
    return fill(isSingular(locale, Number(params.count)) ? one : other, params, locale);
  };
}
