/**
 * Van Westendorp and Gabor–Granger against an independent reference.
 *
 * No published worked example with its data and its four price points was found (the corpora
 * searched: R's pricesensitivitymeter documentation, whose examples draw random data with no seed
 * or print one row of curves only; practitioners' pages, which print charts). The reference is
 * therefore the R package's own algorithm, read from its source and re-run in numpy on the
 * respondents below:
 *   pricesensitivitymeter (Alletsee), R/psm_functions.R, psm_analysis():
 *     data_ecdf$ecdf_toocheap <- 1 - ecdf(toocheap)(price)   # "reversed in the original paper"
 *     data_ecdf$ecdf_cheap <- 1 - ecdf(cheap)(price)
 *     data_ecdf$ecdf_expensive <- ecdf(expensive)(price); data_ecdf$ecdf_tooexpensive <- ecdf(tooexpensive)(price)
 *     pricerange_lower <- identify_intersection(data_ecdf, "ecdf_not_cheap", "ecdf_toocheap", "min")
 *     pricerange_upper <- identify_intersection(data_ecdf, "ecdf_tooexpensive", "ecdf_not_expensive", "min")
 *     idp <- identify_intersection(data_ecdf, "ecdf_expensive", "ecdf_cheap", "min")
 *     opp <- identify_intersection(data_ecdf, "ecdf_tooexpensive", "ecdf_toocheap", "min")
 *   R/psm-utils.R: identify_intersection() takes the first price where var1 >= var2 (then the
 *   smallest price with the same two values), with no interpolation unless interpolate = TRUE,
 *   which first spreads the curves by approx() on a grid of interpolation_steps = 0.01.
 * The numpy lines (/usr/bin/python3, numpy 1.24):
 *   rng = np.random.default_rng(2026); n = 30
 *   tc, ch = np.round(rng.normal(5, 1, n), 1), np.round(rng.normal(8, 1.5, n), 1)
 *   ex, te = np.round(rng.normal(12, 1.5, n), 1), np.round(rng.normal(15, 2, n), 1)
 *   valid = (te > ex) & (ex > ch) & (ch > tc); price = np.unique(all four of the valid)
 *   curves as above with ecdf(v)(p) = mean(v <= p); ident(p, v1, v2): first index of v1 >= v2,
 *   then min(p) over the indices where both curves take the same values
 *   interpolate = TRUE: grid = np.round(np.arange(min, max + 1e-9, 0.01), 2), np.interp of each curve
 * → 3 invalid; at 10.5 the curves are too cheap 0, cheap 2/27, expensive 7/27, too expensive 0.
 * In floats numpy (as R) names PMC 6.7, PME 12.9, OPP 6.8, IDP 10.2, and on the 0.01 grid 6.41,
 * 12.81, 6.8, 10.11. But at 6.4 the two curves are equal, 1/27 each, and floats put them a hair
 * apart the wrong way: 1 − (1 − 1/27) = 0.03703703703703698 < 1 − 26/27 = 0.03703703703703709;
 * likewise at 12.8 (5/27 each) and 10.1. The same lines with fractions.Fraction counts instead
 * → PMC 6.4, PME 12.8, OPP 6.8, IDP 10.1: the rule itself, var1 >= var2, holds there. Symbiose
 * counts shares exactly enough to see the tie (within 1e-12), so it gives the rule's answer.
 */
import { describe, expect, it } from 'vitest';
import { demandCurve } from './gabor-granger.js';
import { priceSensitivity } from './van-westendorp.js';

const SURVEY = [
  [4.2, 6.2, 10.5, 16.2], [5.2, 10, 10.5, 11.1], [3.1, 9.3, 10.5, 11.4], [6.4, 9.7, 9.9, 12.4], [5.6, 6.7, 10.6, 15.2],
  [4.7, 9, 13.9, 19.1], [4.7, 7.2, 11.1, 14.2], [5.3, 7.3, 12.4, 15.5], [4.7, 8.8, 10.2, 12.9], [4.8, 9.3, 12.3, 12.9],
  [5.7, 8.3, 9.4, 11.1], [5.5, 7.1, 11, 14.9], [4.9, 6.8, 15.4, 16.9], [4.9, 10.2, 11.1, 14.3], [5.2, 8.9, 13.7, 17.8],
  [4.4, 9.1, 12.7, 15.4], [4.6, 11.3, 11.8, 14.9], [5.5, 6.8, 11, 16], [4.9, 11.8, 13.9, 16], [3.6, 12.7, 11.7, 17.3],
  [4.5, 10.4, 14.3, 13.4], [5.7, 9.2, 10.9, 10.4], [4.8, 7, 12.1, 15.2], [4.9, 9.5, 12.7, 13.8], [5.6, 7.3, 12.6, 14.9],
  [6.8, 8, 10.1, 18.3], [4.3, 7.6, 11, 12.8], [6.3, 8.4, 11.7, 16.5], [3.8, 9.9, 10.7, 16.9], [5.2, 7.2, 13, 15.9],
].map(([tooCheap, cheap, expensive, tooExpensive]) => ({ tooCheap: tooCheap!, cheap: cheap!, expensive: expensive!, tooExpensive: tooExpensive! }));

describe("Van Westendorp against pricesensitivitymeter's algorithm", () => {
  const r = priceSensitivity(SURVEY);

  it('sets aside the same three respondents and draws the same curves', () => {
    expect([r.respondents, r.inconsistent]).toEqual([30, 3]);
    const at = (p: number) => r.curves.prices.indexOf(p);
    const k = at(10.5);
    expect([r.curves.tooCheap[k], r.curves.cheap[k], r.curves.expensive[k], r.curves.tooExpensive[k]]).toEqual([0, 2 / 27, 7 / 27, 0]);
    // at 12.9: too expensive 7/27 (0.25925925925925924), expensive 22/27 (0.8148148148148148)
    expect(r.curves.tooExpensive[at(12.9)]).toBeCloseTo(7 / 27, 15);
    expect(r.curves.expensive[at(12.9)]).toBeCloseTo(22 / 27, 15);
  });

  it('gives psm_analysis(interpolate = FALSE)’s four price points at the prices named, ties where the curves are equal', () => {
    expect(r.atNamedPrice).toEqual({ pmc: 6.4, pme: 12.8, opp: 6.8, ipp: 10.1 });
  });

  it('interpolates between the prices named, within the 0.01 grid of psm_analysis(interpolate = TRUE)', () => {
    // The grid takes the first 0.01 step at or past the crossing: ours lies at most 0.01 below it.
    for (const [ours, grid] of [[r.pmc, 6.41], [r.pme, 12.81], [r.opp, 6.8], [r.ipp, 10.11]] as const) {
      expect(ours!).toBeLessThanOrEqual(grid + 1e-9);
      expect(ours!).toBeGreaterThan(grid - 0.01 - 1e-9);
    }
    // Where the curves are equal at a price named, the point is that price.
    expect([r.pmc, r.pme, r.ipp]).toEqual([6.4, 12.8, 10.1]);
    // OPP by hand: too cheap − too expensive is 1/27 at 6.7 (only the 6.8 too-cheap price lies above)
    // and 0 at 6.8, where both curves are 0.
    expect(r.opp).toBe(6.8);
  });
});

describe('Gabor–Granger against numpy and statsmodels', () => {
  // rng = np.random.default_rng(18); wtp = rng.gamma(4, 3.5, 40); answer at p: wtp >= p, for
  // p in 5, 10, 15, 20; respondent 4 left 15 blank and respondent 18 left 5 blank. Per price
  // (buyers, answered, share, revenue, proportion_confint(b, n, method='wilson')):
  //   5: 38, 39, 0.9743589743589743, 4.871794871794871, (0.8681900983014992, 0.9954592968990099)
  //  10: 26, 40, 0.65, 6.5, (0.4950588083725769, 0.7786547112682372)
  //  15: 13, 39, 0.3333333333333333, 5.0, (0.20632956189598367, 0.49022605600654007)
  //  20:  6, 40, 0.15, 3.0, (0.07061187717320357, 0.2907232436648971)
  // The revenue per respondent is largest at 10.
  const code = [
    'yynn', 'yyyn', 'yyyy', 'yy.n', 'yyyy', 'ynnn', 'yyyn', 'yyyy', 'yyyy', 'yynn', 'yynn', 'ynnn', 'yynn', 'yynn', 'ynnn', 'yynn', 'yynn', '.yyn', 'yynn', 'yyyn',
    'yynn', 'yyyn', 'ynnn', 'nnnn', 'ynnn', 'yynn', 'yyyy', 'yyyy', 'ynnn', 'ynnn', 'yyyn', 'ynnn', 'ynnn', 'ynnn', 'ynnn', 'yynn', 'yynn', 'yyyn', 'ynnn', 'ynnn',
  ];
  const answers = code.map((row) => [...row].map((c) => (c === '.' ? undefined : c === 'y')));

  it('the demand, its Wilson interval and the revenue at each price, and the best price', () => {
    const r = demandCurve([5, 10, 15, 20], answers);
    expect(r.points.map((p) => [p.price, p.buyers, p.asked])).toEqual([[5, 38, 39], [10, 26, 40], [15, 13, 39], [20, 6, 40]]);
    const expected = [
      [0.9743589743589743, 4.871794871794871, 0.8681900983014992, 0.9954592968990099],
      [0.65, 6.5, 0.4950588083725769, 0.7786547112682372],
      [0.3333333333333333, 5.0, 0.20632956189598367, 0.49022605600654007],
      [0.15, 3.0, 0.07061187717320357, 0.2907232436648971],
    ];
    r.points.forEach((p, i) => {
      const [share, revenue, low, high] = expected[i]!;
      expect(p.demand).toBeCloseTo(share!, 14);
      expect(p.revenue).toBeCloseTo(revenue!, 13);
      expect(p.interval.low).toBeCloseTo(low!, 10);
      expect(p.interval.high).toBeCloseTo(high!, 10);
    });
    expect(r.bestPrice).toBe(10);
  });
});
