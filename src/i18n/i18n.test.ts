import { describe, expect, it } from 'vitest';
import { chooseLocale, formatNumber, LOCALES, text, UI_CATALOGUES } from './index.js';

describe('locale', () => {
  it('takes the explicit choice, then SYMBIOSE_LANG, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(chooseLocale('fr', { SYMBIOSE_LANG: 'en' })).toBe('fr');
    expect(chooseLocale(undefined, { SYMBIOSE_LANG: 'fr', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(chooseLocale(undefined, { LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(chooseLocale(undefined, { LANG: 'fr_CA.UTF-8' })).toBe('fr');
    expect(chooseLocale(undefined, { LANG: 'C' })).toBe('en');
    expect(chooseLocale(undefined, {})).toBe('en');
  });
});

describe('numbers', () => {
  it('follow each language: 1,234.5 and 1 234,5 (narrow no-break space), a true minus', () => {
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('fr', 1234.5)).toBe('1\u202f234,5');
    expect(formatNumber('fr', -0.001)).toBe('0');
    expect(formatNumber('en', -12)).toBe('−12');
  });
});

describe('the interface catalogue', () => {
  it('has every key in every language, each with the same placeholders', () => {
    for (const key of Object.keys(UI_CATALOGUES.en) as (keyof typeof UI_CATALOGUES.en)[]) {
      const names = (t: unknown) => (typeof t === 'string' ? [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : []);
      for (const locale of LOCALES) {
        expect(UI_CATALOGUES[locale][key], `${locale} ${key}`).toBeDefined();
        expect(names(UI_CATALOGUES[locale][key]), `${locale} ${key}`).toEqual(names(UI_CATALOGUES.en[key]));
      }
    }
    expect(text('fr', 'program.description')).toContain('laboratoire');
  });
});
