import { describe, expect, it } from 'vitest';
import { barnardExact, boschlooExact, EXACT_UNCONDITIONAL_MAX_TABLES, fisherExact, type Alternative } from './exact.js';
import { maximiseOnUnitInterval } from './tables.js';
import type { Counts } from './counts.js';

// A 2 × 2 table as scipy writes it, [[x_a, x_b], [n_a − x_a, n_b − x_b]]: the groups are columns.
function groups(table: readonly [readonly [number, number], readonly [number, number]]): [Counts, Counts] {
  const [[xa, xb], [fa, fb]] = table;
  return [{ successes: xa, trials: xa + fa }, { successes: xb, trials: xb + fb }];
}

// References: scipy 1.10.1 (Debian python3-scipy) with /usr/bin/python3, `from scipy import stats`.
// The unconditional tests' p-values are maxima found numerically (scipy: shgo on 32 Sobol points,
// here a 1,001-point grid and golden-section refinement), so they agree to about 1e-9.

describe("Fisher's exact test", () => {
  it("gives the tea-tasting table's two-sided p = 0.4857 (Fisher 1935; stats.fisher_exact([[3,1],[1,3]]) → 0.48571428571428565)", () => {
    const [a, b] = groups([[3, 1], [1, 3]]);
    const r = fisherExact(a, b);
    // Hand: the tables with the same margins have probabilities 1, 16, 36, 16, 1 over 70; the
    // observed one (16/70) and those no more likely: (1 + 16 + 16 + 1) / 70 = 34/70.
    expect(r.pValue).toBeCloseTo(34 / 70, 12);
    expect(r.statistic).toBe(9);
  });

  it.each([
    // stats.fisher_exact(t)[1]; alternative='less' / 'greater' as noted
    [[[7, 12], [8, 3]], 'two-sided', 0.12813593203398302],
    // stats.fisher_exact([[7, 12], [8, 3]], alternative='less') → 0.0640... (scipy's documented example)
    [[[7, 12], [8, 3]], 'less', 0.06406796601699151],
    [[[74, 31], [43, 32]], 'two-sided', 0.0817946749549986],
    [[[0, 5], [10, 5]], 'two-sided', 0.032507739938080496],
    [[[5, 7], [45, 43]], 'two-sided', 0.7596065442291386],
    [[[2, 7], [8, 2]], 'two-sided', 0.02301413756522116],
    [[[1, 0], [9, 14]], 'two-sided', 0.41666666666666674],
    // no success at all, or every trial a success: p = 1 (scipy returns 1.0)
    [[[0, 0], [10, 12]], 'two-sided', 1],
    [[[10, 12], [0, 0]], 'two-sided', 1],
  ] as const)('%j %s', (table, alternative, p) => {
    const [a, b] = groups(table);
    expect(fisherExact(a, b, alternative as Alternative).pValue).toBeCloseTo(p, 12);
  });
});

describe("Boschloo's exact test", () => {
  it.each([
    // stats.boschloo_exact(t, alternative=alt): (statistic, pvalue)
    [[[7, 12], [8, 3]], 'two-sided', 0.06406796601699151, 0.06821830932319489],
    [[[7, 12], [8, 3]], 'less', 0.06406796601699151, 0.034109154661597446],
    [[[7, 12], [8, 3]], 'greater', 0.9895302348825588, 0.9771215347573191],
    // scipy's documented example: boschloo_exact([[74, 31], [43, 32]], alternative='greater') → 0.0483..., 0.0355...
    [[[74, 31], [43, 32]], 'greater', 0.048312210086912236, 0.03556406430154671],
    [[[74, 31], [43, 32]], 'two-sided', 0.048312210086912236, 0.07112812860309342],
    [[[3, 1], [1, 3]], 'two-sided', 0.24285714285714283, 0.2890625000000001],
    [[[3, 1], [1, 3]], 'less', 0.9857142857142858, 0.8789062500000001],
    [[[0, 5], [10, 5]], 'two-sided', 0.016253869969040248, 0.012779235839843762],
    [[[5, 7], [45, 43]], 'two-sided', 0.3798032721145693, 0.6172994135892441],
    [[[2, 7], [8, 2]], 'two-sided', 0.01852172595206651, 0.019772281689281208],
    [[[1, 0], [9, 14]], 'two-sided', 0.41666666666666674, 0.5320088247102464],
    [[[0, 0], [10, 12]], 'two-sided', 1, 1],
  ] as const)('%j %s', (table, alternative, statistic, p) => {
    const [a, b] = groups(table);
    const r = boschlooExact(a, b, alternative as Alternative);
    expect(r.statistic).toBeCloseTo(statistic, 11);
    expect(r.pValue).toBeCloseTo(p, 8);
    expect(r.method).toBe('boschloo');
  });

  it("gives a one-sided p-value no larger than Fisher's on these tables (Boschloo 1970)", () => {
    for (const t of [[[7, 12], [8, 3]], [[2, 7], [8, 2]], [[0, 5], [10, 5]]] as const) {
      const [a, b] = groups(t);
      expect(boschlooExact(a, b, 'less').pValue).toBeLessThanOrEqual(fisherExact(a, b, 'less').pValue);
    }
  });
});

describe("Barnard's exact test (pooled Wald statistic)", () => {
  it.each([
    // stats.barnard_exact(t, alternative=alt): (statistic, pvalue)
    [[[74, 31], [43, 32]], 'two-sided', 1.8225863590257527, 0.07014838086276282],
    [[[74, 31], [43, 32]], 'greater', 1.8225863590257527, 0.046915954042768764],
    [[[3, 1], [1, 3]], 'two-sided', 1.414213562373095, 0.2890625000000001],
    [[[3, 1], [1, 3]], 'greater', 1.414213562373095, 0.14453125000000006],
    [[[0, 5], [10, 5]], 'two-sided', -2.581988897471611, 0.012779235839843764],
    [[[5, 7], [45, 43]], 'two-sided', -0.6154574548966638, 0.5840636239058331],
    [[[2, 7], [8, 2]], 'two-sided', -2.518474945156833, 0.01921081542968749],
    [[[1, 0], [9, 14]], 'two-sided', 1.2086643724448038, 0.32925628279356856],
    [[[0, 0], [10, 12]], 'two-sided', 0, 1],
  ] as const)('%j %s', (table, alternative, statistic, p) => {
    const [a, b] = groups(table);
    const r = barnardExact(a, b, alternative as Alternative);
    expect(r.statistic).toBeCloseTo(statistic, 12);
    expect(r.pValue).toBeCloseTo(p, 8);
  });

  it("counts the mirror table of scipy's documented example that scipy drops by rounding", () => {
    // stats.barnard_exact([[7, 12], [8, 3]], alternative='less') → -1.894..., 0.03407671636576781
    // (scipy's docstring: 0.03407...). The table (3, 8) has the same statistic as (7, 12) exactly,
    // by symmetry: p(1 − p) is the same for 11 and 19 successes of 30. In floats scipy gets
    // T(3, 8) = -1.894338076060206 > T(7, 12) = -1.8943380760602064 and leaves (3, 8) out. With it
    // in, numpy on a 100,001-point grid:
    //   n1 = n2 = 15; x1 = np.arange(16)[:, None]; x2 = np.arange(16)[None, :]
    //   t = (x1/n1 - x2/n2) / np.sqrt(p*(1-p)*(2/15)) with p = (x1+x2)/30, 0 where x1 == x2
    //   region = t <= obs*(1 - 1e-10)   (obs < 0; two-sided: abs(t) >= abs(obs)*(1 - 1e-10))
    //   max over pi in np.linspace(0, 1, 100001) of (comb(15,x1)*comb(15,x2)*pi**(x1+x2)*(1-pi)**(30-x1-x2))[region].sum()
    //   → 0.034109154654853396 at pi = 0.66345 (less), 0.06821830930970679 at 0.33655 (two-sided)
    // The grid maximum is a hair below the refined one; the p-value curve is symmetric in π here
    // (equal groups, mirror-closed region), so its peak is at π or 1 − π.
    const [a, b] = groups([[7, 12], [8, 3]]);
    const less = barnardExact(a, b, 'less');
    expect(less.statistic).toBeCloseTo(-1.8943380760602064, 14);
    expect(less.pValue).toBeCloseTo(0.034109154654853396, 10);
    expect(less.pValue).toBeGreaterThan(0.03407671636576781);
    expect(Math.min(less.nuisance!, 1 - less.nuisance!)).toBeCloseTo(1 - 0.66345, 3);
    expect(barnardExact(a, b).pValue).toBeCloseTo(0.06821830930970679, 10);
  });
});

describe('the nuisance maximisation', () => {
  it('finds a sharp interior maximum beyond the grid', () => {
    // f(x) = −(x − 0.123456789)²: maximum at 0.123456789, between grid points.
    const found = maximiseOnUnitInterval((x) => -((x - 0.123456789) ** 2));
    expect(found.at).toBeCloseTo(0.123456789, 9);
  });

  it('refuses designs too large to enumerate', () => {
    const big = { successes: 100, trials: 1000 };
    expect((1000 + 1) ** 2).toBeGreaterThan(EXACT_UNCONDITIONAL_MAX_TABLES);
    expect(() => boschlooExact(big, big)).toThrow(/normal test/);
  });
});
