/**
 * The language of a request's words (pure): `?lang=fr|en`, else the first language of
 * Accept-Language that Symbiose speaks (by its q weight), else English.
 */
import { DEFAULT_LOCALE, parseLocale, type Locale } from '../i18n/index.js';

export function requestLocale(lang: string | undefined, acceptLanguage: string | undefined): Locale {
  const asked = parseLocale(lang);
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranked) {
    const locale = parseLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
