/**
 * Van Westendorp's four curves as a terminal chart: one letter per curve (t too cheap, c cheap,
 * e expensive, x too expensive; * where two meet), the share of respondents up the side and the
 * prices along the bottom, with the four price points marked under the axis.
 */
import { formatNumber, type Locale } from '../../i18n/index.js';
import type { PriceSensitivity } from '../../stats/index.js';
import { t } from '../lang.js';

const WIDTH = 64;
const HEIGHT = 15;

/** A curve's value at price p, linear between the prices named, flat beyond them. */
function valueAt(prices: readonly number[], values: readonly number[], p: number): number {
  if (p <= prices[0]!) return values[0]!;
  for (let i = 1; i < prices.length; i++) {
    if (p <= prices[i]!) return values[i - 1]! + ((values[i]! - values[i - 1]!) * (p - prices[i - 1]!)) / (prices[i]! - prices[i - 1]!);
  }
  return values.at(-1)!;
}

export function priceChart(result: PriceSensitivity, locale: Locale): string {
  const { prices } = result.curves;
  const lo = prices[0]!;
  const hi = prices.at(-1)!;
  const priceOf = (x: number) => lo + ((hi - lo) * x) / (WIDTH - 1);
  const column = (p: number) => Math.round(((p - lo) / (hi - lo || 1)) * (WIDTH - 1));
  const grid = Array.from({ length: HEIGHT }, () => Array<string>(WIDTH).fill(' '));
  const curves: Array<[string, readonly number[]]> = [
    ['t', result.curves.tooCheap],
    ['c', result.curves.cheap],
    ['e', result.curves.expensive],
    ['x', result.curves.tooExpensive],
  ];
  for (const [mark, values] of curves) {
    for (let x = 0; x < WIDTH; x++) {
      const row = HEIGHT - 1 - Math.round(valueAt(prices, values, priceOf(x)) * (HEIGHT - 1));
      grid[row]![x] = grid[row]![x] === ' ' ? mark : '*';
    }
  }
  const label = (row: number) => (row === 0 ? '100 %' : row === HEIGHT - 1 ? '0 %' : row === (HEIGHT - 1) / 2 ? '50 %' : '').padStart(6);
  const lines = grid.map((cells, row) => `${label(row)} │${cells.join('')}`);
  lines.push(`${' '.repeat(6)} └${'─'.repeat(WIDTH)}`);
  const marks = Array<string>(WIDTH).fill(' ');
  const points: Array<[string, number | undefined]> = [['PMC', result.pmc], ['OPP', result.opp], ['IPP', result.ipp], ['PME', result.pme]];
  points.forEach(([, p], i) => {
    if (p !== undefined) marks[column(p)] = String(i + 1);
  });
  lines.push(`${' '.repeat(8)}${marks.join('')}`);
  const ends = `${formatNumber(locale, lo, 2)}${' '.repeat(Math.max(1, WIDTH - formatNumber(locale, lo, 2).length - formatNumber(locale, hi, 2).length))}${formatNumber(locale, hi, 2)}`;
  lines.push(`${' '.repeat(8)}${ends}`);
  lines.push(t('wtp.chartLegend'));
  return lines.join('\n') + '\n';
}
