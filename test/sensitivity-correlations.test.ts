/**
 * Sensitivity with declared rank correlations: the regression draws the assumptions as `risk`
 * does, correlated (Iman–Conover); the tornado, Morris and Sobol assume independence and say so,
 * in both languages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSensitivity, type AssumptionEffect } from '../src/analyses/index.js';
import { loadModel } from '../src/core/index.js';
import { prepareDynamics } from '../src/engine/index.js';
import { shopModel } from './shop-model.js';

const BIN = resolve('bin/symbiose.js');

/**
 * One shop, one buyer, one year, no discounting: the shop's NPV is price − rent, the buyer's
 * −price. price and rent carry ranks correlated at 0.8. The buyer's NPV is a strictly decreasing
 * function of price alone, so over any draws Spearman's ρ(rent, buyer's NPV) = −ρ(rent, price):
 * about −0.8 when the draws carry the correlation, about 0 when they do not; its regression
 * coefficient on rent (SRC) is 0 either way up to the non-linearity of ranks.
 */
const model = (correlation: string) =>
  shopModel({
    name: 'Correlated shop',
    price: '{ value: 100, unit: EUR, assumption: "a guess", range: [50, 250] }',
    rent: `{ value: 100, unit: EUR/year, assumption: "the landlord's mood", range: [80, 120] }`,
    tail: correlation,
  });
const CORRELATED = model('correlations:\n  - { between: [price, rent], rank: 0.8 }\n');

const load = (text: string) => {
  const result = loadModel(text, 'shop.yaml', { dynamics: prepareDynamics });
  return { ecosystem: result.ecosystem!, prepared: result.prepared! };
};
const regression = (ranking: AssumptionEffect[], parameter: string) => {
  const effect = ranking.find((e) => e.parameter === parameter)!;
  if (effect.method !== 'regression') throw new Error('not a regression');
  return effect;
};

describe('the regression draws correlated assumptions with their correlations', () => {
  const runs = 1000;
  // Tolerance: 4 standard deviations of ρ over n draws of independent columns, 4/√(n − 1) = 0.127.
  const tolerance = 4 / Math.sqrt(runs - 1);

  it('reads ρ(rent, buyer’s NPV) near −0.8 with the correlation, near 0 without (seed 2, 1000 draws)', () => {
    const correlated = load(CORRELATED);
    const withIt = runSensitivity(correlated.prepared, correlated.ecosystem, { method: 'regression', runs, seed: 2 });
    expect(withIt.correlated).toEqual(['price', 'rent']);
    expect(withIt.correlationsDrawn).toBe(true);
    const buyer = withIt.actors.find((a) => a.actor === 'buyer')!;
    const rent = regression(buyer.ranking, 'rent');
    expect(Math.abs(rent.spearman + 0.8)).toBeLessThan(tolerance);
    // The fit on values sets rent apart: the buyer's NPV is −price exactly, so SRC(rent) = 0 and R² = 1.
    expect(Math.abs(rent.src)).toBeLessThan(1e-9);
    expect(buyer.rSquared).toBeCloseTo(1, 9);
    expect(buyer.ranking[0]!.parameter).toBe('price');

    const independent = load(model(''));
    const without = runSensitivity(independent.prepared, independent.ecosystem, { method: 'regression', runs, seed: 2 });
    expect(without.correlationsDrawn).toBe(false);
    expect(Math.abs(regression(without.actors.find((a) => a.actor === 'buyer')!.ranking, 'rent').spearman)).toBeLessThan(tolerance);
  });

  it.each(['tornado', 'morris', 'sobol'] as const)('%s moves the assumptions independently, and says so', (method) => {
    const correlated = load(CORRELATED);
    const result = runSensitivity(correlated.prepared, correlated.ecosystem, { method, seed: 1, ...(method === 'tornado' ? {} : { runs: 8 }) });
    expect(result.correlated).toEqual(['price', 'rent']);
    expect(result.correlationsDrawn).toBe(false);
  });

  it('prints which, in English and in French', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-correlated-'));
    writeFileSync(join(dir, 'shop.yaml'), CORRELATED);
    // Lines wrapped at 100 columns read as one.
    const cli = (...args: string[]) => {
      const run = spawnSync(process.execPath, [BIN, 'sensitivity', 'shop.yaml', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { status: run.status, stdout: run.stdout.replace(/\s+/g, ' ') };
    };
    const en = cli('--method', 'regression', '--runs', '200', '--lang', 'en');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('The model correlates price, rent: the draws carry their declared rank correlations (Iman–Conover');
    const sobol = cli('--method', 'sobol', '--runs', '16', '--lang', 'en');
    expect(sobol.stdout).toContain('Sobol indices and Saltelli’s design assume independent assumptions');
    const morris = cli('--method', 'morris', '--runs', '4', '--lang', 'fr');
    expect(morris.stdout).toContain('les effets élémentaires de Morris supposent des hypothèses indépendantes');
    const fr = cli('--method', 'regression', '--runs', '200', '--lang', 'fr');
    expect(fr.stdout).toContain('les tirages portent leurs corrélations de rang déclarées (Iman–Conover');
  });
});
