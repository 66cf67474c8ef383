import { describe, expect, it } from 'vitest';
import { bayesianConversions, probabilityGreater } from './bayesian.js';

// References: scipy 1.10.1 with /usr/bin/python3, `from scipy import stats, integrate, optimize`,
// posteriors Beta(α + x, β + n − x), and quad(..., 0, 1, epsabs=1e-14, epsrel=1e-12, limit=500):
//   P(B > A)          = quad(lambda t: stats.beta.pdf(t, *B) * stats.beta.cdf(t, *A))
//   E[(Y − X)⁺]       = quad(lambda t: stats.beta.pdf(t, *Y) * (t*stats.beta.cdf(t, *X) − m_X*stats.beta.cdf(t, X[0]+1, X[1])))
//   difference bounds = brentq(lambda d: quad(lambda t: stats.beta.pdf(t, *A) * stats.beta.cdf(t + d, *B)) − p, −1, 1)
//   rate interval     = stats.beta.ppf(0.025, *B), stats.beta.ppf(0.975, *B)

/**
 * An independent computation for whole shapes: Evan Miller's closed form ("Formulas for Bayesian
 * A/B testing", 2015), P(p_B > p_A) = Σ_{i=0}^{α_B−1} B(α_A + i, β_A + β_B) / ((β_B + i) B(1 + i, β_B) B(α_A, β_A)),
 * with B(a, b) = (a − 1)! (b − 1)! / (a + b − 1)! as sums of logs of whole numbers.
 */
function lnFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}
const lnB = (a: number, b: number) => lnFactorial(a - 1) + lnFactorial(b - 1) - lnFactorial(a + b - 1);
function millerProbability(aA: number, bA: number, aB: number, bB: number): number {
  let sum = 0;
  for (let i = 0; i < aB; i++) sum += Math.exp(lnB(aA + i, bA + bB) - Math.log(bB + i) - lnB(1 + i, bB) - lnB(aA, bA));
  return sum;
}

const cases = [
  { name: 'two groups of 50', control: { successes: 5, trials: 50 }, variant: { successes: 12, trials: 50 }, p: 0.9664947604564185, ship: 0.0010031970238669997, keep: 0.13561858163925167, diff: [-0.009634039246691447, 0.28108473629253156], ci: [0.14326258375972803, 0.3749305083598585] },
  { name: 'a zero count', control: { successes: 0, trials: 50 }, variant: { successes: 3, trials: 50 }, p: 0.9411941194119412, ship: 0.0010869645590399209, keep: 0.05877927225134761, diff: [-0.015982498391331503, 0.14794656419690644], ci: [0.021783562056268992, 0.16242221807205048] },
  { name: '100 % conversion', control: { successes: 20, trials: 20 }, variant: { successes: 15, trials: 20 }, p: 0.010344303027229853, ship: 0.2276773141775977, keep: 0.0004045869048705118, diff: [-0.43824242373024674, -0.03674093834318248], ci: [0.5283401723453787, 0.8871905960780592] },
  { name: 'unequal groups', control: { successes: 30, trials: 1000 }, variant: { successes: 9, trials: 150 }, p: 0.9718742679158301, ship: 0.00014810179694072005, keep: 0.03499945172865623, diff: [-0.0007346309766228032, 0.08028355566363751], ci: [0.032211848424915236, 0.11012750558415878] },
];

describe('Beta–Binomial analysis', () => {
  for (const c of cases) {
    it(`${c.name}: P(B > A), expected losses and intervals as scipy integrates them`, () => {
      const [comparison] = bayesianConversions([c.control, c.variant]).comparisons;
      expect(comparison!.probabilityBetter).toBeCloseTo(c.p, 9);
      expect(comparison!.lossIfShipped).toBeCloseTo(c.ship, 9);
      expect(comparison!.lossIfKept).toBeCloseTo(c.keep, 9);
      expect(comparison!.difference.interval.low).toBeCloseTo(c.diff[0]!, 7);
      expect(comparison!.difference.interval.high).toBeCloseTo(c.diff[1]!, 7);
      const posterior = bayesianConversions([c.control, c.variant]).posteriors[1]!;
      expect(posterior.interval.low).toBeCloseTo(c.ci[0]!, 10);
      expect(posterior.interval.high).toBeCloseTo(c.ci[1]!, 10);
    });
  }

  it("agrees with Evan Miller's closed form on whole shapes, both ways round", () => {
    // Posteriors under the uniform prior: Beta(x + 1, n − x + 1).
    for (const [xa, na, xb, nb] of [[5, 50, 12, 50], [0, 50, 3, 50], [20, 20, 15, 20], [30, 1000, 9, 150], [1, 3, 2, 400]] as const) {
      const a = { alpha: xa + 1, beta: na - xa + 1 };
      const b = { alpha: xb + 1, beta: nb - xb + 1 };
      expect(probabilityGreater(b, a)).toBeCloseTo(millerProbability(a.alpha, a.beta, b.alpha, b.beta), 10);
      expect(probabilityGreater(a, b)).toBeCloseTo(millerProbability(b.alpha, b.beta, a.alpha, a.beta), 10);
    }
  });

  it('the expected losses differ by the difference of the means: E[(Y − X)⁺] − E[(X − Y)⁺] = E[Y − X]', () => {
    const [c] = bayesianConversions([{ successes: 7, trials: 40 }, { successes: 11, trials: 35 }]).comparisons;
    expect(c!.lossIfKept - c!.lossIfShipped).toBeCloseTo(c!.difference.mean, 12);
    expect(c!.difference.mean).toBeCloseTo(12 / 37 - 8 / 42, 14);
  });

  it("takes another prior: Jeffreys's Beta(½, ½)", () => {
    const analysis = bayesianConversions([{ successes: 5, trials: 50 }, { successes: 12, trials: 50 }], { prior: { alpha: 0.5, beta: 0.5 } });
    const [c] = analysis.comparisons;
    expect(c!.probabilityBetter).toBeCloseTo(0.9699173889248016, 9);
    expect(c!.lossIfShipped).toBeCloseTo(0.0008849394318098344, 9);
    expect(c!.lossIfKept).toBeCloseTo(0.13813984139259403, 9);
    expect(c!.difference.interval.low).toBeCloseTo(-0.006001868812870495, 7);
    expect(analysis.posteriors[1]!.interval.high).toBeCloseTo(0.3706931675901695, 10);
  });

  it('three variants: the probability that each is best, summing to 1', () => {
    // A = Beta(11, 91), B = Beta(16, 86), C = Beta(13, 69); scipy:
    // quad(lambda t: stats.beta.pdf(t, *own) * np.prod([stats.beta.cdf(t, *o) for o in others]), 0, 1)
    const { probabilityBest } = bayesianConversions([{ successes: 10, trials: 100 }, { successes: 15, trials: 100 }, { successes: 12, trials: 80 }]);
    expect(probabilityBest[0]).toBeCloseTo(0.05798318002250483, 9);
    expect(probabilityBest[1]).toBeCloseTo(0.46099535170394024, 9);
    expect(probabilityBest[2]).toBeCloseTo(0.4810214682735552, 9);
    expect(probabilityBest.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('refuses a prior that is not a Beta and counts that are not', () => {
    expect(() => bayesianConversions([{ successes: 1, trials: 2 }, { successes: 1, trials: 2 }], { prior: { alpha: 0, beta: 1 } })).toThrow(/positive/);
    expect(() => bayesianConversions([{ successes: 3, trials: 2 }, { successes: 1, trials: 2 }])).toThrow(RangeError);
  });
});
