import { describe, expect, it } from 'vitest';
import { rateDifference, rateRatio, wilsonInterval } from './intervals.js';

// References: statsmodels 0.13.5 (Debian python3-statsmodels), run with /usr/bin/python3:
//   from statsmodels.stats.proportion import proportion_confint, confint_proportions_2indep as c
const close = (actual: number, expected: number, digits = 10) => expect(actual).toBeCloseTo(expected, digits);

describe('Wilson interval', () => {
  it('matches statsmodels for a middle rate and for 0 % and 100 %', () => {
    // proportion_confint(12, 50, method='wilson') → (0.1429739139699172, 0.3741268375794292)
    const mid = wilsonInterval({ successes: 12, trials: 50 });
    close(mid.interval.low, 0.1429739139699172);
    close(mid.interval.high, 0.3741268375794292);
    expect(mid.method).toBe('wilson');
    // proportion_confint(0, 10, method='wilson') → (0.0, 0.27753279986288926)
    const none = wilsonInterval({ successes: 0, trials: 10 });
    expect(none.interval.low).toBe(0);
    close(none.interval.high, 0.27753279986288926);
    // proportion_confint(10, 10, method='wilson') → (0.7224672001371106, 1.0)
    const all = wilsonInterval({ successes: 10, trials: 10 });
    close(all.interval.low, 0.7224672001371106);
    expect(all.interval.high).toBe(1);
  });
});

describe('difference of rates, Newcombe hybrid score', () => {
  it.each([
    // c(12, 50, 5, 50, method='newcomb', compare='diff') → (-0.009397279766490851, 0.2855506705896387)
    [12, 50, 5, 50, 0.95, -0.009397279766490851, 0.2855506705896387],
    // c(12, 50, 5, 50, method='newcomb', compare='diff', alpha=0.1) → (0.015536480243118253, 0.2619595967145436)
    [12, 50, 5, 50, 0.9, 0.015536480243118253, 0.2619595967145436],
    // zero count: c(0, 10, 5, 10, method='newcomb', compare='diff') → (-0.7634069094874361, -0.11736746745022203)
    [0, 10, 5, 10, 0.95, -0.7634069094874361, -0.11736746745022203],
    // 100 %: c(10, 10, 4, 10, method='newcomb', compare='diff') → (0.2005243216429799, 0.8318196702937639)
    [10, 10, 4, 10, 0.95, 0.2005243216429799, 0.8318196702937639],
    // unequal groups, 100 % and 0 %: c(5, 7, 0, 9, method='newcomb', compare='diff') → (0.24978352944592264, 0.9177810759959432)
    [5, 7, 0, 9, 0.95, 0.24978352944592264, 0.9177810759959432],
    // large: c(300, 2000, 250, 2000, method='newcomb', compare='diff') → (0.003648641165289939, 0.04635857291284254)
    [300, 2000, 250, 2000, 0.95, 0.003648641165289939, 0.04635857291284254],
  ])('%i/%i against %i/%i at %f', (xa, na, xb, nb, level, low, high) => {
    const d = rateDifference({ successes: xa, trials: na }, { successes: xb, trials: nb }, level);
    close(d.estimate, xa / na - xb / nb, 14);
    close(d.interval.low, low);
    close(d.interval.high, high);
    expect(d.method).toBe('newcombe-hybrid-score');
  });
});

describe('ratio of rates, Katz log', () => {
  it.each([
    // c(12, 50, 5, 50, method='log', compare='ratio') → (0.9126904183465643, 6.311011800074391)
    [12, 50, 5, 50, 0.95, 0.9126904183465643, 6.311011800074391, 'katz-log'],
    // alpha=0.1 → (1.0661795133841134, 5.402467340342563)
    [12, 50, 5, 50, 0.9, 1.0661795133841134, 5.402467340342563, 'katz-log'],
    // c(10, 10, 4, 10, method='log', compare='ratio') → (1.170229571764315, 5.340832389474732)
    [10, 10, 4, 10, 0.95, 1.170229571764315, 5.340832389474732, 'katz-log'],
    // c(300, 2000, 250, 2000, method='log', compare='ratio') → (1.026693277410549, 1.402561048838133)
    [300, 2000, 250, 2000, 0.95, 1.026693277410549, 1.402561048838133, 'katz-log'],
    // a zero count: method='log' divides by zero in statsmodels; 'log-adjusted' adds 0.5:
    // c(0, 10, 5, 10, method='log-adjusted', compare='ratio') → (0.005720512780349341, 1.4447066420875407)
    [0, 10, 5, 10, 0.95, 0.005720512780349341, 1.4447066420875407, 'katz-log-adjusted'],
    // c(5, 7, 0, 9, method='log-adjusted', compare='ratio') → (0.9067434866264004, 214.10440840339567)
    [5, 7, 0, 9, 0.95, 0.9067434866264004, 214.10440840339567, 'katz-log-adjusted'],
  ] as const)('%i/%i over %i/%i at %f', (xa, na, xb, nb, level, low, high, method) => {
    const r = rateRatio({ successes: xa, trials: na }, { successes: xb, trials: nb }, level);
    expect(r.interval.low / low).toBeCloseTo(1, 10);
    expect(r.interval.high / high).toBeCloseTo(1, 10);
    expect(r.method).toBe(method);
  });

  it('gives the plain ratio when no count is zero', () => {
    // 12/50 ÷ 5/50 = 2.4 by hand
    close(rateRatio({ successes: 12, trials: 50 }, { successes: 5, trials: 50 }).estimate, 2.4, 14);
  });
});

describe('bad counts', () => {
  it('refuses counts that are not counts', () => {
    expect(() => wilsonInterval({ successes: 3, trials: 0 })).toThrow(/no-trials/);
    expect(() => wilsonInterval({ successes: 6, trials: 5 })).toThrow(/successes-out-of-range/);
    expect(() => rateDifference({ successes: 1.5, trials: 5 }, { successes: 1, trials: 5 })).toThrow(/not-whole/);
    expect(() => wilsonInterval({ successes: 1, trials: 5 }, 1)).toThrow(/level/);
  });
});
