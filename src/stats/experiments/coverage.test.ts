/**
 * The edges the issue names (18, §8): small counts, zero counts, 100 % conversion, unequal groups
 * and many variants, for every family (exact tests, the analysis with its corrections and its
 * sample-ratio check, the Bayesian reading). References: scipy 1.10.1 / statsmodels 0.13.5
 * (Debian python3-scipy, python3-statsmodels) with /usr/bin/python3, the call beside each value,
 * or a closed form worked out in the comment.
 */
import { describe, expect, it } from 'vitest';
import { analyseConversions } from './analysis.js';
import { bayesianConversions } from './bayesian.js';
import type { Counts } from './counts.js';
import { barnardExact, boschlooExact, fisherExact } from './exact.js';

const c = (successes: number, trials: number): Counts => ({ successes, trials });
// scipy's table [[x_a, x_b], [n_a − x_a, n_b − x_b]]: the groups are columns.
const groups = (table: number[][]): [Counts, Counts] => {
  const [[xa, xb], [fa, fb]] = table as [[number, number], [number, number]];
  return [c(xa, xa + fa), c(xb, xb + fb)];
};

describe('exact tests at the edges', () => {
  it.each([
    // stats.boschloo_exact(t).pvalue, stats.barnard_exact(t).pvalue, stats.fisher_exact(t)[1]
    // 100 % conversion in both groups: nothing to tell apart.
    [[[10, 12], [0, 0]], 1, 1, 1],
    // no conversion in either group, unequal groups of 3 and 40
    [[[0, 0], [3, 40]], 1, 1, 1],
    // unequal groups of 10 and 20, small counts. Barnard: scipy's maximiser (shgo) stops short, at
    // 0.020452933770077803; the p-value is a maximum over π, and numpy on a 200,001-point grid finds
    // a larger one: with x1 = np.arange(11)[:, None], x2 = np.arange(21)[None, :], p = (x1 + x2)/30,
    // t = (x1/10 − x2/20)/np.sqrt(p(1 − p)(1/10 + 1/20)) (0 where undefined), region = |t| ≥ |t[3, 15]|(1 − 1e-10),
    // max over π in np.linspace(0, 1, 200001) of (comb(10, x1) comb(20, x2) π^(x1+x2) (1 − π)^(30−x1−x2))[region].sum()
    // → 0.02064996824657519 at π = 0.394515.
    [[[3, 15], [7, 5]], 0.02238490042377996, 0.02064996824657519, 0.04504011730398537],
    // a zero count against 4 of 20. Barnard: scipy 0.1267468117914463; the same grid (groups of 12
    // and 20) → 0.1267468193130576 at π = 0.847115, a hair higher.
    [[[0, 4], [12, 16]], 0.14134310184245635, 0.1267468193130576, 0.2708565072302558],
    // the smallest groups: 1 of 3 against 0 of 2
    [[[1, 0], [2, 2]], 0.6675906940817425, 0.5681818181818066, 1],
    // 100 % against 90 %, 20 and 20
    [[[20, 18], [0, 2]], 0.3237251448248112, 0.2028459076256649, 0.48717948717948717],
  ])('%j', (table, boschloo, barnard, fisher) => {
    const [a, b] = groups(table);
    expect(boschlooExact(a, b).pValue).toBeCloseTo(boschloo, 8);
    expect(barnardExact(a, b).pValue).toBeCloseTo(barnard, 8);
    expect(fisherExact(a, b).pValue).toBeCloseTo(fisher, 12);
  });
});

describe('many variants of unequal sizes', () => {
  // Control 60/600; B 75/600, C 58/580, D 90/620, E 45/500 (counts invented for the test): every
  // table too large to enumerate, every expected count above 5, so the z test decides.
  const counts = [c(60, 600), c(75, 600), c(58, 580), c(90, 620), c(45, 500)];

  it('each variant against the control, the chi-square test, Holm and Benjamini–Hochberg', () => {
    const r = analyseConversions(counts);
    expect(r.comparisons.map((x) => x.recommended)).toEqual(['z', 'z', 'z', 'z']);
    // proportions_ztest([x, 60], [n, 600])[1] for (75, 600), (58, 580), (90, 620), (45, 500)
    const z = [0.1705691170107847, 1.0, 0.01632859695664849, 0.5741032660425005];
    r.comparisons.forEach((x, i) => expect(x.pValue, `z ${i}`).toBeCloseTo(z[i]!, 12));
    // multipletests(z, method='holm')[1] and method='fdr_bh'
    const holm = [0.5117073510323541, 1.0, 0.06531438782659396, 1.0];
    const bh = [0.3411382340215694, 1.0, 0.06531438782659396, 0.7654710213900007];
    r.holm!.adjusted.forEach((p, i) => expect(p, `holm ${i}`).toBeCloseTo(holm[i]!, 12));
    r.benjaminiHochberg!.adjusted.forEach((p, i) => expect(p, `bh ${i}`).toBeCloseTo(bh[i]!, 12));
    // D's own p = 0.016 passes 0.05, but neither correction lets it through with four comparisons.
    expect([r.holm!.rejected, r.benjaminiHochberg!.rejected]).toEqual([[false, false, false, false], [false, false, false, false]]);
    // chi2_contingency([[60, 75, 58, 90, 45], [540, 525, 522, 530, 455]], correction=False)[:3]
    // → (11.878900643374813, 0.01827488155413221, 4)
    expect(r.overall!.statistic).toBeCloseTo(11.878900643374813, 10);
    expect(r.overall!.pValue).toBeCloseTo(0.01827488155413221, 12);
    expect(r.overall!.degreesOfFreedom).toBe(4);
    // confint_proportions_2indep(90, 620, 60, 600, method='newcomb', compare='diff') → (0.00827695265240131, 0.08201063483409315)
    expect(r.comparisons[2]!.difference.interval.low).toBeCloseTo(0.00827695265240131, 10);
    expect(r.comparisons[2]!.difference.interval.high).toBeCloseTo(0.08201063483409315, 10);
  });

  it('the sample-ratio check against the planned split, strict at 0.001', () => {
    // Planned 600, 600, 600, 600 and 480: stats.chisquare([600, 600, 580, 620, 500], f_exp=[1, 1, 1, 1, 0.8] · 2900/4.8)
    // → (2.013793103448277, 0.7332218027911594): the sizes fit.
    const planned = analyseConversions(counts, 0.95, 0.05, { planned: [600, 600, 600, 600, 480] }).sampleRatio!;
    expect(planned.statistic).toBeCloseTo(2.013793103448277, 10);
    expect(planned.pValue).toBeCloseTo(0.7332218027911594, 12);
    expect(planned.mismatch).toBe(false);
    // Planned equal: stats.chisquare([600, 600, 580, 620, 500]) → (15.172413793103448, 0.004356658867981638):
    // suspicious, but above the 0.001 the check keeps to, because it runs on every test.
    expect(analyseConversions(counts, 0.95, 0.05, { planned: [1, 1, 1, 1, 1] }).sampleRatio!.pValue).toBeCloseTo(0.004356658867981638, 12);
    // A 50/50 test with 1,000 and 800: stats.chisquare([1000, 800]) → (22.22222222222222, 2.4284674729758432e-06): mismatch.
    const broken = analyseConversions([c(50, 1000), c(40, 800)], 0.95, 0.05, { planned: [1, 1] }).sampleRatio!;
    expect(broken.pValue).toBeCloseTo(2.4284674729758432e-6, 15);
    expect(broken.mismatch).toBe(true);
    expect(analyseConversions([c(50, 1000), c(40, 800)]).sampleRatio).toBeUndefined();
  });

  it('the Bayesian probability that each is best, summing to 1', () => {
    // Uniform prior, posteriors Beta(x + 1, n − x + 1); scipy:
    // quad(lambda t: stats.beta.pdf(t, *own) * np.prod([stats.beta.cdf(t, *o) for o in others]), 0, 1, epsabs=1e-14, epsrel=1e-12, limit=500)
    const best = [0.004206851695486396, 0.14978235132079826, 0.00459894948075235, 0.8403660184368497, 0.0010458290661133271];
    const r = bayesianConversions(counts);
    r.probabilityBest.forEach((p, i) => expect(p, `best ${i}`).toBeCloseTo(best[i]!, 7));
    expect(r.probabilityBest.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 7);
  });
});

describe('the Bayesian reading at zero and 100 %', () => {
  it.each([
    // No conversion in either group, 20 and 30: Beta(1, 21) and Beta(1, 31). For X ~ Beta(1, a),
    // Y ~ Beta(1, b): P(Y > X) = ∫ b(1 − y)^(b−1) (1 − (1 − y)^a) dy = 1 − b/(a + b) = a/(a + b) = 21/52 (hand).
    [c(0, 20), c(0, 30), 21 / 52],
    // 100 % against 28 of 30: scipy quad as above → 0.20339366515837093
    [c(20, 20), c(28, 30), 0.20339366515837093],
    // 1 of 3 against 0 of 2: Beta(2, 3) and Beta(1, 3): scipy → 0.2857142857142857 (= 2/7)
    [c(1, 3), c(0, 2), 2 / 7],
  ])('%j against %j', (control, variant, probability) => {
    const r = bayesianConversions([control, variant]);
    expect(r.comparisons[0]!.probabilityBetter).toBeCloseTo(probability, 8);
    const [lo, hi] = [r.posteriors[1]!.interval.low, r.posteriors[1]!.interval.high];
    expect(lo >= 0 && hi <= 1 && lo < hi).toBe(true);
  });
});
