/**
 * Tables people read fit a terminal: amounts scaled (k, M, G), 100 columns at most, long horizons
 * grouped; spreadsheets get full figures as numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
    // Two tables (the businesses, then the segments), each under its title.
    expect(csv[1]).toBe('Actor,Revenue,Payments,Costs,Net cash,NPV,Break-even,Low point,in');
    expect(csv).toContain('Segment,Money paid,Money received,Value received,Net gain');
    const json = JSON.parse(run(['profit', 'amazon-cash-burn', '--json'])) as Array<{ actor: string; deepest: { amount: number } }>;
    const amazon = csv.find((line) => line.startsWith('Amazon,'))!.split(',');
    expect(Number(amazon[7])).toBeCloseTo(json.find((s) => s.actor === 'amazon')!.deepest.amount, 0);
    expect(amazon[7]).toMatch(/^-\d+$/);
    expect(amazon[8]).toBe('year 6');
  });
});

describe('a segment speaks of what its members gain', () => {
  // 100 households buy 4 loaves a month at 2 EUR; a loaf is worth 3 EUR to them. Each month they
  // pay 100 × 4 × 2 = 800 and receive bread worth 100 × 4 × 3 = 1,200: a net gain of 400 a
  // month, 4,800 over 12 months. The bakery's own sheet keeps revenue, NPV and break-even.
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-segment-'));
  const file = join(dir, 'bakery.yaml');
  writeFileSync(
    file,
    `symbiose: 3
name: Bakery
currency: EUR
period: month
horizon: 12
actors:
  bakery: { kind: organisation, costs: [{ name: Oven, fixed: 300 }] }
  households: { kind: segment, size: 100 }
valueObjects:
  money: { nature: money }
  bread: { nature: product, valuation: { households: 3 } }
transactions:
  buy:
    transfers:
      - { from: bakery, to: households, object: bread }
      - { from: households, to: bakery, object: money, amount: 2 }
scenarios:
  monthly: { start: { actor: households, count: 4 }, steps: [buy] }
`,
  );

  it('in the overview: money paid, value received and net gain, apart from the businesses', () => {
    const text = run(['profit', file, '--exact']);
    expect(text).toMatch(/^bakery\s+9,600\s+0\s+3,600\s+6,000\s/m);
    expect(text).toMatch(/^Segment\s+Money paid\s+Money received\s+Value received\s+Net gain$/m);
    expect(text).toMatch(/^households\s+9,600\s+0\s+14,400\s+4,800$/m);
    expect(text).not.toMatch(/^households.*not reached/m);
  });

  it('in its own sheet: no revenue, NPV or break-even, and the gain in words', () => {
    const sheet = run(['profit', file, '--actor', 'households', '--exact']);
    expect(sheet).toContain('What the members of households gain');
    // Twelve months and the total do not fit 100 columns in full figures: the total comes after.
    expect(sheet).toMatch(/^Net gain(\s+400){12}$/m);
    expect(sheet).toMatch(/^Net gain\s+4,800$/m);
    expect(sheet).toContain('Net gain of the members over the horizon: 4,800 EUR (14,400 of value received');
    expect(sheet).not.toMatch(/NPV|Break-even|Revenues/);
    const french = spawnSync(process.execPath, [BIN, 'profit', file, '--actor', 'households', '--exact', '--lang', 'fr'], { encoding: 'utf8' }).stdout;
    expect(french).toContain('Ce que gagnent les membres de households');
  });
});
