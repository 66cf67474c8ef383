import { describe, expect, it } from 'vitest';
import { textIn, type ModelDocument } from '../core/index.js';
import { catalogueEntry, firstSentence, searchCatalogue } from './catalogue.js';

describe('firstSentence', () => {
  it('stops at the first full stop outside brackets and quotes', () => {
    expect(firstSentence('A platform. It grows.')).toBe('A platform.');
    expect(firstSentence('Pinduoduo (« Ensemble. Plus. ») buys in groups. Then more.')).toBe('Pinduoduo (« Ensemble. Plus. ») buys in groups.');
    expect(firstSentence('Version 2.0 ships\n today')).toBe('Version 2.0 ships today');
  });
});

describe('a card in two languages', () => {
  const doc = {
    symbiose: 4,
    name: 'Épicerie',
    label: 'Corner shop',
    description: { fr: 'Une épicerie de quartier. Elle vend du pain.', en: 'A corner shop. It sells bread.' },
    currency: 'EUR',
    period: 'month',
    horizon: 12,
    actors: {},
    valueObjects: {},
    transactions: {},
  } as unknown as ModelDocument;

  it('keeps the first sentence of each language, and reads it in either', () => {
    const entry = catalogueEntry('shop', doc);
    expect(entry.summary).toEqual({ fr: 'Une épicerie de quartier.', en: 'A corner shop.' });
    expect(textIn(entry.summary, 'fr')).toBe('Une épicerie de quartier.');
    expect(textIn({ fr: 'Seulement en français.' }, 'en')).toBe('Seulement en français.');
    expect(textIn('One text.', 'fr')).toBe('One text.');
  });

  it('is found by a word of either language', () => {
    const entries = [catalogueEntry('shop', doc)];
    expect(searchCatalogue(entries, 'quartier')).toHaveLength(1);
    expect(searchCatalogue(entries, 'corner')).toHaveLength(1);
    expect(searchCatalogue(entries, 'boulangerie')).toHaveLength(0);
  });
});
