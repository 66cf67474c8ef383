/** `symbiose risk` and the analysis under it: ranged assumptions drawn, NPV per actor, chance of a loss. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkRiskOptions, drawInputs, planRisk, profitabilityOfAll, riskAssumptions, runChunk, runRisk, tallyRisk,
  type BusinessRisk, type RiskOptions, type RiskResult, type SegmentRisk,
} from '../src/analyses/index.js';
import { drawFigures, figureLayout, readFigures } from '../src/analyses/risk-figures.js';
import { betaCdf, betaQuantile, normalCdf, planDesign, rankCorrelationMatrix, prepareDistribution, type Distribution } from '../src/stats/index.js';
import { loadModel, type Ecosystem, type Prepared } from '../src/core/index.js';
import { prepareDynamics } from '../src/engine/index.js';
import { shopModel } from './shop-model.js';

const BIN = resolve('bin/symbiose.js');

/**
 * One shop, one buyer, one year, no discounting: the shop's NPV is price − rent = price − 100, and
 * price ~ PERT(50, 100, 250), i.e. 50 + 200·Beta(α, β) with α = 1 + 4·50/200 = 2, β = 1 + 4·150/200 = 4.
 * By hand:
 *   mean NPV = (50 + 4·100 + 250)/6 − 100 = 16.667; variance (μ − 50)(250 − μ)/7 = 1269.84;
 *   P(NPV < 0) = P(Beta(2, 4) < 0.25) = 1 − (0.75⁵ + 5·0.25·0.75⁴) = 0.3671875;
 *   median NPV = 50 + 200·m − 100 with m the Beta(2, 4) median, scipy.special.betaincinv(2, 4, 0.5)
 *   = 0.3138101704556974, so 12.762034091139483; the density of Beta(2, 4) is 20·x·(1 − x)³.
 */
const SHOP = shopModel({
  version: 2,
  name: 'One shop, one buyer',
  price: '{ value: 100, unit: EUR, assumption: "a guess", range: [50, 250] }',
  rent: '{ value: 100, unit: EUR/year, source: "the lease" }',
});

function loaded(text: string, file: string): { doc: Ecosystem['doc']; ecosystem: Ecosystem; prepared: Prepared } {
  const result = loadModel(text, file, { dynamics: prepareDynamics });
  return { doc: result.ecosystem!.doc, ecosystem: result.ecosystem!, prepared: result.prepared! };
}

const business = (result: RiskResult, actor: string) => result.actors.find((a) => a.actor === actor) as BusinessRisk;

describe('runRisk against a hand-worked model', () => {
  const { ecosystem, prepared } = loaded(SHOP, 'shop.yaml');

  it.each(['mc', 'lhs', 'sobol'] as const)('%s, seed 1, 4000 draws: mean, median and the chance of a loss', (sampling) => {
    const runs = 4000;
    const result = runRisk(prepared, ecosystem, { runs, seed: 1, sampling });
    expect(result.assumptions.sampled).toEqual([{ parameter: 'price', distribution: { kind: 'pert', min: 50, mode: 100, max: 250 }, period: false }]);
    expect(result.assumptions.held).toEqual([{ parameter: 'rent', reason: 'no-range' }]);
    const shop = business(result, 'shop');
    // Tolerances: 4 standard errors of plain Monte Carlo (the Latin hypercube's and Sobol points'
    // errors are smaller, so the same bound holds for them).
    const sd = Math.sqrt(((700 / 6 - 50) * (250 - 700 / 6)) / 7);
    expect(Math.abs(shop.npv.mean.value - 100 / 6)).toBeLessThan(4 * (sd / Math.sqrt(runs)));
    const p = 0.3671875;
    expect(Math.abs(shop.lossProbability.value - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    // The sample median's standard error: 1/(2·f(median)·√n), f the NPV's density 20·m(1 − m)³/200.
    const m = 0.3138101704556974;
    const density = (20 * m * (1 - m) ** 3) / 200;
    expect(Math.abs(shop.npv.percentiles.p50.value - 12.762034091139483)).toBeLessThan(4 / (2 * density * Math.sqrt(runs)));
    expect(shop.npv.percentiles.p5.value).toBeLessThan(shop.npv.percentiles.p50.value);
    expect(shop.npv.percentiles.p50.value).toBeLessThan(shop.npv.percentiles.p95.value);
    // The buyer pays the price: its NPV is −price, always a loss.
    expect(business(result, 'buyer').lossProbability).toEqual({ value: 1, standardError: 0 });
    expect(result.failed).toBe(0);
  });

  it('gives the same figures from the same seed, and others from another', () => {
    const run = (seed: number): RiskResult => runRisk(prepared, ecosystem, { runs: 500, seed, sampling: 'mc' });
    expect(run(7)).toEqual(run(7));
    expect(business(run(8), 'shop').npv.mean.value).not.toBe(business(run(7), 'shop').npv.mean.value);
  });
});

/** A model whose shop NPV is `amount − 1` (no discounting, one year): the amount is what the test draws. */
const DRAWN = (amount: string) => `symbiose: 3
name: Drawn
currency: EUR
period: year
horizon: 1
discountRate: 0
parameters:
  a: { value: 1, assumption: "drawn by the test" }
  b: { value: 1, assumption: "drawn by the test" }
  c: { value: 1, assumption: "drawn by the test" }
actors:
  shop: { name: Shop, kind: organisation, costs: [{ name: Rent, fixed: 1 }] }
  buyer: { name: Buyer, kind: organisation }
valueObjects:
  money: { nature: money }
  goods: { nature: product }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyer, object: goods }
      - { from: buyer, to: shop, object: money, amount: "${amount}" }
scenarios:
  buy:
    start: { actor: buyer, count: 1 }
    steps: [sale]
`;

/** A run of `model` with its parameters drawn from `distributions` (what declared distributions will give). */
function drawnRun(model: string, distributions: Record<string, Distribution>, options: RiskOptions): RiskResult {
  const { ecosystem, prepared } = loaded(model, 'drawn.yaml');
  const sampled = Object.entries(distributions).map(([parameter, distribution]) => ({ parameter, distribution, period: false }));
  const plan = { ...planRisk(ecosystem, options), assumptions: { sampled, held: [] } };
  const withDistributions = { ...plan, distributions: sampled.map((a) => prepareDistribution(a.distribution)), design: planDesign({ method: options.sampling, dimensions: sampled.length, runs: options.runs, seed: options.seed }) };
  return tallyRisk(withDistributions, (c) => runChunk(prepared, withDistributions, c));
}

describe('estimates against closed forms (each tolerance 4 standard errors of plain Monte Carlo)', () => {
  const runs = 20_000;
  it('a sum of three uniforms (Irwin–Hall): mean, 5th percentile, median, P(sum < 1)', () => {
    // NPV = U₁ + U₂ + U₃ − 1. Irwin–Hall(3): mean 3/2, variance 3/12, F(x) = x³/6 on [0, 1], so
    // P(NPV < 0) = 1/6, the 5th percentile of the sum is 0.3^(1/3) (density x²/2 there) and the
    // median 3/2 (density 3/4 there).
    const result = drawnRun(DRAWN('a + b + c'), { a: { kind: 'uniform', min: 0, max: 1 }, b: { kind: 'uniform', min: 0, max: 1 }, c: { kind: 'uniform', min: 0, max: 1 } }, { runs, seed: 11, sampling: 'mc' });
    const shop = business(result, 'shop');
    expect(Math.abs(shop.npv.mean.value - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / runs));
    expect(Math.abs(shop.npv.mean.standardError - Math.sqrt(0.25 / runs))).toBeLessThan(0.05 * Math.sqrt(0.25 / runs));
    const p = 1 / 6;
    expect(Math.abs(shop.lossProbability.value - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    const q5 = 0.3 ** (1 / 3);
    const q5Error = Math.sqrt(0.05 * 0.95 / runs) / (q5 ** 2 / 2);
    expect(Math.abs(shop.npv.percentiles.p5.value - (q5 - 1))).toBeLessThan(4 * q5Error);
    const medianError = Math.sqrt(0.25 / runs) / 0.75;
    expect(Math.abs(shop.npv.percentiles.p50.value - 0.5)).toBeLessThan(4 * medianError);
    // The percentiles' own standard errors estimate those asymptotic ones.
    expect(shop.npv.percentiles.p50.standardError / medianError).toBeGreaterThan(0.7);
    expect(shop.npv.percentiles.p50.standardError / medianError).toBeLessThan(1.4);
  });

  it('a product of two lognormals: mean, median, P(product < 1)', () => {
    // a ~ LN(0, 0.5), b ~ LN(0.2, 0.3): ab ~ LN(0.2, √0.34), mean e^(0.2 + 0.17), median e^0.2,
    // variance (e^0.34 − 1)·e^(0.4 + 0.34); P(ab < 1) = Φ(−0.2/√0.34).
    const result = drawnRun(DRAWN('a * b'), { a: { kind: 'lognormal', mu: 0, sigma: 0.5 }, b: { kind: 'lognormal', mu: 0.2, sigma: 0.3 } }, { runs, seed: 12, sampling: 'mc' });
    const shop = business(result, 'shop');
    const sd = Math.sqrt((Math.exp(0.34) - 1) * Math.exp(0.74));
    expect(Math.abs(shop.npv.mean.value - (Math.exp(0.37) - 1))).toBeLessThan(4 * (sd / Math.sqrt(runs)));
    const p = normalCdf(-0.2 / Math.sqrt(0.34));
    expect(Math.abs(shop.lossProbability.value - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    // The median's density: the lognormal density at e^μ, 1/(e^μ σ √(2π)).
    const density = 1 / (Math.exp(0.2) * Math.sqrt(0.34) * Math.sqrt(2 * Math.PI));
    expect(Math.abs(shop.npv.percentiles.p50.value - (Math.exp(0.2) - 1))).toBeLessThan(4 / (2 * density * Math.sqrt(runs)));
  });
});

/**
 * Break-even by hand: 400 invested in the first month, and price earned each month, 4 months. The
 * cumulative position −400 + p·price breaks even at p = ⌈400/price⌉, within the horizon when
 * price ≥ 100. price ~ PERT(50, 100, 250) = 50 + 200·B, B ~ Beta(2, 4), whose survival function
 * is S(x) = (1 − x)⁵ + 5x(1 − x)⁴. So P(break-even) = S(1/4) = 0.6328125; month 2 when
 * price ≥ 200 (S(3/4)), month 3 when 400/3 ≤ price < 200 (S(5/12) − S(3/4)), month 4 when
 * 100 ≤ price < 400/3 (S(1/4) − S(5/12)). The deepest position is always −400 + price (month 1).
 */
const INVESTED = `symbiose: 3
name: Invested shop
currency: EUR
period: month
horizon: 4
discountRate: 0
parameters:
  price: { value: 100, unit: EUR, assumption: "a guess", range: [50, 250] }
actors:
  shop: { name: Shop, kind: organisation, costs: [{ name: Fit-out, investment: 400, at: 1 }] }
  buyers: { name: Buyers, kind: segment, size: 1 }
valueObjects:
  money: { nature: money }
  goods: { nature: product, valuation: 300 }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyers, object: goods }
      - { from: buyers, to: shop, object: money, amount: price }
scenarios:
  buy:
    start: { actor: buyers, count: 1 }
    steps: [sale]
`;

describe('break-even, deepest position and segments, by hand', () => {
  const { ecosystem, prepared } = loaded(INVESTED, 'invested.yaml');
  const S = (x: number) => (1 - x) ** 5 + 5 * x * (1 - x) ** 4;
  const runs = 20_000;
  const result = runRisk(prepared, ecosystem, { runs, seed: 5, sampling: 'mc' });
  const shop = business(result, 'shop');

  it('gives the probability of breaking even within the horizon and the mean break-even month', () => {
    const p = S(0.25);
    expect(p).toBeCloseTo(0.6328125, 12);
    expect(Math.abs(shop.breakEven.probability.value - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    const months = [[2, S(0.75)], [3, S(5 / 12) - S(0.75)], [4, S(0.25) - S(5 / 12)]] as const;
    const mean = months.reduce((sum, [m, q]) => sum + m * q, 0) / p;
    const variance = months.reduce((sum, [m, q]) => sum + (m - mean) ** 2 * q, 0) / p;
    expect(Math.abs(shop.breakEven.period!.mean.value - mean)).toBeLessThan(4 * Math.sqrt(variance / (p * runs)));
    expect(shop.breakEven.period!.percentiles.p95.value).toBe(4);
    expect(shop.breakEven.period!.percentiles.p5.value).toBeGreaterThanOrEqual(2);
  });

  it('gives the deepest position (−400 + price) with its expected shortfall at 5 %', () => {
    // E[price] = 700/6; the worst 5 % of −400 + price is the mean of price below its 5th
    // percentile, less 400: E[price | price ≤ q] with q its 5th percentile, by the Beta(2, 4)
    // partial mean (scipy: 50 + 200·beta(3, 4).cdf(x0)/beta(2, 4).cdf(x0)·(2/6), x0 = q's B).
    expect(Math.abs(shop.deepest.mean.value - (700 / 6 - 400))).toBeLessThan(4 * (Math.sqrt(1269.84) / Math.sqrt(runs)));
    const x0 = betaQuantile(0.05, 2, 4);
    const tail = 50 + 200 * (betaCdf(x0, 3, 4) / 0.05) * (2 / 6);
    expect(Math.abs(shop.deepest.expectedShortfall.value - (tail - 400))).toBeLessThan(4 * shop.deepest.expectedShortfall.standardError);
    expect(shop.deepest.percentiles.p5.value).toBeLessThan(shop.deepest.percentiles.p95.value);
  });

  it('gives a segment its members’ gain and the chance that they lose, never an NPV (valuation 300 less the price)', () => {
    const buyers = result.actors.find((a) => a.actor === 'buyers') as SegmentRisk;
    expect(buyers.role).toBe('segment');
    expect(buyers).not.toHaveProperty('npv');
    expect(buyers).not.toHaveProperty('breakEven');
    // The price is at most 250, under the valuation of 300: the members never lose.
    expect(buyers.lossProbability).toEqual({ value: 0, standardError: 0 });
    // 4 months of 300 − price: mean 4·(300 − 700/6), sd 4·√1269.84.
    expect(Math.abs(buyers.gain.mean.value - 4 * (300 - 700 / 6))).toBeLessThan(4 * ((4 * Math.sqrt(1269.84)) / Math.sqrt(runs)));
    expect(buyers.fan.values).toHaveLength(5);
  });

  it('draws a fan chart whose bands at the horizon are the cumulative position’s percentiles', () => {
    // At month 4 the cumulative position is −400 + 4·price: its median is −400 + 4·(50 + 200·m).
    const m = betaQuantile(0.5, 2, 4);
    const at4 = shop.fan.values[4]!;
    expect(at4).toEqual([...at4].sort((x, y) => x - y));
    expect(Math.abs(at4[2]! - (-400 + 4 * (50 + 200 * m)))).toBeLessThan(4 * shop.fan.standardErrors[4]![2]!);
    expect(shop.fan.values[0]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('a model whose dynamics draw (XMILE random builtins)', () => {
  // Each month the buyer buys NORMAL(10, 2) units at 1: NPV = Σ of the monthly demand, mean 120.
  const STOCHASTIC = `symbiose: 3
name: Noisy demand
currency: EUR
period: month
horizon: 12
discountRate: 0
actors:
  shop: { name: Shop, kind: organisation }
  buyer: { name: Buyer, kind: organisation }
valueObjects:
  money: { nature: money }
  goods: { nature: product }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyer, object: goods }
      - { from: buyer, to: shop, object: money, amount: 1 }
scenarios:
  buy:
    start: { actor: buyer, count: demand }
    steps: [sale]
dynamics:
  dt: 1
  variables:
    demand:
      equation: NORMAL(10, 2)
`;
  const { ecosystem, prepared } = loaded(STOCHASTIC, 'noisy.yaml');
  it('runs under risk: each draw its own stream (seeded by the run and the draw), the same figures again from the same seed', () => {
    const a = runRisk(prepared, ecosystem, { runs: 2000, seed: 6, sampling: 'mc' });
    const shop = business(a, 'shop');
    expect(a.failed).toBe(0);
    expect(shop.npv.sd).toBeGreaterThan(0);
    expect(Math.abs(shop.npv.mean.value - 120)).toBeLessThan(4 * shop.npv.mean.standardError);
    expect(runRisk(prepared, ecosystem, { runs: 2000, seed: 6, sampling: 'mc' })).toEqual(a);
    expect(business(runRisk(prepared, ecosystem, { runs: 2000, seed: 7, sampling: 'mc' }), 'shop').npv.mean.value).not.toBe(shop.npv.mean.value);
  });
});

describe('--precision', () => {
  const { ecosystem, prepared } = loaded(INVESTED, 'invested.yaml');
  it('stops after the first whole chunk whose probabilities reach it, the same figures as a run of that many draws', () => {
    const stopped = runRisk(prepared, ecosystem, { runs: 100_000, seed: 3, sampling: 'mc', precision: 0.006, chunkSize: 512 });
    expect(stopped.stoppedBy).toBe('precision');
    expect(stopped.draws % 512).toBe(0);
    const shop = business(stopped, 'shop');
    const laplace = (p: number, n: number) => Math.sqrt((((p * n + 1) / (n + 2)) * (1 - (p * n + 1) / (n + 2))) / n);
    expect(laplace(shop.breakEven.probability.value, stopped.draws)).toBeLessThanOrEqual(0.006);
    // One chunk fewer would not have reached it: P ≈ 0.63 needs n ≥ 0.63·0.37/0.006² ≈ 6,500.
    expect(laplace(0.6328, stopped.draws - 512)).toBeGreaterThan(0.006 * 0.99);
    const fixed = runRisk(prepared, ecosystem, { runs: stopped.draws, seed: 3, sampling: 'mc', chunkSize: 512 });
    expect({ ...fixed, runs: 0, stoppedBy: 'x' }).toEqual({ ...stopped, runs: 0, stoppedBy: 'x', precision: undefined });
  });

  it('is refused for a Latin hypercube and outside (0, 1)', () => {
    expect(checkRiskOptions({ runs: 10, seed: 1, sampling: 'lhs', precision: 0.01 })).toEqual([{ code: 'precision-with-lhs' }]);
    expect(checkRiskOptions({ runs: 10, seed: 1, sampling: 'mc', precision: 0 })).toEqual([{ code: 'precision-not-positive', value: 0 }]);
    expect(checkRiskOptions({ runs: 10, seed: 1, sampling: 'sobol', precision: 0.01 })).toEqual([]);
  });
});

describe('the figures of a draw', () => {
  it.each(readdirSync('library').filter((f) => f.endsWith('.yaml')))('equal the profit sheets’ for %s as written', (file) => {
    const { doc, ecosystem } = loaded(readFileSync(join('library', file), 'utf8'), file);
    const layout = figureLayout(doc, ecosystem.ledger);
    const figures = drawFigures(layout);
    readFigures(layout, ecosystem, figures);
    profitabilityOfAll(ecosystem).forEach((sheet, a) => {
      const segment = layout.roles[a] === 'segment';
      const expected = segment ? sheet.totalNet + sheet.totals.valueReceived.reduce((x, y) => x + y, 0) + sheet.totals.financing.reduce((x, y) => x + y, 0) : sheet.npv;
      const scale = Math.max(1, Math.abs(expected));
      expect(Math.abs(figures.headline[a]! - expected)).toBeLessThan(1e-9 * scale);
      if (segment) return;
      expect(Number.isNaN(figures.breakEven[a]!) ? null : figures.breakEven[a]).toBe(sheet.breakEven);
      expect(Math.abs(figures.deepest[a]! - sheet.deepest.amount)).toBeLessThan(1e-9 * scale);
    });
  });
});

describe('which assumptions --ranges draws', () => {
  it('draws the factors format version 4 names in the library, and timings as whole periods', () => {
    const purple = loaded(readFileSync('library/purple-button.yaml', 'utf8'), 'purple-button.yaml');
    const assumptions = riskAssumptions(purple.doc);
    const held = (reason: string) => assumptions.held.filter((h) => h.reason === reason).map((h) => h.parameter);
    // Format version 4: cover_worth = "premium * cover_markup", the range [1.0, 1.4] on the factor: no expression is held.
    expect(held('range-of-expression')).toEqual([]);
    expect(assumptions.sampled.find((a) => a.parameter === 'cover_markup')).toEqual({ parameter: 'cover_markup', distribution: { kind: 'pert', min: 1, mode: 1.15, max: 1.4 }, period: false });
    expect(held('no-range')).toContain('test_months');
    // `if(t == hackathon_month, 1, 0)` and `t <= test_months + discount_months` (test_months has no range).
    const periods = assumptions.sampled.filter((a) => a.period).map((a) => a.parameter);
    expect(periods).toEqual(expect.arrayContaining(['hackathon_month', 'discount_months']));
    expect(periods).not.toContain('adoption_months'); // read as `t / adoption_months`: no comparison, a smooth ramp
    expect(assumptions.sampled.find((a) => a.parameter === 'premium')).toEqual({ parameter: 'premium', distribution: { kind: 'pert', min: 25, mode: 40, max: 80 }, period: false });
    const coaching = loaded(readFileSync('library/coaching-professionnel.yaml', 'utf8'), 'coaching-professionnel.yaml');
    expect(riskAssumptions(coaching.doc).held.filter((h) => h.reason === 'range-of-expression').map((h) => h.parameter)).toEqual(['premium_worth']);
  });

  it('draws a parameter compared with t as whole periods, on either side of the comparison', () => {
    const text = SHOP.replace('horizon: 1', 'horizon: 6')
      .replace('  rent: {', '  opening: { value: 2, assumption: "a guess", range: [1, 4] }\n  promo_end: { value: 3, assumption: "a guess", range: [2, 5] }\n  rent: {')
      .replace('start: { actor: buyer, count: 1 }', 'start: { actor: buyer, count: "if(t >= opening and promo_end > t, 2, 1) * price / price" }');
    const { doc, ecosystem, prepared } = loaded(text, 'shop.yaml');
    expect(riskAssumptions(doc).sampled.map((a) => [a.parameter, a.period])).toEqual([['price', false], ['opening', true], ['promo_end', true]]);
    expect(runRisk(prepared, ecosystem, { runs: 50, seed: 2, sampling: 'mc' }).failed).toBe(0);
  });

  it('draws a declared distribution as declared, its mode the value when not given, and holds an empirical one not read', () => {
    const text = SHOP.replace('symbiose: 2', 'symbiose: 4')
      .replace('range: [50, 250] }', 'range: [50, 250], distribution: { kind: discrete, values: [50, 150], probabilities: [0.5, 0.5] } }')
      .replace('  rent: {', '  delay: { value: 1, distribution: { kind: triangular, min: 0, max: 2 } }\n  history: { value: 1, distribution: { kind: empirical, file: h.csv, column: x } }\n  rent: {')
      .replace('count: 1 }', 'count: "if(t >= 1 + delay, 0, 1) + history * 0" }');
    const { doc, ecosystem, prepared } = loaded(text, 'shop.yaml');
    const assumptions = riskAssumptions(doc, { model: prepared.model });
    expect(assumptions.sampled).toEqual([
      { parameter: 'price', distribution: { kind: 'discrete', values: [50, 150], weights: [0.5, 0.5] }, period: false },
      // `t >= 1 + delay`: delay sets a timing, drawn as whole periods.
      { parameter: 'delay', distribution: { kind: 'triangular', min: 0, mode: 1, max: 2 }, period: true },
    ]);
    expect(assumptions.held).toEqual([{ parameter: 'history', reason: 'empirical-unread' }, { parameter: 'rent', reason: 'no-range' }]);
    // With the column read, it is drawn from the values observed, each equally likely.
    expect(riskAssumptions(doc, { model: prepared.model, columns: new Map([['history', [2, 4]]]) }).sampled[2]).toEqual({
      parameter: 'history', distribution: { kind: 'discrete', values: [2, 4], weights: [1, 1] }, period: false,
    });
    // The buyer buys in period 1 unless 1 >= 1 + delay, that is unless delay rounds to 0: a triangular(0, 1, 2)
    // is below 0.5 with probability 0.5² / 2 = 1/8. Without the sale the shop loses its rent (−100); with it,
    // its NPV is price − 100: −50 or +50, each with probability 1/2. P(loss) = 1/8 + 7/8 · 1/2 = 9/16.
    const run = runRisk(prepared, ecosystem, { runs: 4000, seed: 5, sampling: 'mc' });
    const shop = business(run, 'shop');
    expect(Math.abs(shop.lossProbability.value - 0.5625)).toBeLessThan(4 * shop.lossProbability.standardError);
  });

  it('without --ranges draws only the declared distributions, and holds a range that declares none', () => {
    const text = SHOP.replace('symbiose: 2', 'symbiose: 4')
      .replace('rent: { value: 100, unit: EUR/year, source: "the lease" }', 'rent: { value: 100, unit: EUR/year, source: "the lease", distribution: { kind: uniform, min: 50, max: 150 } }');
    const { doc, prepared } = loaded(text, 'shop.yaml');
    const declaredOnly = riskAssumptions(doc, { model: prepared.model, ranges: false });
    expect(declaredOnly.sampled).toEqual([{ parameter: 'rent', distribution: { kind: 'uniform', min: 50, max: 150 }, period: false }]);
    expect(declaredOnly.held).toEqual([{ parameter: 'price', reason: 'range-not-asked' }]);
    expect(riskAssumptions(doc, { model: prepared.model }).sampled.map((a) => a.parameter)).toEqual(['price', 'rent']);
  });

  it('induces the declared rank correlation in every chunk, each column keeping the values it drew', () => {
    const text = SHOP.replace('symbiose: 2', 'symbiose: 4')
      .replace('rent: { value: 100, unit: EUR/year, source: "the lease" }', 'rent: { value: 100, unit: EUR/year, assumption: "a guess", range: [50, 150] }');
    const correlated = loaded(text.replace('actors:', 'correlations:\n  - { between: [price, rent], rank: 0.8 }\nactors:'), 'shop.yaml');
    const independent = loaded(text, 'shop.yaml');
    const options = { runs: 2048, seed: 9, sampling: 'lhs' as const };
    const withRank = planRisk(correlated.ecosystem, options), without = planRisk(independent.ecosystem, options);
    for (const c of [0, 1]) {
      const a = drawInputs(withRank, c), b = drawInputs(without, c);
      // Spearman's rho of the two columns (definition: the rank correlation matrix, src/stats rankCorrelationMatrix).
      expect(Math.abs(rankCorrelationMatrix(a, 2)[0]![1]! - 0.8)).toBeLessThan(0.03);
      expect(Math.abs(rankCorrelationMatrix(b, 2)[0]![1]!)).toBeLessThan(0.1);
      // Iman–Conover only reorders: each column holds the same values as the independent draw, so the marginals (and the hypercube's strata) are kept.
      for (const j of [0, 1]) {
        const column = (m: Float64Array) => Array.from({ length: m.length / 2 }, (_, i) => m[i * 2 + j]!).sort((x, y) => x - y);
        expect(column(a)).toEqual(column(b));
      }
    }
  });

  it('refuses nothing silently: a range without width or around a value outside it is held, with its reason', () => {
    const text = SHOP.replace('range: [50, 250]', 'range: [120, 250]').replace('source: "the lease"', 'assumption: "fixed", range: [100, 100]');
    const { doc } = loaded(text, 'shop.yaml');
    expect(riskAssumptions(doc)).toEqual({
      sampled: [],
      held: [{ parameter: 'price', reason: 'value-outside-range' }, { parameter: 'rent', reason: 'range-without-width' }],
    });
  });
});

describe('symbiose risk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-risk-'));
  writeFileSync(join(dir, 'shop.yaml'), SHOP);
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('without --ranges draws the declared distributions only, and refuses a model that declares none', () => {
    const text = SHOP.replace('symbiose: 2', 'symbiose: 4')
      .replace('rent: { value: 100, unit: EUR/year, source: "the lease" }', 'rent: { value: 100, unit: EUR/year, source: "the lease", distribution: { kind: uniform, min: 50, max: 150 } }');
    // Through the CLI: the shop's NPV is price − rent = 100 − U(50, 150), below zero with probability 1/2.
    writeFileSync(join(dir, 'declared.yaml'), text);
    const json = JSON.parse(cli(['risk', 'declared.yaml', '--runs', '4000', '--seed', '4', '--sampling', 'mc', '--json']).stdout) as {
      actors: Array<{ actor: string; lossProbability: { value: number; standardError: number } }>;
    };
    const shop = json.actors.find((a) => a.actor === 'shop')!;
    expect(Math.abs(shop.lossProbability.value - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 4000));
    // The shop model as first written declares no distribution: without --ranges there is nothing to draw.
    const bare = cli(['risk', 'shop.yaml', '--lang', 'fr']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('ne déclare de loi de probabilité : ajoutez --ranges');
  });

  it('prints each actor’s NPV spread and chance of a loss, in English and in French, and as JSON', () => {
    const en = cli(['risk', 'shop.yaml', '--ranges', '--runs', '2000', '--seed', '3', '--lang', 'en']);
    expect(en.stderr).toBe('');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('P(NPV < 0)');
    expect(en.stdout).toContain('price: PERT(50, 100, 250)');
    expect(en.stdout).toContain('No range: rent.');
    // The terminal drawings: a histogram and a fan chart per actor, with its legend.
    expect(en.stdout).toContain('NPV (EUR), share of draws per bin');
    expect(en.stdout).toContain('Cumulative position of Shop, period by period:');
    expect(en.stdout).toContain('░ 5–95 %   ▓ 25–75 %   ● median   · zero');
    // CSV gets the fan chart's bands as a table instead: period, then the five percentiles.
    const csv = cli(['risk', 'shop.yaml', '--ranges', '--runs', '500', '--format', 'csv', '--lang', 'en']);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain('Period,5th pct,25th pct,50th pct,75th pct,95th pct');
    const fr = cli(['risk', 'shop.yaml', '--ranges', '--runs', '2000', '--seed', '3', '--lang', 'fr']);
    expect(fr.stdout).toContain('P(VAN < 0)');
    expect(fr.stdout).toContain('Sans fourchette\u00a0: rent.');
    const json = JSON.parse(cli(['risk', 'shop.yaml', '--ranges', '--runs', '2000', '--seed', '3', '--sampling', 'sobol', '--json']).stdout) as {
      sampling: string;
      actors: Array<{ actorName: string; lossProbability: { value: number } }>;
    };
    expect(json.sampling).toBe('sobol');
    expect(json.actors.map((a) => a.actorName)).toEqual(['Shop', 'Buyer']);
    expect(json.actors[0]!.lossProbability.value).toBeGreaterThan(0.3);
  });

  it('simulate --seed fixes the random builtins’ draws of a run (the same seed, the same series)', () => {
    writeFileSync(join(dir, 'noisy.yaml'), 'symbiose: 3\nname: Noisy\ncurrency: EUR\nperiod: month\nhorizon: 3\nactors:\n  a: { name: A, kind: organisation }\nvalueObjects:\n  money: { nature: money }\ntransactions: {}\ndynamics:\n  dt: 1\n  variables:\n    demand:\n      equation: NORMAL(10, 2)\n');
    const run = (...seed: string[]) => cli(['simulate', 'noisy.yaml', '--csv', ...seed]);
    const one = run('--seed', '1'), two = run('--seed', '2');
    expect(one.status).toBe(0);
    expect(run('--seed', '1').stdout).toBe(one.stdout);
    expect(run().stdout).toBe(one.stdout); // seed 1 by default
    expect(two.stdout).not.toBe(one.stdout);
    expect(run('--seed', '-3').status).toBe(2);
  });

  it('refuses bad usage with exit 2 and a message', () => {
    const bare = cli(['risk', 'shop.yaml', '--lang', 'en']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('--ranges');
    const runs = cli(['risk', 'shop.yaml', '--ranges', '--runs', '1e3', '--lang', 'en']);
    expect(runs.status).toBe(2);
    expect(runs.stderr).toContain('--runs expects a whole number from 1 to 100000000, got "1e3"');
    expect(cli(['risk', 'shop.yaml', '--ranges', '--sampling', 'grid']).status).toBe(2);
    const lhs = cli(['risk', 'shop.yaml', '--ranges', '--precision', '1%', '--lang', 'en']);
    expect(lhs.status).toBe(2);
    expect(lhs.stderr).toContain('--precision cannot stop a Latin hypercube');
    const wide = cli(['risk', 'shop.yaml', '--ranges', '--sampling', 'mc', '--precision', '2', '--lang', 'en']);
    expect(wide.status).toBe(2);
    expect(wide.stderr).toContain('--precision expects a standard error strictly between 0 and 1');
  });
});
