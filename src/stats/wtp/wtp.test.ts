import { describe, expect, it } from 'vitest';
import { demandCurve } from './gabor-granger.js';
import { crossing, priceSensitivity } from './van-westendorp.js';

describe("Van Westendorp's price sensitivity meter", () => {
  // Five consistent respondents (too cheap, cheap, expensive, too expensive) and one who is not.
  const answers = [
    [2, 4, 6, 8],
    [3, 5, 7, 10],
    [1, 3, 5, 7],
    [2, 4, 8, 12],
    [4, 6, 9, 11],
    [5, 4, 6, 8], // too cheap above cheap: set aside
  ].map(([tooCheap, cheap, expensive, tooExpensive]) => ({ tooCheap: tooCheap!, cheap: cheap!, expensive: expensive!, tooExpensive: tooExpensive! }));

  it('the curves by hand over the prices named (1 to 12)', () => {
    const r = priceSensitivity(answers);
    expect(r.respondents).toBe(6);
    expect(r.inconsistent).toBe(1);
    const c = r.curves;
    expect(c.prices).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // too cheap = share of too-cheap prices (2, 3, 1, 2, 4) above p.
    expect(c.tooCheap.slice(0, 5)).toEqual([0.8, 0.4, 0.2, 0, 0]);
    // cheap = share of cheap prices (4, 5, 3, 4, 6) above p; not cheap its complement.
    expect(c.cheap.slice(0, 7)).toEqual([1, 1, 0.8, 0.4, 0.2, 0, 0]);
    // expensive = share of expensive prices (6, 7, 5, 8, 9) at most p.
    expect(c.expensive.slice(3, 9)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    // too expensive = share of too-expensive prices (8, 10, 7, 12, 11) at most p.
    expect(c.tooExpensive.slice(5)).toEqual([0, 0.2, 0.4, 0.4, 0.6, 0.8, 1]);
  });

  it('the four price points by hand', () => {
    const r = priceSensitivity(answers);
    // PMC: too cheap − not cheap = 0.8, 0.4, 0.2 − 0.2 = 0 at 3.
    expect(r.pmc).toBe(3);
    // PME: not expensive − too expensive = 0.6 at 6, 0.4 − 0.2 = 0.2 at 7, 0.2 − 0.4 = −0.2 at 8:
    // crossing at 7 + 0.2 / 0.4 = 7.5.
    expect(r.pme).toBe(7.5);
    // OPP: too cheap − too expensive = 0.2 at 3, 0 at 4.
    expect(r.opp).toBe(4);
    // IPP: cheap − expensive = 0.4 at 4, 0.2 − 0.2 = 0 at 5.
    expect(r.ipp).toBe(5);
    expect(r.pmc! <= r.opp! && r.opp! <= r.pme!).toBe(true);
  });

  it('interpolates between the prices named, and says when curves never cross', () => {
    expect(crossing([10, 20], [0.6, 0.2], [0.1, 0.5])).toBeCloseTo(10 + (10 * 0.5) / 0.8, 12); // d = 0.5, then −0.3
    expect(crossing([10, 20], [0.9, 0.8], [0.1, 0.2])).toBeUndefined();
    expect(() => priceSensitivity([{ tooCheap: 4, cheap: 3, expensive: 2, tooExpensive: 1 }])).toThrow(/rising/);
  });
});

describe('Gabor–Granger demand and revenue by price', () => {
  it('by hand: four respondents at 10, 20 and 30, one blank', () => {
    const r = demandCurve(
      [30, 10, 20],
      [
        [false, true, true],
        [false, true, false],
        [true, true, true],
        [undefined, true, true],
      ],
    );
    // At 10: 4 of 4 buy (revenue 10); at 20: 3 of 4 (15); at 30: 1 of the 3 who answered (10).
    expect(r.points.map((p) => [p.price, p.buyers, p.asked, p.revenue])).toEqual([
      [10, 4, 4, 10],
      [20, 3, 4, 15],
      [30, 1, 3, 10],
    ]);
    expect(r.bestPrice).toBe(20);
    // Wilson 95 % for 3 of 4 (statsmodels proportion_confint(3, 4, method='wilson')): (0.30064184258240184, 0.9544127391902995)
    expect(r.points[1]!.interval.low).toBeCloseTo(0.30064184258240184, 10);
    expect(r.points[1]!.interval.high).toBeCloseTo(0.9544127391902995, 10);
  });

  it('nobody buys: no best price', () => {
    expect(demandCurve([5], [[false], [false]]).bestPrice).toBeUndefined();
  });
});
