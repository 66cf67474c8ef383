/**
 * Issue 17's done-when: every library model prints, under `risk --ranges`, each actor's chance of
 * losing money and the assumptions that drive it; and a hand-checkable model gets its drivers
 * in the right order, with rank correlations that match the closed form.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorDrivers, runRisk, type ActorDrivers, type BusinessRisk } from '../src/analyses/index.js';
import { loadModel } from '../src/core/index.js';
import { prepareDynamics } from '../src/engine/index.js';

const BIN = resolve('bin/symbiose.js');

/**
 * One shop, one buyer, one year, no discounting: the shop's NPV is 10·a + b, a and b independent
 * uniforms on [0, 1]. By hand (integrating a·G(10a + b) over the unit square, G the trapezoidal
 * distribution function of 10a + b; worked with sympy 1.11 and checked with
 * scipy.stats.spearmanr(A, 10*A + B) on 10⁶ draws of numpy.random.default_rng(1), which gives
 * 0.99520 and 0.09753):
 *   Spearman ρ(a, NPV) = 12·E[a·G(10a + b)] − 3 = 622/625 = 0.9952;
 *   Spearman ρ(b, NPV) = 97/1000 = 0.097.
 * The bystander pays the shop a fixed fee of 3, so the shop's NPV is 10a + b + 3, with the same drivers.
 * So a drives first, b second, and the buyer's NPV −(10a + b) has the same drivers with the signs turned.
 */
const TEN_A_PLUS_B = `symbiose: 4
name: Ten a plus b
currency: EUR
period: year
horizon: 1
discountRate: 0
parameters:
  a: { value: 0.5, assumption: "drawn", distribution: { kind: uniform, min: 0, max: 1 } }
  b: { value: 0.5, assumption: "drawn", distribution: { kind: uniform, min: 0, max: 1 } }
  fee: { value: 3, assumption: "held, no range" }
actors:
  shop: { name: Shop, kind: organisation }
  buyer: { name: Buyer, kind: organisation }
  bystander: { name: Bystander, kind: organisation }
valueObjects:
  money: { nature: money }
  goods: { nature: product }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyer, object: goods }
      - { from: buyer, to: shop, object: money, amount: "10 * a + b" }
      - { from: bystander, to: shop, object: money, amount: fee }
      - { from: shop, to: bystander, object: goods }
scenarios:
  buy:
    start: { actor: buyer, count: 1 }
    steps: [sale]
`;

describe('the drivers of each actor’s NPV in a risk run', () => {
  const result = loadModel(TEN_A_PLUS_B, 'ten.yaml', { dynamics: prepareDynamics });
  const { ecosystem, prepared } = { ecosystem: result.ecosystem!, prepared: result.prepared! };

  it('ranks a before b, with the closed form’s rank correlations (seed 5, 4000 plain Monte Carlo draws)', () => {
    const runs = 4000;
    const run = runRisk(prepared, ecosystem, { runs, seed: 5, sampling: 'mc' });
    const shop = run.actors.find((a) => a.actor === 'shop') as BusinessRisk;
    const buyer = run.actors.find((a) => a.actor === 'buyer') as BusinessRisk;
    expect(shop.drivers.ranking.map((d) => d.parameter)).toEqual(['a', 'b']);
    expect(shop.drivers.draws).toBe(runs);
    // Tolerance: 4 standard deviations of ρ under independence, 1/√(n − 1), which bounds this
    // estimator's (its asymptotic variance shrinks with (1 − ρ²)²).
    const tolerance = 4 / Math.sqrt(runs - 1);
    const [a, b] = shop.drivers.ranking;
    expect(Math.abs(a!.spearman - 622 / 625)).toBeLessThan(tolerance);
    expect(Math.abs(b!.spearman - 97 / 1000)).toBeLessThan(tolerance);
    // Both stand out from the noise (|ρ| > 3/√(n − 1) = 0.047); the fit is exact, R² = 1, SRC ∝ 10 and 1:
    // SRC = coefficient · sd(input)/sd(NPV) = 10/√101 and 1/√101.
    expect([a!.drives, b!.drives]).toEqual([true, true]);
    expect(shop.drivers.rSquared).toBeCloseTo(1, 10);
    expect(Math.abs(a!.src - 10 / Math.sqrt(101))).toBeLessThan(tolerance);
    expect(Math.abs(b!.src - 1 / Math.sqrt(101))).toBeLessThan(tolerance);
    expect(buyer.drivers.ranking.map((d) => [d.parameter, d.spearman])).toEqual(shop.drivers.ranking.map((d) => [d.parameter, -d.spearman]));
    // The bystander pays a fixed fee: nothing drawn reaches it.
    const bystander = run.actors.find((a) => a.actor === 'bystander') as BusinessRisk;
    expect(bystander.drivers.constant).toBe(true);
    expect(bystander.drivers.ranking.every((d) => !d.drives)).toBe(true);
    expect(bystander.lossProbability).toEqual({ value: 1, standardError: 0 });
  });

  it('reads the noise of a draw count as 1/√(n − 1), and names no driver in pure noise', () => {
    // y independent of x: the fraction of |ρ| beyond 3/√(n − 1) is about 0.27 %; with n = 101 and
    // x, y given, ρ is what scipy.stats.spearmanr gives for these two columns.
    const n = 101;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    // A fixed permutation: y_i = (37·i) mod 101.
    const y = Float64Array.from({ length: n }, (_, i) => (37 * i) % n);
    const [drivers] = actorDrivers([{ parameter: 'x', distribution: { kind: 'uniform', min: 0, max: 1 }, period: false }], 1, x, y) as [ActorDrivers];
    expect(drivers.noise).toBeCloseTo(1 / Math.sqrt(100), 12);
    // scipy.stats.spearmanr(np.arange(101), (37 * np.arange(101)) % 101).statistic = 0.039999999999999994
    expect(drivers.ranking[0]!.spearman).toBeCloseTo(0.04, 12);
    expect(drivers.ranking[0]!.drives).toBe(false);
  });
});

describe('every library model under risk --ranges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-drivers-'));
  writeFileSync(join(dir, 'ten.yaml'), TEN_A_PLUS_B);
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  // The models `symbiose library` lists.
  const models = (JSON.parse(cli(['library', '--json']).stdout) as Array<{ id: string }>).map((m) => m.id);

  it('lists the library', () => {
    expect(models.length).toBeGreaterThanOrEqual(20);
  });

  it.each(models)('%s: each actor’s chance of a loss and its drivers, or a statement that nothing reaches it', (model) => {
    const run = cli(['risk', model, '--ranges', '--runs', '300', '--workers', '1', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { draws: number; failed: number; actors: Array<{ actor: string; lossProbability: { value: number; standardError: number }; drivers: ActorDrivers }> };
    expect(json.actors.length).toBeGreaterThan(0);
    for (const actor of json.actors) {
      expect(actor.lossProbability.value).toBeGreaterThanOrEqual(0);
      expect(actor.lossProbability.value).toBeLessThanOrEqual(1);
      expect(Number.isFinite(actor.lossProbability.standardError)).toBe(true);
      expect(actor.drivers.draws).toBe(json.draws - json.failed);
      // Either some assumption stands out, or nothing reaches the actor, or none stands out from the noise: the text says which.
      expect(typeof actor.drivers.constant).toBe('boolean');
    }
    const text = cli(['risk', model, '--ranges', '--runs', '300', '--workers', '1', '--lang', 'en']);
    expect(text.status).toBe(0);
    const overview = text.stdout.slice(text.stdout.indexOf('What drives each actor'));
    for (const actor of json.actors) {
      const statement = actor.drivers.constant
        ? /no drawn assumption reaches it/
        : actor.drivers.ranking.some((d) => d.drives)
          ? new RegExp(`${actor.drivers.ranking.find((d) => d.drives)!.parameter} \\(ρ = `)
          : /no drawn assumption stands out from the noise of/;
      expect(overview).toMatch(statement);
    }
    expect((text.stdout.match(/Driven by: /g) ?? []).length).toBe(json.actors.length);
    expect((text.stdout.match(/^P\((NPV|gain) < 0\) /gm) ?? []).length).toBe(json.actors.length);
  }, 60_000);

  it('says the same in French, and gives the drivers in CSV and in a workbook', () => {
    const fr = cli(['risk', 'ten.yaml', '--runs', '2000', '--workers', '1', '--lang', 'fr']);
    expect(fr.status).toBe(0);
    expect(fr.stdout).toContain('Ce qui fait le résultat de chaque acteur');
    expect(fr.stdout).toMatch(/Shop\u00a0: a \(ρ = 1,00\), b \(ρ = 0,(09|10)\)/);
    expect(fr.stdout).toContain('Bystander\u00a0: aucune hypothèse tirée ne l’atteint\u00a0: sa VAN est la même à chaque tirage');
    const csv = cli(['risk', 'ten.yaml', '--runs', '2000', '--workers', '1', '--format', 'csv', '--lang', 'en']);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain('Assumption,Spearman ρ,SRC,PRCC');
    expect(csv.stdout).toMatch(/\na,1,1,1\r?\nb,0\.\d+,0\.\d+,0\.\d+\r?\n/);
    const xlsx = cli(['risk', 'ten.yaml', '--runs', '500', '--workers', '1', '--format', 'xlsx', '-o', 'ten.xlsx']);
    expect(xlsx.status).toBe(0);
  }, 60_000);
});
