/**
 * Empirical distributions (a CSV column beside the model) drawn by `risk` on worker threads and by
 * `sensitivity`: the surface reads the column, the run's options carry it to every worker.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shopModel } from './shop-model.js';

const BIN = resolve('bin/symbiose.js');

/**
 * The shop's NPV is price − 100, price drawn from the column x of h.csv: 60, 80, 100, 120, 200, each
 * equally likely. By hand: P(NPV < 0) = P(price < 100) = 2/5; mean NPV = 560/5 − 100 = 12. A Latin
 * hypercube of 2000 draws puts exactly 400 in each fifth of (0, 1), so it gives 2/5 exactly.
 */
const SHOP = shopModel({
  name: 'Empirical shop',
  price: '{ value: 100, unit: EUR, assumption: "observed", distribution: { kind: empirical, file: h.csv, column: x } }',
  rent: '{ value: 100, unit: EUR/year, source: "the lease" }',
});

describe('empirical distributions under risk and sensitivity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-empirical-'));
  writeFileSync(join(dir, 'shop.yaml'), SHOP);
  writeFileSync(join(dir, 'h.csv'), 'x\n60\n80\n100\n120\n200\n');
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  type Json = { assumptions: { sampled: Array<{ parameter: string }>; held: Array<{ parameter: string }> }; actors: Array<{ actor: string; lossProbability: { value: number }; npv: { mean: { value: number } } }> };

  it('draws the column on one worker or two, the same bits', () => {
    const one = cli('risk', 'shop.yaml', '--runs', '2000', '--workers', '1', '--json');
    const two = cli('risk', 'shop.yaml', '--runs', '2000', '--workers', '2', '--json');
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout) as Json;
    expect(json.assumptions.sampled.map((a) => a.parameter)).toEqual(['price']);
    const shop = json.actors.find((a) => a.actor === 'shop')!;
    expect(shop.lossProbability.value).toBe(0.4);
    expect(shop.npv.mean.value).toBeCloseTo(12, 9);
  });

  it('ranks it in sensitivity', () => {
    const run = cli('sensitivity', 'shop.yaml', '--method', 'regression', '--runs', '200', '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { assumptions: { sampled: Array<{ parameter: string }> }; actors: Array<{ actor: string; ranking: Array<{ parameter: string; spearman: number }> }> };
    expect(json.assumptions.sampled.map((a) => a.parameter)).toEqual(['price']);
    expect(json.actors.find((a) => a.actor === 'shop')!.ranking[0]!.spearman).toBeCloseTo(1, 9);
  });
});
