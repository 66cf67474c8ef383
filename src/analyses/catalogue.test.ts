import { describe, expect, it } from 'vitest';
import { firstSentence } from './catalogue.js';

describe('firstSentence', () => {
  it('stops at the first full stop outside brackets and quotes', () => {
    expect(firstSentence('A platform. It grows.')).toBe('A platform.');
    expect(firstSentence('Pinduoduo (« Ensemble. Plus. ») buys in groups. Then more.')).toBe('Pinduoduo (« Ensemble. Plus. ») buys in groups.');
    expect(firstSentence('Version 2.0 ships\n today')).toBe('Version 2.0 ships today');
  });
});
