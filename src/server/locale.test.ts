import { describe, expect, it } from 'vitest';
import { requestLocale } from './locale.js';

describe('requestLocale', () => {
  it('takes ?lang first, then the best language of Accept-Language that Symbiose speaks, then English', () => {
    expect(requestLocale('fr', 'en')).toBe('fr');
    expect(requestLocale('de', 'fr-CA,fr;q=0.9')).toBe('fr');
    expect(requestLocale(undefined, 'de-DE,de;q=0.9,fr;q=0.8,en;q=0.7')).toBe('fr');
    // Weights, not order, rank the languages; q=0 means "not this one".
    expect(requestLocale(undefined, 'en;q=0.5, fr;q=0.9')).toBe('fr');
    expect(requestLocale(undefined, 'fr;q=0, en')).toBe('en');
    expect(requestLocale(undefined, 'de, es')).toBe('en');
    expect(requestLocale(undefined, undefined)).toBe('en');
  });
});
