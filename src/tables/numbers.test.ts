import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, formatMoney, formatPercent, formatShare, printExactAmounts } from './numbers.js';

const NNBSP = '\u202f';

describe('numbers in the reader’s language', () => {
  it('money: whole units from 100 up, cents below, a true minus, −0 as 0', () => {
    printExactAmounts(true);
    expect(formatMoney('en', -1_080_000)).toBe('−1,080,000');
    expect(formatMoney('fr', -1_080_000)).toBe(`−1${NNBSP}080${NNBSP}000`);
    printExactAmounts(false);
    expect(formatMoney('en', 9_999)).toBe('9,999');
    expect(formatMoney('fr', 12.345)).toBe('12,35');
    expect(formatMoney('en', 12.345)).toBe('12.35');
    expect(formatMoney('fr', -0.001)).toBe('0');
  });

  it('money from 10,000 up: three significant digits and k, M, G or T, unless exact', () => {
    // 28,540,051 / 10^6 = 28.540051 → 28.5 M; 252,260,026,806 / 10^9 = 252.26 → 252 G.
    expect(formatMoney('en', 28_540_051)).toBe('28.5 M');
    expect(formatMoney('en', 252_260_026_806)).toBe('252 G');
    expect(formatMoney('en', -2_794_254_517)).toBe('−2.79 G');
    expect(formatMoney('en', 86_400)).toBe('86.4 k');
    expect(formatMoney('en', 10_000)).toBe('10 k');
    expect(formatMoney('en', 4.2e12)).toBe('4.2 T');
    // 999,960 is 999.96 k, which rounds to 1,000 k: one unit up.
    expect(formatMoney('en', 999_960)).toBe('1 M');
    expect(formatMoney('fr', -2_794_254_517)).toBe('−2,79\u00a0G');
    printExactAmounts(true);
    expect(formatMoney('en', 28_540_051)).toBe('28,540,051');
    printExactAmounts(false);
  });

  it('counts and prose figures', () => {
    expect(formatCount('fr', 4.5)).toBe('4,5');
    expect(formatCount('en', 9512.8)).toBe('9,513');
    expect(formatFigure('fr', 2.5)).toBe('2,5');
    expect(formatFigure('fr', 0.000123456)).toBe('0,000123');
    expect(formatFigure('en', 1234.6)).toBe('1,235');
  });

  it('percentages: 8.0 % in English, 8,0 % with a narrow no-break space in French', () => {
    expect(formatPercent('en', 0.08)).toBe('8.0 %');
    expect(formatPercent('fr', 0.08)).toBe(`8,0${NNBSP}%`);
    expect(formatPercent('fr', -0.015)).toBe(`−1,5${NNBSP}%`);
    expect(formatShare('fr', undefined)).toBe('—');
  });
});
