import { describe, expect, it } from 'vitest';
import { analyseConversions } from './analysis.js';

// References: scipy 1.10.1 / statsmodels 0.13.5 (Debian) with /usr/bin/python3. The variant is
// scipy's first column: stats.boschloo_exact([[x_variant, x_control], [failures…]]).
const c = (successes: number, trials: number) => ({ successes, trials });

describe('analysis of an A/B test', () => {
  it('two small groups: Boschloo recommended, every statistic beside it', () => {
    // Invented counts for the test: control 5/50, variant 12/50.
    const result = analyseConversions([c(5, 50), c(12, 50)]);
    expect(result.overall).toBeUndefined();
    const [cmp] = result.comparisons;
    expect(cmp!.variant).toBe(1);
    // stats.boschloo_exact([[12, 5], [38, 45]]).pvalue → 0.07878623929223892
    expect(cmp!.recommended).toBe('boschloo');
    expect(cmp!.pValue).toBeCloseTo(0.07878623929223892, 8);
    // stats.fisher_exact([[12, 5], [38, 45]])[1] → 0.1083695840882205
    expect(cmp!.fisher.pValue).toBeCloseTo(0.1083695840882205, 12);
    // proportions_ztest([12, 5], [50, 50]) → (1.863522038227507, 0.062388854870252905)
    expect(cmp!.z.pValue).toBeCloseTo(0.062388854870252905, 12);
    // confint_proportions_2indep(12, 50, 5, 50, method='newcomb', compare='diff') → (-0.009397279766490851, 0.2855506705896387)
    expect(cmp!.difference.estimate).toBeCloseTo(0.14, 14);
    expect(cmp!.difference.interval.low).toBeCloseTo(-0.009397279766490851, 10);
    // method='log', compare='ratio' → (0.9126904183465643, 6.311011800074391)
    expect(cmp!.ratio.interval.high).toBeCloseTo(6.311011800074391, 9);
  });

  it('four large groups: z tests (conditions hold) and the chi-square test overall', () => {
    const result = analyseConversions([c(30, 1000), c(42, 1000), c(25, 1000), c(51, 1000)]);
    // chi2_contingency([[30, 42, 25, 51], [970, 958, 975, 949]], correction=False) → 11.619095731245265, p 0.008808676681744631
    expect(result.overall?.pValue).toBeCloseTo(0.008808676681744631, 12);
    expect(result.comparisons.map((x) => x.recommended)).toEqual(['z', 'z', 'z']);
    // proportions_ztest([x, 30], [1000, 1000])[1] for x = 42, 25, 51 → 0.14976048308379508, 0.49418622463757433, 0.017215682009424405
    const expected = [0.14976048308379508, 0.49418622463757433, 0.017215682009424405];
    result.comparisons.forEach((x, i) => expect(x.pValue).toBeCloseTo(expected[i]!, 12));
    expect(result.comparisons.every((x) => x.boschloo === undefined)).toBe(true);
  });

  it("falls back to Fisher's test on large groups with too few conversions for the z test", () => {
    // 1/1000 against 0/1000: expected successes 0.5 < 5. stats.fisher_exact([[1, 0], [999, 1000]])[1] → 1.0
    // (statsmodels' z test would say p = 0.31718949224675075, on a condition that fails.)
    const [cmp] = analyseConversions([c(0, 1000), c(1, 1000)]).comparisons;
    expect(cmp!.z.conditions).toMatchObject({ holds: false, instead: 'boschloo' });
    expect(cmp!.z.pValue).toBeCloseTo(0.31718949224675075, 12);
    expect(cmp!.recommended).toBe('fisher');
    expect(cmp!.pValue).toBeCloseTo(1, 12);
  });

  it('refuses fewer than two variants and bad counts', () => {
    expect(() => analyseConversions([c(1, 10)])).toThrow(/control/);
    expect(() => analyseConversions([c(1, 10), c(11, 10)])).toThrow(/variant 2/);
  });
});
