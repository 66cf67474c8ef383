import { describe, expect, it } from 'vitest';
import { xoshiro128 } from '../random.js';
import { normalCdf } from '../special.js';
import { mixtureHalfWidth, mixtureLikelihoodRatio, sequentialAnalysis, sequentialRatio } from './sequential.js';
import { sequentialPlan } from './sequential-plan.js';

describe('mSPRT with a normal mixture', () => {
  it('Λ by hand: 10/100 against 20/100, τ = 0.1', () => {
    // Pooled p̄ = 30/200 = 0.15; s² = 0.15 · 0.85 · (1/100 + 1/100) = 0.00255; θ̂ = 0.1; τ² = 0.01.
    // Λ = √(0.00255 / 0.01255) · exp(0.01 · 0.01 / (2 · 0.00255 · 0.01255))
    //   = 0.4507630 · exp(1.5623779) = 0.4507630 · 4.7701509 = 2.1502074
    const hand = Math.sqrt(0.00255 / 0.01255) * Math.exp(0.0001 / (2 * 0.00255 * 0.01255));
    expect(hand).toBeCloseTo(2.1502074, 6);
    expect(sequentialRatio({ successes: 10, trials: 100 }, { successes: 20, trials: 100 }, 0.1)).toBeCloseTo(hand, 12);
    // The always-valid p-value is 1/Λ = 0.465: far from decided, where one fixed-horizon z test
    // would give 0.0477 (statsmodels proportions_ztest([20, 10], [100, 100])).
    const analysis = sequentialAnalysis([{ control: { successes: 10, trials: 100 }, variant: { successes: 20, trials: 100 } }], { mixtureSd: 0.1 });
    expect(analysis.looks[0]!.pValue).toBeCloseTo(1 / hand, 12);
    expect(analysis.decidedAt).toBeUndefined();
  });

  it('the confidence sequence is the set of differences the mixture does not reject', () => {
    // At its edge θ₀ = θ̂ ± h, Λ(θ̂ − θ₀) = 1/α exactly.
    const s2 = 0.0009;
    const h = mixtureHalfWidth(s2, 0.05, 0.05);
    expect(mixtureLikelihoodRatio(h, s2, 0.05)).toBeCloseTo(20, 10);
    // and it is wider than the fixed-horizon interval 1.96 s at the same variance: the price of peeking.
    expect(h).toBeGreaterThan(1.959964 * Math.sqrt(s2));
  });

  it('the p-value never rises and the interval never widens from look to look; it decides when Λ reaches 1/α', () => {
    const looks = [
      { control: { successes: 3, trials: 50 }, variant: { successes: 9, trials: 50 } },
      { control: { successes: 9, trials: 150 }, variant: { successes: 18, trials: 150 } },
      { control: { successes: 20, trials: 400 }, variant: { successes: 60, trials: 400 } },
      { control: { successes: 40, trials: 800 }, variant: { successes: 100, trials: 800 } },
    ];
    const a = sequentialAnalysis(looks, { mixtureSd: 0.05 });
    for (let i = 1; i < a.looks.length; i++) {
      expect(a.looks[i]!.pValue).toBeLessThanOrEqual(a.looks[i - 1]!.pValue);
      expect(a.looks[i]!.interval.low).toBeGreaterThanOrEqual(a.looks[i - 1]!.interval.low);
      expect(a.looks[i]!.interval.high).toBeLessThanOrEqual(a.looks[i - 1]!.interval.high);
    }
    // 20/400 against 60/400: p̄ = 0.1, s² = 0.1 · 0.9 · 2/400 = 0.00045, θ̂ = 0.1, τ² = 0.0025.
    const lambda = Math.sqrt(0.00045 / 0.00295) * Math.exp((0.0025 * 0.01) / (2 * 0.00045 * 0.00295));
    expect(a.looks[2]!.likelihoodRatio).toBeCloseTo(lambda, 6);
    expect(lambda).toBeGreaterThan(20);
    expect(a.decidedAt).toBe(2);
  });

  it('zero counts carry no information yet (Λ = 1), and counts must be cumulative', () => {
    expect(sequentialRatio({ successes: 0, trials: 20 }, { successes: 0, trials: 20 }, 0.05)).toBe(1);
    expect(() =>
      sequentialAnalysis([{ control: { successes: 1, trials: 20 }, variant: { successes: 1, trials: 20 } }, { control: { successes: 1, trials: 10 }, variant: { successes: 1, trials: 20 } }], { mixtureSd: 0.05 }),
    ).toThrow(/cumulative/);
    expect(() => sequentialAnalysis([], { mixtureSd: 0.05 })).toThrow(RangeError);
    expect(() => sequentialRatio({ successes: 1, trials: 2 }, { successes: 1, trials: 2 }, 0.05)).not.toThrow();
  });
});

describe('the sequential plan', () => {
  const rates = { control: 0.1, variant: 0.2 };

  it('with one look, its power is the closed form P(|S| ≥ n h) for S ~ N(nΔ, nV)', () => {
    // n = 300, Δ = 0.1, V = 0.09 + 0.16 = 0.25; pooled 0.15; h from the mixture at s² = 2 · 0.1275/300.
    const plan = sequentialPlan(rates, 300, { looks: 1 });
    const h = mixtureHalfWidth((2 * 0.15 * 0.85) / 300, 0.1, 0.05);
    const sd = Math.sqrt(300 * 0.25);
    const hand = 1 - normalCdf((300 * h - 30) / sd) + normalCdf((-300 * h - 30) / sd);
    expect(plan.looks[0]!.stoppingDifference).toBeCloseTo(h, 14);
    expect(plan.power).toBeCloseTo(hand, 12);
  });

  it("its power over 20 looks matches a seeded simulation of the test itself, within Monte Carlo error", () => {
    const plan = sequentialPlan(rates, 400, { looks: 20 });
    const random = xoshiro128(2017);
    const runs = 2000;
    let stopped = 0;
    for (let r = 0; r < runs; r++) {
      let xc = 0;
      let xv = 0;
      let n = 0;
      for (const look of plan.looks) {
        for (; n < look.trials; n++) {
          if (random.next() < 0.1) xc++;
          if (random.next() < 0.2) xv++;
        }
        if (sequentialRatio({ successes: xc, trials: n }, { successes: xv, trials: n }, plan.mixtureSd) >= 20) {
          stopped++;
          break;
        }
      }
    }
    const se = Math.sqrt((plan.power * (1 - plan.power)) / runs);
    // The plan reads the variance at the planned rates, the test at the observed ones: allow 4 s.e.
    expect(Math.abs(stopped / runs - plan.power)).toBeLessThan(4 * se + 0.01);
  }, 60_000);

  it('costs more trials than one fixed-horizon test for the same power, and more looks add power', () => {
    const plan = sequentialPlan(rates, 200, { looks: 20 });
    expect(plan.fixedHorizonTrials).toBe(199); // statsmodels' NormalIndPower-style Fleiss without correction (power.test.ts)
    expect(plan.neededMaxTrials!).toBeGreaterThan(plan.fixedHorizonTrials);
    expect(sequentialPlan(rates, plan.neededMaxTrials!, { looks: 20 }).power).toBeGreaterThanOrEqual(0.8);
    expect(plan.power).toBeGreaterThan(sequentialPlan(rates, 200, { looks: 1 }).power);
    expect(plan.looks.at(-1)!.stoppingDifference).toBeGreaterThan(plan.fixedHorizonDifference);
    expect(plan.expectedTrials).toBeLessThan(200);
  });
});
