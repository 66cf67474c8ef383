/**
 * Number formats for tables and prose, in the reader's language (1,234.5 or 1 234,5): thousands
 * separators, a true minus sign, and no false precision. Machine formats (CSV, JSON) never come
 * here.
 */
import { formatNumber, numberFormat, type Locale } from '../../i18n/index.js';

/** Money: whole units from 100 up, cents below; −0 shown as 0. */
export function formatMoney(locale: Locale, x: number): string {
  if (Object.is(Math.round(x * 100) / 100, -0) || Math.abs(x) < 0.005) return '0';
  return formatNumber(locale, x, Math.abs(x) >= 100 ? 0 : 2);
}

/** Counts: whole numbers from 100 up, two decimals below (4.5 transactions, 9,513 members). */
export function formatCount(locale: Locale, x: number): string {
  return formatNumber(locale, x, Math.abs(x) >= 100 ? 0 : 2);
}

/** Counts and prices in prose: whole numbers from 100 up, else 3 significant digits. */
export function formatFigure(locale: Locale, x: number): string {
  if (Math.abs(x) >= 100) return formatNumber(locale, Math.round(x), 0);
  return formatNumber(locale, Number(x.toPrecision(3)), 20);
}

/** A figure to 6 significant digits (simulation results). */
export function formatSignificant(locale: Locale, x: number | undefined): string {
  if (x === undefined) return '—';
  if (!Number.isFinite(x)) return formatNumber(locale, x);
  return formatNumber(locale, Number(x.toPrecision(6)), 20);
}

/**
 * A fraction as a percentage with one decimal: "12.5 %" in English, "12,5 %" in French, where the
 * sign follows a narrow no-break space (the French rule).
 */
export function formatPercent(locale: Locale, x: number): string {
  const figure = numberFormat(locale, 1, 1).format(x * 100).replace('-', '−');
  return `${figure}${locale === 'fr' ? '\u202f' : ' '}%`;
}

/** A share of a total, or a dash where it has none. */
export function formatShare(locale: Locale, x: number | undefined): string {
  return x === undefined ? '—' : formatPercent(locale, x);
}
