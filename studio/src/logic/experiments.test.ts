import { describe, expect, it } from 'vitest';
import { percentOf, sharedDensity, withText, wholeOf } from './experiments.js';

describe('the Experiments tab’s reading of what is typed', () => {
  it('reads rates as percentages and sizes as whole numbers', () => {
    expect([percentOf('15'), percentOf('12,5 %'), percentOf('150'), percentOf('')]).toEqual([0.15, 0.125, undefined, undefined]);
    expect([wholeOf('50'), wholeOf('1\u202f000'), wholeOf('2.5'), wholeOf('-3')]).toEqual([50, 1000, undefined, undefined]);
  });
  it('edits the reader’s language of a text, keeping the other', () => {
    expect(withText({ fr: 'a', en: 'b' }, 'c', 'fr')).toEqual({ fr: 'c', en: 'b' });
    expect(withText('one', 'two', 'fr')).toBe('two');
  });
  it('puts two histograms on one axis as densities', () => {
    // [0, 2): 2 of 4 draws over a width of 2 → 0.25 per unit; [2, 4): 2 of 4 → 0.25.
    // The second: [1, 3) holds all 2 draws → 0.5 per unit.
    const { x, densities } = sharedDensity([{ edges: [0, 2, 4], bins: [2, 2] }, { edges: [1, 3], bins: [2] }]);
    expect(x).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(densities).toEqual([[0.25, 0.25, 0.25, 0.25], [0, 0.5, 0.5, 0]]);
  });
});
