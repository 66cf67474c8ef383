/**
 * Numbers as each language writes them: 1,234.5 in English, 1 234,5 in French (narrow no-break
 * space for thousands, comma for decimals, as Intl's fr-FR does).
 */
import type { Locale } from './locale.js';

const TAGS: Record<Locale, string> = { en: 'en-US', fr: 'fr-FR' };
const cache = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: Locale, maximumFractionDigits: number, minimumFractionDigits = 0): Intl.NumberFormat {
  const key = `${locale}:${maximumFractionDigits}:${minimumFractionDigits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits, minimumFractionDigits });
    cache.set(key, format);
  }
  return format;
}

/** A number with at most `digits` decimals, a true minus sign, and −0 shown as 0. */
export function formatNumber(locale: Locale, x: number, digits = 2): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const text = numberFormat(locale, digits).format(x);
  return /^-0([.,]0*)?$/.test(text) ? text.slice(1) : text.replace('-', '−');
}
