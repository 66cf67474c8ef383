import { describe, expect, it } from 'vitest';
import { arcsinePower, cohensH, detectableRate, normalPower, sampleSize } from './power.js';

// References: statsmodels 0.13.5 and scipy 1.10.1 (Debian) with /usr/bin/python3:
//   from statsmodels.stats.proportion import power_proportions_2indep as pp,
//        samplesize_proportions_2indep_onetail as ss, proportion_effectsize as es
//   from statsmodels.stats.power import NormalIndPower; P = NormalIndPower()
// statsmodels' group 1 has rate prop1 = prop2 + diff and nobs1 trials; group 2 has prop2 and
// ratio · nobs1. Here group 1 is the control (trialsA), group 2 the variant.

const young = { control: 0.15, variant: 0.1 }; // as statsmodels: prop1 = 0.15, prop2 = 0.10

describe('power of a planned design', () => {
  it.each([
    // pp(0.05, 0.10, 50, ratio=1, alpha=0.05).power → 0.11684964832480885
    [young, 50, 50, 0.05, 0.11684964832480885],
    // pp(0.05, 0.10, 686, ratio=1, alpha=0.05).power → 0.8002318546957173
    [young, 686, 686, 0.05, 0.8002318546957173],
    // pp(0.05, 0.10, 50, ratio=1, alpha=0.10).power → 0.19436440093743346
    [young, 50, 50, 0.1, 0.19436440093743346],
    // unequal groups: pp(0.10, 0.20, 100, ratio=3, alpha=0.05).power → 0.54270504039527
    [{ control: 0.3, variant: 0.2 }, 100, 300, 0.05, 0.54270504039527],
  ] as const)('normal approximation %j, %i and %i at α %f', (rates, na, nb, alpha, power) => {
    expect(normalPower(rates, na, nb, { alpha })).toBeCloseTo(power, 12);
  });

  it.each([
    // P.power(es(0.15, 0.10), 50, 0.05, ratio=1) → 0.11824688824589905
    [young, 50, 50, 0.11824688824589905],
    // P.power(es(0.30, 0.20), 100, 0.05, ratio=3) → 0.5196077829289815
    [{ control: 0.3, variant: 0.2 }, 100, 300, 0.5196077829289815],
  ] as const)('arcsine %j, %i and %i', (rates, na, nb, power) => {
    expect(arcsinePower(rates, na, nb)).toBeCloseTo(power, 12);
  });

  it("Cohen's h: es(0.15, 0.10) → 0.15189772139085922", () => {
    expect(cohensH(0.1, 0.15)).toBeCloseTo(0.15189772139085922, 14);
  });

  it('is α when there is no effect (normal approximation)', () => {
    expect(normalPower({ control: 0.2, variant: 0.2 }, 80, 80)).toBeCloseTo(0.05, 14);
  });
});

describe('sample size for a minimum detectable effect', () => {
  it('normal approximation without correction (Fleiss): ss(0.05, 0.10, 0.8, ratio=1, alpha=0.05) → 685.596858325361', () => {
    const n = sampleSize(young, 'normal');
    expect(n.exactA).toBeCloseTo(685.596858325361, 9);
    expect([n.trialsA, n.trialsB]).toEqual([686, 686]);
  });

  it('with continuity correction: 725.045168558508 (hand: n/4 · (1 + √(1 + 4/(n · 0.05)))² on n above, in Python)', () => {
    const n = sampleSize(young, 'normal-continuity');
    expect(n.exactA).toBeCloseTo(725.045168558508, 9);
    expect(n.trialsA).toBe(726);
  });

  it('unequal groups: ss(0.10, 0.20, 0.9, ratio=3, alpha=0.05) → 256.8652400688558; corrected 270.03398506552605', () => {
    const plain = sampleSize({ control: 0.3, variant: 0.2 }, 'normal', { power: 0.9, ratio: 3 });
    expect(plain.exactA).toBeCloseTo(256.8652400688558, 9);
    expect([plain.trialsA, plain.trialsB]).toEqual([257, 771]);
    // n/4 · (1 + √(1 + 2(r + 1)/(n r |Δ|)))² with r = 3, Δ = 0.1, n as above (Python, by hand)
    expect(sampleSize({ control: 0.3, variant: 0.2 }, 'normal-continuity', { power: 0.9, ratio: 3 }).exactA).toBeCloseTo(270.03398506552605, 9);
  });

  it("arcsine (Cohen's h): P.solve_power(es(0.15, 0.10), alpha=0.05, power=0.8, ratio=1) → 680.3526619127882", () => {
    // Closed form 2 · ((1.959964 + 0.841621) / 0.151898)² = 680.35; statsmodels solves the power
    // with both tails, which moves n by less than 0.001 here.
    expect(sampleSize(young, 'arcsine').exactA).toBeCloseTo(680.3526619127882, 2);
    // P.solve_power(es(0.30, 0.20), alpha=0.05, power=0.9, ratio=3) → 260.32612604672585
    expect(sampleSize({ control: 0.3, variant: 0.2 }, 'arcsine', { power: 0.9, ratio: 3 }).exactA).toBeCloseTo(260.32612604672585, 2);
  });

  it('refuses a plan with no effect or a rate outside [0, 1]', () => {
    expect(() => sampleSize({ control: 0.1, variant: 0.1 }, 'normal')).toThrow(/equal/);
    expect(() => sampleSize({ control: 0.1, variant: 1.5 }, 'arcsine')).toThrow(/rate/);
  });
});

describe('detectable effect for a given sample', () => {
  it('normal: brentq(lambda p: pp(p - 0.10, 0.10, 50, ratio=1, alpha=0.05).power - 0.8, 0.1001, 0.99) → 0.3268870277128349', () => {
    const d = detectableRate(0.1, 50, 50, 'normal');
    expect(d.variant).toBeCloseTo(0.3268870277128349, 10);
  });

  it('arcsine: h from brentq(lambda h: P.power(h, 50, 0.05, ratio=1) - 0.8, 0.01, 2, xtol=1e-15) → 0.5603163574027159', () => {
    // sin²(asin √0.1 + h/2) → 0.3206014524553877. (P.solve_power(nobs1=50, alpha=0.05, power=0.8)
    // stops early at h = 0.5603185341414179, whose power is 0.8000030469627661.)
    expect(detectableRate(0.1, 50, 50, 'arcsine').variant).toBeCloseTo(0.3206014524553877, 10);
  });

  it('says when nothing up to 100 % is detectable', () => {
    // Two groups of 3 from a 90 % control: even 100 % gives the z test little power.
    expect(detectableRate(0.9, 3, 3, 'normal').variant).toBeUndefined();
  });
});
