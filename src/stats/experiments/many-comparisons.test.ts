import { describe, expect, it } from 'vitest';
import { adjustPValues } from './many-comparisons.js';
import { sampleRatioCheck } from './sample-ratio.js';

// References: statsmodels 0.13.5 / scipy 1.10.1 (Debian) with /usr/bin/python3:
//   from statsmodels.stats.multitest import multipletests; from scipy import stats
describe('corrections for many comparisons', () => {
  const p = [0.01, 0.04, 0.03, 0.005, 0.2];

  it("Holm: multipletests(p, alpha=0.05, method='holm') → [0.04, 0.09, 0.09, 0.025, 0.2], rejects the 1st and 4th", () => {
    const r = adjustPValues(p, 'holm');
    [0.04, 0.09, 0.09, 0.025, 0.2].forEach((x, i) => expect(r.adjusted[i]).toBeCloseTo(x, 14));
    expect(r.rejected).toEqual([true, false, false, true, false]);
  });

  it("Benjamini–Hochberg: method='fdr_bh' → [0.025, 0.05, 0.05, 0.025, 0.2], rejects all but the last", () => {
    const r = adjustPValues(p, 'benjamini-hochberg');
    [0.025, 0.05, 0.05, 0.025, 0.2].forEach((x, i) => expect(r.adjusted[i]).toBeCloseTo(x, 14));
    expect(r.rejected).toEqual([true, true, true, true, false]);
  });

  it("caps at 1 and keeps ties: p = [0.5, 0.5, 0.9] → holm [1, 1, 1], fdr_bh [0.75, 0.75, 0.9]", () => {
    expect(adjustPValues([0.5, 0.5, 0.9], 'holm').adjusted).toEqual([1, 1, 1]);
    const bh = adjustPValues([0.5, 0.5, 0.9], 'benjamini-hochberg').adjusted;
    [0.75, 0.75, 0.9].forEach((x, i) => expect(bh[i]).toBeCloseTo(x, 14));
    expect(() => adjustPValues([1.2], 'holm')).toThrow(/p-value/);
  });
});

describe('sample-ratio mismatch', () => {
  it.each([
    // stats.chisquare([5210, 4790]) → (17.64, 2.6691498031812692e-05): a 50/50 test that is not
    [[5210, 4790], undefined, 17.64, 2.6691498031812692e-5, true],
    // stats.chisquare([505, 495]) → (0.1, 0.7518296340458492)
    [[505, 495], undefined, 0.1, 0.7518296340458492, false],
    // three groups: stats.chisquare([3400, 3300, 3500]) → (5.882352941176471, 0.0528035703343005)
    [[3400, 3300, 3500], undefined, 5.882352941176471, 0.0528035703343005, false],
    // a planned 2:1 split: stats.chisquare([2100, 900], f_exp=[2000, 1000]) → (15.0, 0.00010751117672950066)
    [[2100, 900], [2, 1], 15, 0.00010751117672950066, true],
  ] as const)('%j planned %j', (sizes, planned, statistic, p, mismatch) => {
    const r = sampleRatioCheck(sizes, planned);
    expect(r.statistic).toBeCloseTo(statistic, 10);
    expect(r.pValue / p).toBeCloseTo(1, 10);
    expect(r.mismatch).toBe(mismatch);
  });
});
