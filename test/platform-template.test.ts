/**
 * The N-sided platform template: the chicken-and-egg problem (no seeding, no subsidy, no
 * take-off), take-off when the right side is seeded or subsidised, and the variants side by side.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { profitability } from '../src/analyses/index.js';
import { constantValues, loadModel } from '../src/core/index.js';
import { compile, simulate } from '../src/engine/index.js';
import { dynamicsModel, prepareDynamics } from '../src/engine/link/index.js';
import { platformTemplate } from '../src/templates/index.js';

const text = stringify(platformTemplate({ sides: ['buyers', 'sellers'] }));
const load = (variant?: string) => {
  const result = loadModel(text, 'platform.yaml', { dynamics: prepareDynamics, ...(variant ? { variant } : {}) });
  expect(result.issues).toEqual([]);
  return result.ecosystem!;
};
const users = (variant: string | undefined, side: string) => load(variant).series.get(`users_${side}`)!;

describe('platform template', () => {
  it('shows the chicken-and-egg problem: with no seeding and no subsidy nobody ever joins', () => {
    // Every side starts with value −price < 0, so willing = 0 and joining = 0 at every step.
    for (const side of ["buyers", "sellers"]) expect(Array.from(users(undefined, side)).every((u) => u === 0)).toBe(true);
    const platform = profitability(load(), 'platform');
    // 60 months of fixed costs at 20 000 and nothing else: −1 200 000, never breaking even.
    expect(platform.totalNet).toBeCloseTo(-1_200_000, 6);
    expect(platform.breakEven).toBeNull();
  });

  it('takes off when buyers, the side sellers value most, are seeded; not when sellers are', () => {
    expect(users('seed-buyers', 'sellers')[60]).toBeGreaterThan(9000);
    expect(users('seed-sellers', 'buyers')[60]).toBeLessThan(100);
    const seeded = profitability(load('seed-buyers'), 'platform');
    expect(seeded.breakEven).not.toBeNull();
    expect(seeded.npv).toBeGreaterThan(profitability(load('subsidise-buyers'), 'platform').npv);
  });

  it('starts a subsidised side as the Bass model says', () => {
    // Subsidy 3 a month, no other side yet: value = 3, willing = 3/4; first Euler step (dt 0.25):
    // joining = (p + q·0) · market · 0.75 = 0.01 × 10 000 × 0.75 = 75 a month → 18.75 members.
    const ecosystem = load('subsidise-buyers');
    const model = dynamicsModel(ecosystem.doc, ecosystem.doc.dynamics!, constantValues(ecosystem.model));
    const run = simulate(compile(model).program!, { save: ['users_buyers', 'joining_buyers'] });
    expect(run.series.get('joining_buyers')![0]).toBeCloseTo(75, 12);
    expect(run.series.get('users_buyers')![1]).toBeCloseTo(18.75, 12);
  });

  it('generates any number of sides', () => {
    const three = loadModel(stringify(platformTemplate({ sides: ['riders', 'drivers', 'restaurants'] })), 'three.yaml', { dynamics: prepareDynamics });
    expect(three.issues).toEqual([]);
    expect(Object.keys(three.ecosystem!.doc.actors)).toEqual(['platform', 'riders', 'drivers', 'restaurants']);
    expect(Object.keys(three.ecosystem!.doc.variants!)).toHaveLength(6);
  });

  it('compares the variants side by side from the CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-platform-'));
    const bin = resolve('bin/symbiose.js');
    const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(cli(['template', 'platform', '--sides', '2', '-o', 'p.yaml']).status).toBe(0);
    const table = cli(['compare', '-m', 'p.yaml']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/base\s+seed-buyers\s+subsidise-buyers\s+seed-sellers\s+subsidise-sellers/);
    const json = JSON.parse(cli(['compare', '-m', 'p.yaml', '--variants', 'seed-buyers', '--json']).stdout) as Array<{ variant: string }>;
    expect(json.map((o) => o.variant)).toEqual(['base', 'seed-buyers']);
    expect(cli(['template', 'platform', '--sides', '9']).status).toBe(2);
  });
});
