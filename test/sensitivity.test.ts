/** `symbiose sensitivity` and runSensitivity on a model whose figures are worked out by hand. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assumptionsToTest, driversOfDraws, planRisk, rangeEnds, runChunk, runSensitivity, type AssumptionEffect } from '../src/analyses/index.js';
import { prepareDistribution, type Distribution } from '../src/stats/index.js';
import { loadModel, type Ecosystem, type Prepared } from '../src/core/index.js';
import { prepareDynamics } from '../src/engine/index.js';

const BIN = resolve('bin/symbiose.js');

/**
 * One shop, one buyer, one year, no discounting: the shop's NPV is price − rent, the buyer's
 * −price. price ~ PERT(50, 100, 250), rent ~ PERT(80, 100, 120); fee (a constant) has no range.
 * PERT variances (μ − min)(max − μ)/7 with μ = (min + 4·mode + max)/6:
 *   price: μ = 700/6 = 116.67, Var = 66.67 · 133.33 / 7 = 1269.84;
 *   rent:  μ = 100,           Var = 20 · 20 / 7     = 57.143.
 * The shop's NPV is additive, so its Sobol indices are Var_i / (1269.84 + 57.143): price 0.95694,
 * rent 0.04306, first order equal to total; its SRCs are ±σ_i/σ_NPV = +0.97823 and −0.20751.
 */
const SHOP = `symbiose: 2
name: One shop, one buyer
currency: EUR
period: year
horizon: 1
discountRate: 0
parameters:
  price: { value: 100, unit: EUR, assumption: "a guess", range: [50, 250] }
  rent: { value: 100, unit: EUR/year, assumption: "the landlord's mood", range: [80, 120] }
  fee: { value: 0, unit: EUR, source: "none" }
actors:
  shop: { name: Shop, kind: organisation, costs: [{ name: Rent, fixed: rent }] }
  buyer: { name: Buyer, kind: organisation }
valueObjects:
  money: { nature: money }
  goods: { nature: product, valuation: 300 }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyer, object: goods }
      - { from: buyer, to: shop, object: money, amount: price + fee }
scenarios:
  buy:
    start: { actor: buyer, count: 1 }
    steps: [sale]
`;

const VAR_PRICE = ((700 / 6 - 50) * (250 - 700 / 6)) / 7, VAR_RENT = (20 * 20) / 7;

function loaded(text: string): { ecosystem: Ecosystem; prepared: Prepared } {
  const result = loadModel(text, 'shop.yaml', { dynamics: prepareDynamics });
  return { ecosystem: result.ecosystem!, prepared: result.prepared! };
}
const byParameter = (ranking: AssumptionEffect[], parameter: string) => ranking.find((e) => e.parameter === parameter)!;

describe('runSensitivity on the hand-worked shop', () => {
  const { ecosystem, prepared } = loaded(SHOP);

  it('tornado: price swings the shop’s NPV by 200 (−50 to 150), rent by 40 (20 to −20)', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'tornado', seed: 1 });
    expect(result.evaluations).toBe(5);
    const shop = result.actors.find((a) => a.actor === 'shop')!;
    expect(shop.base).toBeCloseTo(0, 9);
    expect(shop.ranking.map((e) => e.parameter)).toEqual(['price', 'rent']);
    expect(shop.ranking[0]).toMatchObject({ method: 'tornado', low: 50, high: 250, atLow: -50, atHigh: 150, measure: 200 });
    expect(shop.ranking[1]).toMatchObject({ low: 80, high: 120, atLow: 20, atHigh: -20, measure: 40 });
    expect(result.assumptions.held).toEqual([{ parameter: 'fee', reason: 'no-range' }]);
    // The buyer's NPV is −price: rent does not move it.
    const buyer = result.actors.find((a) => a.actor === 'buyer')!;
    expect(byParameter(buyer.ranking, 'rent').measure).toBe(0);
  });

  it('ranks a segment by its members’ gain, as risk reads it: buyers gain 300 − price (the goods’ worth less what they pay)', () => {
    const segment = loaded(SHOP.replace('buyer: { name: Buyer, kind: organisation }', 'buyer: { name: Buyers, kind: segment, size: 1 }'));
    const result = runSensitivity(segment.prepared, segment.ecosystem, { method: 'tornado', seed: 1, actors: ['buyer'] });
    const buyers = result.actors[0]!;
    expect(buyers.role).toBe('segment');
    expect(buyers.base).toBeCloseTo(200, 9);
    expect(buyers.ranking[0]).toMatchObject({ parameter: 'price', atLow: 250, atHigh: 50, measure: 200 });
  });

  it('says when the model correlates assumptions that every method moves independently', () => {
    const correlated = loaded(`${SHOP.replace('symbiose: 2', 'symbiose: 4')}correlations:\n  - { between: [price, rent], rank: 0.5 }\n`);
    expect(runSensitivity(correlated.prepared, correlated.ecosystem, { method: 'tornado', seed: 1 }).correlated).toEqual(['price', 'rent']);
    expect(runSensitivity(prepared, ecosystem, { method: 'tornado', seed: 1 }).correlated).toEqual([]);
  });

  it('regression, 2000 draws: SRCs near ±σᵢ/σ_NPV and R² = 1 (the NPV is linear)', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'regression', runs: 2000, seed: 3 });
    const shop = result.actors.find((a) => a.actor === 'shop')!;
    expect(shop.rSquared).toBeCloseTo(1, 9);
    const sd = Math.sqrt(VAR_PRICE + VAR_RENT);
    // Two independent columns of 2000 draws have a spurious correlation of sd 1/√2000 = 0.022,
    // which moves σ_NPV, so the SRCs, by less than twice that times the smaller coefficient.
    const price = byParameter(shop.ranking, 'price'), rent = byParameter(shop.ranking, 'rent');
    if (price.method !== 'regression' || rent.method !== 'regression') throw new Error('not a regression');
    expect(Math.abs(price.src - Math.sqrt(VAR_PRICE) / sd)).toBeLessThan(0.01);
    expect(Math.abs(rent.src + Math.sqrt(VAR_RENT) / sd)).toBeLessThan(0.05);
    expect(shop.ranking[0]!.parameter).toBe('price');
  });

  it('sobol, N = 1024: indices of an additive NPV are Varᵢ / ΣVar, within 3 bootstrap standard errors', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'sobol', runs: 1024, seed: 2 });
    expect(result.evaluations).toBe(1 + 1024 * 4);
    expect(result.sampling).toBe('sobol');
    const shop = result.actors.find((a) => a.actor === 'shop')!;
    const truth = { price: VAR_PRICE / (VAR_PRICE + VAR_RENT), rent: VAR_RENT / (VAR_PRICE + VAR_RENT) };
    for (const parameter of ['price', 'rent'] as const) {
      const effect = byParameter(shop.ranking, parameter);
      if (effect.method !== 'sobol') throw new Error('not sobol');
      expect(Math.abs(effect.first.value - truth[parameter])).toBeLessThanOrEqual(3 * effect.first.standardError);
      expect(Math.abs(effect.total.value - truth[parameter])).toBeLessThanOrEqual(3 * effect.total.standardError);
    }
    // Additive, so the first-order indices add up to 1, within 3 standard errors of their sum (bounded by the sum of theirs).
    const firsts = shop.ranking.map((e) => (e.method === 'sobol' ? e.first : undefined)!);
    expect(Math.abs(firsts[0]!.value + firsts[1]!.value - 1)).toBeLessThanOrEqual(3 * (firsts[0]!.standardError + firsts[1]!.standardError));
    // The buyer's NPV (−price) moves with price alone: S_T(price) = 1 and S_T(rent) = 0 exactly
    // (Jansen's estimator is 0 when the A_B^i runs equal the A runs).
    const buyer = result.actors.find((a) => a.actor === 'buyer')!;
    const rent = byParameter(buyer.ranking, 'rent');
    if (rent.method !== 'sobol') throw new Error('not sobol');
    expect(rent.total.value).toBe(0);
  });

  it('morris: price first for the shop, rent not at all for the buyer', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'morris', runs: 10, seed: 4 });
    expect(result.evaluations).toBe(1 + 10 * 3);
    expect(result.actors[0]!.ranking[0]!.parameter).toBe('price');
    expect(byParameter(result.actors[1]!.ranking, 'rent').measure).toBe(0);
  });

  it('gives the assumption map its rows: rank 1 first, importance relative to the top one', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'tornado', seed: 1, actors: ['shop'] });
    expect(assumptionsToTest(result)).toEqual([
      { actor: 'shop', parameter: 'price', rank: 1, importance: 1, measure: 200, method: 'tornado' },
      { actor: 'shop', parameter: 'rent', rank: 2, importance: 0.2, measure: 40, method: 'tornado' },
    ]);
  });

  it('names what drives each figure in a risk run’s own draws, at no extra evaluation', () => {
    const plan = planRisk(ecosystem, { runs: 500, seed: 1, sampling: 'lhs' });
    const outcome = runChunk(prepared, plan, 0);
    const [shop, buyer] = driversOfDraws(plan.assumptions.sampled, plan.layout.actors, outcome.inputs, outcome.headline);
    expect(shop!.actor).toBe('shop');
    expect(shop!.ranking.map((e) => e.parameter)).toEqual(['price', 'rent']);
    expect(shop!.rSquared).toBeCloseTo(1, 9); // price − rent is linear
    // The buyer's NPV is −price: Spearman ρ = −1 exactly (ranks reversed).
    const price = buyer!.ranking[0]!;
    expect(price.parameter).toBe('price');
    if (price.method !== 'regression') throw new Error('not a regression');
    expect(price.spearman).toBeCloseTo(-1, 12);
  });

  it('gives the same ranking from the same seed', () => {
    const run = () => runSensitivity(prepared, ecosystem, { method: 'sobol', runs: 64, seed: 9 });
    expect(run()).toEqual(run());
  });
});

describe('the ends of a range', () => {
  it('are a bounded distribution’s bounds, an unbounded one’s 5th and 95th percentiles', () => {
    const ends = (d: Distribution) => rangeEnds(d, prepareDistribution(d));
    expect(ends({ kind: 'pert', min: 1, mode: 2, max: 5 })).toEqual([1, 5]);
    expect(ends({ kind: 'uniform', min: -1, max: 1 })).toEqual([-1, 1]);
    expect(ends({ kind: 'beta', alpha: 2, beta: 3 })).toEqual([0, 1]);
    expect(ends({ kind: 'discrete', values: [3, 1, 2], weights: [1, 1, 1] })).toEqual([1, 3]);
    // scipy.stats.norm.ppf(0.05) = −1.6448536269514722.
    expect(ends({ kind: 'normal', mean: 0, sd: 1 })[0]).toBeCloseTo(-1.6448536269514722, 9);
    // Truncated below at 7 (z = −1.5): the high end is the truncated law's 95th percentile,
    // Φ⁻¹(Φ(−1.5) + 0.95·(1 − Φ(−1.5))) = Φ⁻¹(0.95334036) = 1.6781425 (Φ by erf, inverted by bisection), so 10 + 2·1.6781425.
    const truncated = ends({ kind: 'normal', mean: 10, sd: 2, min: 7 });
    expect(truncated[0]).toBe(7);
    expect(truncated[1]).toBeCloseTo(13.356285038547366, 6);
  });
});

describe('symbiose sensitivity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-sensitivity-'));
  writeFileSync(join(dir, 'shop.yaml'), SHOP);
  writeFileSync(join(dir, 'broken.yaml'), SHOP.replace('steps: [sale]', 'steps: [sold]'));
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('prints a tornado with bars in English and in French', () => {
    const en = cli(['sensitivity', 'shop.yaml', '--lang', 'en']);
    expect(en.stderr).toBe('');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Shop: NPV 0 with every assumption at its value');
    expect(en.stdout).toMatch(/price\s+50 → 250\s+−50\s+150\s+200\s+▒+│█+/);
    expect(en.stdout).toContain('Test first: price, rent.');
    expect(en.stdout).toContain('No range: fee.');
    const fr = cli(['sensitivity', 'shop.yaml', '--lang', 'fr', '--actor', 'Shop']);
    expect(fr.status).toBe(0);
    expect(fr.stdout).toContain('Shop\u00a0: VAN de 0 avec chaque hypothèse à sa valeur');
    expect(fr.stdout).toContain('À tester d’abord\u00a0: price, rent.');
    expect(fr.stdout).not.toContain('Buyer');
  });

  it('gives JSON, Markdown without bars, and CSV', () => {
    const json = JSON.parse(cli(['sensitivity', 'shop.yaml', '--method', 'sobol', '--runs', '64', '--json']).stdout) as {
      method: string; evaluations: number; actors: Array<{ actorName: string; ranking: Array<{ parameter: string; total: { value: number } }> }>;
    };
    expect(json.method).toBe('sobol');
    expect(json.evaluations).toBe(257);
    expect(json.actors[0]!.actorName).toBe('Shop');
    expect(json.actors[0]!.ranking[0]!.parameter).toBe('price');
    const sobolText = cli(['sensitivity', 'shop.yaml', '--method', 'sobol', '--runs', '256', '--actor', 'shop', '--lang', 'en']).stdout;
    expect(sobolText).toMatch(/The first-order indices add up to \d\.\d\d: about \d+\.\d % of the variance comes only from/);
    const md = cli(['sensitivity', 'shop.yaml', '--format', 'md', '--lang', 'en']).stdout;
    expect(md).toContain('| price |');
    expect(md).not.toContain('█');
    const csv = cli(['sensitivity', 'shop.yaml', '--method', 'regression', '--runs', '200', '--format', 'csv', '--lang', 'en']);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain('Spearman ρ');
  });

  it('refuses bad usage with exit 2 and a located message, and a broken model with exit 1', () => {
    const tornadoRuns = cli(['sensitivity', 'shop.yaml', '--runs', '10', '--lang', 'en']);
    expect(tornadoRuns.status).toBe(2);
    expect(tornadoRuns.stderr).toContain('--runs does not apply to the tornado');
    const sobolRuns = cli(['sensitivity', 'shop.yaml', '--method', 'sobol', '--runs', '1', '--lang', 'en']);
    expect(sobolRuns.status).toBe(2);
    expect(sobolRuns.stderr).toContain('--runs expects a whole number from 2 to 65536, got "1"');
    expect(cli(['sensitivity', 'shop.yaml', '--method', 'fast']).status).toBe(2);
    const actor = cli(['sensitivity', 'shop.yaml', '--actor', 'landlord', '--lang', 'en']);
    expect(actor.status).toBe(2);
    expect(actor.stderr).toContain('landlord');
    const broken = cli(['sensitivity', 'broken.yaml', '--lang', 'en']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+/);
  });
});
