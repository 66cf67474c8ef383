import { describe, expect, it } from 'vitest';
import { gini, giniReading, herfindahl, hhiReading } from './concentration.js';

describe('concentration', () => {
  it('HHI: shares 50, 30, 20 give 2,500 + 900 + 400 = 3,800, highly concentrated', () => {
    expect(herfindahl([50, 30, 20])).toBeCloseTo(3800, 9);
    expect(hhiReading(3800)).toBe('high');
    // Ten equal holders: 10 × 10² = 1,000, the edge of "moderately concentrated".
    expect(herfindahl(Array(10).fill(7))).toBeCloseTo(1000, 9);
    expect(hhiReading(999)).toBe('unconcentrated');
    expect(hhiReading(1800)).toBe('moderate');
    expect(herfindahl([0, 0])).toBeUndefined();
  });

  it('Gini: (1, 2, 3, 4) gives Σ|xi − xj| = 20 over 2 · 4 · 10 = 0.25; one holder of four gives 3/4', () => {
    // Pairs: |1−2| + |1−3| + |1−4| + |2−3| + |2−4| + |3−4| = 10, counted twice = 20.
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
    expect(gini([0, 0, 0, 9])).toBeCloseTo(0.75, 12);
    expect(gini([5, 5, 5])).toBeCloseTo(0, 12);
    expect(giniReading(0.25)).toBe('low');
    expect(giniReading(0.35)).toBe('moderate');
    expect(giniReading(0.75)).toBe('high');
  });
});
