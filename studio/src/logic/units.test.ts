import { describe, expect, it } from 'vitest';
import { unitPieces } from './units.js';

const words = (unit: string, value: number, locale: 'en' | 'fr') => unitPieces(unit, value, locale).map((p) => (p.own ? `[${p.text}]` : p.text)).join('');

describe('a parameter unit in words', () => {
  it('puts period words in the reader’s language, singular after a slash', () => {
    expect(words('EUR/month', 40, 'fr')).toBe('[EUR]/mois');
    expect(words('EUR/month', 40, 'en')).toBe('[EUR]/month');
    expect(words('connections / year', 3, 'fr')).toBe('[connections]/année');
  });

  it('counts period words and people by the value (French singular below 2)', () => {
    expect(words('month', 12, 'fr')).toBe('mois');
    expect(words('month', 12, 'en')).toBe('months');
    expect(words('months', 1, 'en')).toBe('month');
    expect(words('year', 1.5, 'fr')).toBe('an');
    expect(words('people', 100000, 'fr')).toBe('personnes');
    expect(words('people', 1, 'en')).toBe('person');
    expect(words('subscribers', 1, 'fr')).toBe('abonné');
  });

  it('keeps the model’s own words as written', () => {
    expect(words('evenings/month', 2, 'fr')).toBe('[evenings]/mois');
    expect(words('EUR', 5, 'fr')).toBe('[EUR]');
    expect(words('kWh', 5, 'en')).toBe('[kWh]');
  });
});
