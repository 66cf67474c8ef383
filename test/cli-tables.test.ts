/**
 * Tables people read fit a terminal: amounts scaled (k, M, G), 100 columns at most, long horizons
 * grouped; spreadsheets get full figures as numbers.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/symbiose.js');
const run = (args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args, '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
/** The widest table: its rule line (─── ───) is as wide as its header and every row. */
const widest = (text: string) => Math.max(...text.split('\n').filter((line) => line.startsWith('─')).map((line) => [...line].length));

describe('text tables', () => {
  it('print a 17-year sheet of 12-digit figures in 100 columns, by runs of years', () => {
    const sheet = run(['profit', 'amazon-cash-burn', '--actor', 'amazon']);
    expect(widest(sheet)).toBeLessThanOrEqual(100);
    // 252,260,026,806 of revenue over the horizon: 252 G.
    expect(sheet).toMatch(/Commande ← Clients\s.*\s252 G$/m);
    expect(sheet).toContain('by runs of 3 years');
    const exact = run(['profit', 'amazon-cash-burn', '--actor', 'amazon', '--exact']);
    expect(exact).toMatch(/\s252,260,026,806$/m);
  });

  it('cut the widest text column, never a figure, to fit 100 columns', () => {
    for (const args of [['profit', 'purple-button'], ['payers', 'appstore'], ['profit', 'pinduoduo', '--actor', 'pinduoduo']]) {
      const text = run(args);
      expect(widest(text), args.join(' ')).toBeLessThanOrEqual(100);
    }
    const payers = run(['payers', 'appstore']);
    expect(payers).toMatch(/…/);
    // Figures stay whole: 720,000 occurrences of the pro account activity, 1.08 M.
    expect(payers).toMatch(/\s720,000\s+1\.08 M$/m);
  });

  it('keep the figures whole for spreadsheets: the overview low point as a number and its period apart', () => {
    const csv = run(['profit', 'amazon-cash-burn', '--format', 'csv']).trim().split('\n');
    expect(csv[0]).toBe('Actor,Revenue,Payments,Costs,Net cash,NPV,Break-even,Low point,in');
    const json = JSON.parse(run(['profit', 'amazon-cash-burn', '--json'])) as Array<{ actor: string; deepest: { amount: number } }>;
    const amazon = csv.find((line) => line.startsWith('Amazon,'))!.split(',');
    expect(Number(amazon[7])).toBeCloseTo(json.find((s) => s.actor === 'amazon')!.deepest.amount, 0);
    expect(amazon[7]).toMatch(/^-\d+$/);
    expect(amazon[8]).toBe('year 6');
  });
});
