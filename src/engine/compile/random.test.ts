import { describe, expect, it } from 'vitest';
import { engineIssueMessage } from '../../i18n/index.js';
import { compile, simulate, type Model, type Variable } from '../index.js';
import { RANDOM_FUNCTIONS } from './random.js';

function model(variables: Variable[], specs: Partial<Model['specs']> = {}): Model {
  return { specs: { start: 0, stop: 4000, dt: 1, saveStep: 1, method: 'euler', ...specs }, dimensions: [], variables, macros: [] };
}
const aux = (name: string, equation: string, dimensions: string[] = []): Variable => ({ kind: 'aux', name, equation, dimensions });

function run(m: Model, options: Parameters<typeof simulate>[1] = {}) {
  const { program, issues } = compile(m);
  if (!program) throw new Error(issues.map((i) => engineIssueMessage(i, 'en')).join('\n'));
  return simulate(program, options);
}

const sampleMean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sampleVariance = (xs: Float64Array) => {
  const m = sampleMean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};

describe('the random builtins (XMILE 1.0 §3.5.5), one draw per DT from the run’s seed', () => {
  // 4001 values a run (times 0..4000). Tolerances: 4 standard errors of the mean, sd/√n.
  const n = 4001;
  it.each([
    // [equation, mean, variance]
    ['RANDOM(2, 6)', 4, 16 / 12],
    ['NORMAL(10, 3)', 10, 9],
    // LOGNORMAL(μ, σ): ln X ~ N(μ, σ) (Stella's help); mean exp(μ + σ²/2), variance (e^σ² − 1)·e^(2μ + σ²).
    ['LOGNORMAL(1, 0.3)', Math.exp(1 + 0.045), (Math.exp(0.09) - 1) * Math.exp(2 + 0.09)],
    // Stella's: UNIFORM(min, max) as RANDOM; BETA(α, β): mean α/(α + β), variance αβ/((α + β)²(α + β + 1));
    // GAMMA(shape k, scale θ): kθ, kθ²; WEIBULL(shape k, scale λ): λΓ(1 + 1/k), λ²(Γ(1 + 2/k) − Γ(1 + 1/k)²), with
    // scipy.special.gamma(1.5) = 0.8862269254527579; BINOMIAL(n, p): np, np(1 − p).
    ['UNIFORM(-1, 3)', 1, 16 / 12],
    ['BETA(2, 5)', 2 / 7, 10 / (49 * 8)],
    ['GAMMA(2, 3)', 6, 18],
    ['GAMMA(0.5, 2)', 1, 2],
    ['WEIBULL(2, 1)', 0.8862269254527579, 1 - 0.8862269254527579 ** 2],
    ['BINOMIAL(20, 0.3)', 6, 4.2],
    ['BINOMIAL(1000, 0.02)', 20, 19.6],
    ['EXPRND(3)', 3, 9],
    ['POISSON(4.5)', 4.5, 4.5],
    ['POISSON(250)', 250, 250],
    // TRIANGULAR(a, c, b): mean (a + b + c)/3, variance (a² + b² + c² − ab − ac − bc)/18.
    ['TRIANGULAR(0, 1, 4)', 5 / 3, (16 + 1 - 4 - 0 - 0) / 18],
  ] as const)('%s has the mean its distribution says', (equation, mean, variance) => {
    const xs = run(model([aux('x', equation)]), { seed: 7 }).series.get('x')!;
    expect(Math.abs(sampleMean(xs) - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    // The variance's standard error, for a normal-ish sample, is about σ²·√(2/(n − 1)); 6 of them
    // leaves room for the heavier tails of the lognormal and exponential.
    expect(Math.abs(sampleVariance(xs) - variance)).toBeLessThan(6 * variance * Math.sqrt(2 / (n - 1)) + (/^(LOG|EXP|GAMMA)/.test(equation) ? variance * 0.3 : 0));
  });

  it('gives the quantiles scipy gives at the same uniforms (GAMMA, BINOMIAL, BETA, LOGNORMAL)', () => {
    // scipy 1.10.1: scipy.stats.gamma.ppf(0.3, 2.5) = 1.4999540663799533;
    // gamma.ppf([0.001, 0.5, 0.999], 0.3) = [6.97269910e-11, 7.31311359e-02, 4.61893604e+00];
    // binom.ppf(0.3, 20, 0.3) = 5; binom.ppf([0.001, 0.5, 0.999], 1000, 0.02) = [8, 20, 35];
    // beta.ppf(0.3, 2, 5) = 0.18180347131894917; lognorm.ppf(0.3, 0.5, scale=exp(1)) = exp(1 + 0.5·Φ⁻¹(0.3)).
    expect(RANDOM_FUNCTIONS.rgamma(0.3, 2.5, 1)).toBeCloseTo(1.4999540663799533, 12);
    expect(RANDOM_FUNCTIONS.rgamma(0.3, 2.5, 4)).toBeCloseTo(4 * 1.4999540663799533, 11);
    expect(RANDOM_FUNCTIONS.rgamma(0.001, 0.3, 1) / 6.9726991e-11).toBeCloseTo(1, 6);
    expect(RANDOM_FUNCTIONS.rgamma(0.5, 0.3, 1)).toBeCloseTo(0.0731311359, 9);
    expect(RANDOM_FUNCTIONS.rgamma(0.999, 0.3, 1)).toBeCloseTo(4.61893604, 7);
    expect(RANDOM_FUNCTIONS.rbinomial(0.3, 20, 0.3)).toBe(5);
    expect([0.001, 0.5, 0.999].map((u) => RANDOM_FUNCTIONS.rbinomial(u, 1000, 0.02))).toEqual([8, 20, 35]);
    expect(RANDOM_FUNCTIONS.rbinomial(0.5, 10, 7)).toBe(10); // a probability outside [0, 1] is 1 (Stella)
    expect(RANDOM_FUNCTIONS.rbeta(0.3, 2, 5)).toBeCloseTo(0.18180347131894917, 10);
    expect(RANDOM_FUNCTIONS.rlognormal(0.3, 1, 0.5)).toBeCloseTo(Math.exp(1 + 0.5 * -0.5244005127080407), 12);
    expect(RANDOM_FUNCTIONS.rweibull(1 - Math.exp(-1), 3, 2)).toBeCloseTo(2, 12); // P(X ≤ λ) = 1 − e⁻¹
  });

  it('gives POISSON whole numbers, and Φ⁻¹’s quantiles at the uniforms drawn', () => {
    const xs = run(model([aux('x', 'POISSON(3)')], { stop: 200 })).series.get('x')!;
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });

  it('reproduces a run from its seed, on both kernels, and draws another sequence from another seed', () => {
    const m = model([aux('x', 'NORMAL(0, 1)'), aux('y', 'RANDOM(0, 1)')], { stop: 50 });
    const a = run(m, { seed: 3 }), b = run(m, { seed: 3, engine: 'closures' }), c = run(m, { seed: 4 });
    expect([...a.series.get('x')!]).toEqual([...b.series.get('x')!]);
    expect([...a.series.get('y')!]).toEqual([...b.series.get('y')!]);
    expect([...c.series.get('x')!]).not.toEqual([...a.series.get('x')!]);
    // Two calls draw from two streams: x and y are not the same uniforms mapped twice.
    expect(a.series.get('y')![5]).not.toBe(a.series.get('y')![6]);
    // No seed: the default one, the same every run.
    expect([...run(m).series.get('x')!]).toEqual([...run(m).series.get('x')!]);
  });

  it('fixes a call’s sequence with the seed given in it, whatever the run’s seed', () => {
    const m = model([aux('x', 'RANDOM(0, 1, 42)'), aux('y', 'RANDOM(0, 1)')], { stop: 20 });
    const a = run(m, { seed: 1 }), b = run(m, { seed: 2 });
    expect([...a.series.get('x')!]).toEqual([...b.series.get('x')!]);
    expect([...a.series.get('y')!]).not.toEqual([...b.series.get('y')!]);
    const bad = compile(model([aux('s', 'TIME'), aux('x', 'RANDOM(0, 1, s)')]));
    expect(bad.program).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ code: 'unsupported' });
  });

  it('draws once per DT: RK4’s evaluations within a step share the step’s draws', () => {
    // A stock fed by RANDOM(0, 1): with RK4 each step adds dt·u, the step's one draw.
    const vars: Variable[] = [
      { kind: 'stock', name: 'total', equation: '0', dimensions: [], inflows: ['inflow'], outflows: [] },
      { kind: 'flow', name: 'inflow', equation: 'noise', dimensions: [] },
      aux('noise', 'RANDOM(0, 1)'),
    ];
    const r = run(model(vars, { stop: 10, dt: 0.5, saveStep: 0.5, method: 'rk4' }), { seed: 5 });
    const total = r.series.get('total')!, noise = r.series.get('noise')!;
    for (let i = 1; i < total.length; i++) expect(total[i]! - total[i - 1]!).toBeCloseTo(0.5 * noise[i - 1]!, 12);
  });

  it('draws each element of an arrayed call apart', () => {
    const m: Model = { ...model([aux('x', 'NORMAL(0, 1)', ['Region'])], { stop: 5 }), dimensions: [{ name: 'Region', elements: ['north', 'south'] }] };
    const r = run(m);
    expect(r.series.get('x[north]')![0]).not.toBe(r.series.get('x[south]')![0]);
  });
});
