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

describe('the French catalogue', () => {
  const strings = Object.entries(UI_CATALOGUES.fr).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

  it('follows French typography: no-break spaces before : ; ? ! and inside « »', () => {
    for (const [key, template] of strings) {
      expect(template, key).not.toMatch(/ [:;?!]/);
      expect(template, key).not.toMatch(/« | »/);
      // The colon takes a no-break space; ; ? ! a narrow one (when a space is there at all).
      expect(template, key).not.toMatch(/\u202f:|\u00a0[;?!]/);
    }
  });

  it('renders every template without a leftover placeholder, for every period and count', () => {
    // Every placeholder the string templates use, so function templates get theirs too.
    const names = Object.values(UI_CATALOGUES.en).flatMap((t) => (typeof t === 'string' ? [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!) : []));
    const params = { ...Object.fromEntries([...names, 'per', 'runs', 'command', 'received', 'file', 'warnings', 'basedOn'].map((name) => [name, 'x'])), n: 2, count: 2 };
    for (const locale of LOCALES) {
      for (const key of Object.keys(UI_CATALOGUES.en) as (keyof typeof UI_CATALOGUES.en)[]) {
        const template = UI_CATALOGUES[locale][key];
        if (typeof template !== 'function') continue;
        for (const period of ['day', 'week', 'month', 'quarter', 'year']) {
          for (const count of [0, 1, 1.5, 2]) {
            const rendered = text(locale, key, { ...params, period, count, n: count });
            expect(rendered, `${locale} ${key} ${period} ${count}`).not.toMatch(/\{\w+\}/);
          }
        }
      }
    }
  });

  it('takes the singular below 2 in French, only for 1 in English', () => {
    expect(text('fr', 'validate.actors', { count: 1 })).toBe('1 acteur');
    expect(text('fr', 'validate.actors', { count: 0 })).toBe('0 acteur');
    expect(text('en', 'validate.actors', { count: 0 })).toBe('0 actors');
    expect(text('fr', 'period.count', { period: 'year', count: 5, n: '5' })).toBe('5 ans');
    expect(text('en', 'period.count', { period: 'month', count: 1, n: '1' })).toBe('1 month');
  });
});

