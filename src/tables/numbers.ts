/**
 * Number formats for tables and prose, in the reader's language (1,234.5 or 1 234,5): thousands
 * separators, a true minus sign, and no false precision. Machine formats (CSV, JSON) never come
 * here.
 */
import { formatNumber, numberFormat, type Locale } from '../i18n/index.js';

let exactAmounts = false;

/**
 * Whether amounts print whole (1,234,567) rather than scaled (1.23 M): asked with --exact, and
 * always for the spreadsheet formats, which read the printed figures back as numbers.
 */
export function printExactAmounts(exact: boolean): void {
  exactAmounts = exact;
}

/** Whether amounts are printed scaled, so tables are narrow enough to fit a terminal. */
export function amountsScaled(): boolean {
  return !exactAmounts;
}

/** From the largest: an amount is shown in the largest unit it reaches. */
const SCALES = [
  { size: 1e12, unit: 'T' },
  { size: 1e9, unit: 'G' },
  { size: 1e6, unit: 'M' },
  { size: 1e3, unit: 'k' },
] as const;

/** Amounts from here up are scaled (12-digit figures made 216-column tables). */
const SCALED_FROM = 10_000;

/**
 * Money: whole units from 100 up, cents below; from 10,000 up, three significant digits and k, M,
 * G or T (28.5 M, −2.79 G) unless exact amounts are asked for; −0 shown as 0.
 */
export function formatMoney(locale: Locale, x: number): string {
  if (Object.is(Math.round(x * 100) / 100, -0) || Math.abs(x) < 0.005) return '0';
  if (!exactAmounts && Number.isFinite(x) && Math.abs(x) >= SCALED_FROM) return scaledAmount(locale, x);
  return formatNumber(locale, x, Math.abs(x) >= 100 ? 0 : 2);
}

function scaledAmount(locale: Locale, x: number): string {
  const index = SCALES.findIndex((s) => Math.abs(x) >= s.size);
  let { size, unit } = SCALES[index]!;
  let value = Number((x / size).toPrecision(3));
  // 999,960 rounds to 1,000 k: say 1 M instead.
  if (Math.abs(value) >= 1000 && index > 0) {
    ({ size, unit } = SCALES[index - 1]!);
    value = Number((x / size).toPrecision(3));
  }
  return `${formatNumber(locale, value, 2)}${locale === 'fr' ? '\u00a0' : ' '}${unit}`;
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
