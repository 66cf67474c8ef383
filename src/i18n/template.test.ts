import { describe, expect, it } from 'vitest';
import { fill } from './template.js';

describe('message templates', () => {
  it('puts each parameter in its placeholder, side by side too, and leaves a missing one visible', () => {
    expect(fill('a {x} b {y}{z} c', { x: 1, y: 'Y' }, 'en')).toBe('a 1 b Y{z} c');
    expect(fill('{x}', { x: 0 }, 'en')).toBe('0');
    expect(fill('no placeholder', {}, 'en')).toBe('no placeholder');
  });

  it('fills the same template again with other values', () => {
    expect(fill('{n} items', { n: 2 }, 'fr')).toBe('2 items');
    expect(fill('{n} items', { n: 3 }, 'fr')).toBe('3 items');
  });

  it('gives a function template its parameters and locale', () => {
    expect(fill((p, locale) => `${locale}:${p.n}`, { n: 5 }, 'fr')).toBe('fr:5');
  });
});
