/** `symbiose risk` and the analysis under it: ranged assumptions drawn, NPV per actor, chance of a loss. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { riskAssumptions, runRisk, type RiskResult } from '../src/analyses/index.js';
import { loadModel, type Prepared } from '../src/core/index.js';
import { prepareDynamics } from '../src/engine/index.js';

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
const SHOP = `symbiose: 2
name: One shop, one buyer
currency: EUR
period: year
horizon: 1
discountRate: 0
parameters:
  price: { value: 100, unit: EUR, assumption: "a guess", range: [50, 250] }
  rent: { value: 100, unit: EUR/year, source: "the lease" }
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
      - { from: buyer, to: shop, object: money, amount: price }
scenarios:
  buy:
    start: { actor: buyer, count: 1 }
    steps: [sale]
`;

function loaded(text: string, file: string): { doc: NonNullable<ReturnType<typeof loadModel>['ecosystem']>['doc']; prepared: Prepared } {
  const result = loadModel(text, file, { dynamics: prepareDynamics });
  return { doc: result.ecosystem!.doc, prepared: result.prepared! };
}

describe('runRisk against a hand-worked model', () => {
  const { doc, prepared } = loaded(SHOP, 'shop.yaml');

  it.each(['mc', 'lhs', 'sobol'] as const)('%s, seed 1, 4000 draws: mean, median and the chance of a loss', (sampling) => {
    const runs = 4000;
    const result = runRisk(prepared, doc, { runs, seed: 1, sampling });
    expect(result.assumptions.sampled).toEqual([{ parameter: 'price', min: 50, mode: 100, max: 250, period: false }]);
    expect(result.assumptions.held).toEqual([{ parameter: 'rent', reason: 'no-range' }]);
    const shop = result.actors.find((a) => a.actor === 'shop')!;
    // Tolerances: 4 standard errors of plain Monte Carlo (the Latin hypercube's and Sobol points'
    // errors are smaller, so the same bound holds for them).
    const sd = Math.sqrt(((700 / 6 - 50) * (250 - 700 / 6)) / 7);
    expect(Math.abs(shop.mean.value - 100 / 6)).toBeLessThan(4 * (sd / Math.sqrt(runs)));
    const p = 0.3671875;
    expect(Math.abs(shop.lossProbability.value - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / runs));
    // The sample median's standard error: 1/(2·f(median)·√n), f the NPV's density 20·m(1 − m)³/200.
    const m = 0.3138101704556974;
    const density = (20 * m * (1 - m) ** 3) / 200;
    expect(Math.abs(shop.percentiles.p50 - 12.762034091139483)).toBeLessThan(4 / (2 * density * Math.sqrt(runs)));
    expect(shop.percentiles.p5).toBeLessThan(shop.percentiles.p50);
    expect(shop.percentiles.p50).toBeLessThan(shop.percentiles.p95);
    // The buyer pays the price: its NPV is −price, always a loss.
    expect(result.actors.find((a) => a.actor === 'buyer')!.lossProbability).toEqual({ value: 1, standardError: 0 });
    expect(result.failed).toBe(0);
  });

  it('gives the same figures from the same seed, and others from another', () => {
    const run = (seed: number): RiskResult => runRisk(prepared, doc, { runs: 500, seed, sampling: 'mc' });
    expect(run(7)).toEqual(run(7));
    expect(run(8).actors[0]!.mean.value).not.toBe(run(7).actors[0]!.mean.value);
  });
});

describe('which assumptions --ranges draws', () => {
  it('holds the library ranges that bound a factor of an expression, and draws timings as whole periods', () => {
    const purple = loaded(readFileSync('library/purple-button.yaml', 'utf8'), 'purple-button.yaml');
    const assumptions = riskAssumptions(purple.doc);
    const held = (reason: string) => assumptions.held.filter((h) => h.reason === reason).map((h) => h.parameter);
    // Format version 4: cover_worth = "premium * cover_markup", the range [1.0, 1.4] on the factor: no expression is held.
    expect(held('range-of-expression')).toEqual([]);
    expect(held('no-range')).toContain('test_months');
    // `if(t == hackathon_month, 1, 0)` and `t <= test_months + discount_months` (test_months has no range).
    const periods = assumptions.sampled.filter((a) => a.period).map((a) => a.parameter);
    expect(periods).toEqual(expect.arrayContaining(['hackathon_month', 'discount_months']));
    expect(periods).not.toContain('adoption_months'); // read as `t / adoption_months`: no comparison, a smooth ramp
    expect(assumptions.sampled.find((a) => a.parameter === 'premium')).toEqual({ parameter: 'premium', min: 25, mode: 40, max: 80, period: false });
    const coaching = loaded(readFileSync('library/coaching-professionnel.yaml', 'utf8'), 'coaching-professionnel.yaml');
    expect(riskAssumptions(coaching.doc).held.filter((h) => h.reason === 'range-of-expression').map((h) => h.parameter)).toEqual(['premium_worth']);
  });

  it('draws a parameter compared with t as whole periods, on either side of the comparison', () => {
    const text = SHOP.replace('horizon: 1', 'horizon: 6')
      .replace('  rent: {', '  opening: { value: 2, assumption: "a guess", range: [1, 4] }\n  promo_end: { value: 3, assumption: "a guess", range: [2, 5] }\n  rent: {')
      .replace('start: { actor: buyer, count: 1 }', 'start: { actor: buyer, count: "if(t >= opening and promo_end > t, 2, 1) * price / price" }');
    const { doc, prepared } = loaded(text, 'shop.yaml');
    expect(riskAssumptions(doc).sampled.map((a) => [a.parameter, a.period])).toEqual([['price', false], ['opening', true], ['promo_end', true]]);
    expect(runRisk(prepared, doc, { runs: 50, seed: 2, sampling: 'mc' }).failed).toBe(0);
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

  it('prints each actor’s NPV spread and chance of a loss, in English and in French, and as JSON', () => {
    const en = cli(['risk', 'shop.yaml', '--ranges', '--runs', '2000', '--seed', '3', '--lang', 'en']);
    expect(en.stderr).toBe('');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('P(NPV < 0)');
    expect(en.stdout).toContain('price: PERT(50, 100, 250)');
    expect(en.stdout).toContain('No range: rent.');
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

  it('refuses bad usage with exit 2 and a message', () => {
    const bare = cli(['risk', 'shop.yaml', '--lang', 'en']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('--ranges');
    const runs = cli(['risk', 'shop.yaml', '--ranges', '--runs', '1e3', '--lang', 'en']);
    expect(runs.status).toBe(2);
    expect(runs.stderr).toContain('--runs expects a whole number from 1 to 1000000, got "1e3"');
    expect(cli(['risk', 'shop.yaml', '--ranges', '--sampling', 'grid']).status).toBe(2);
  });
});
