import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, formatMoney, formatPercent, formatShare } from './numbers.js';

const NNBSP = '\u202f';

describe('numbers in the reader’s language', () => {
  it('money: whole units from 100 up, cents below, a true minus, −0 as 0', () => {
    expect(formatMoney('en', -1_080_000)).toBe('−1,080,000');
    expect(formatMoney('fr', -1_080_000)).toBe(`−1${NNBSP}080${NNBSP}000`);
    expect(formatMoney('fr', 12.345)).toBe('12,35');
    expect(formatMoney('en', 12.345)).toBe('12.35');
    expect(formatMoney('fr', -0.001)).toBe('0');
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
