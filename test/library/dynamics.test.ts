/**
 * The library models whose cash burn and break-even come from system dynamics: Amazon (seed 000,
 * Figure 25), Coursera (seed 000, footnote 76) and Pinduoduo (seed 004). Each has a dynamics
 * section that drives its figures (segment sizes and costs read its variables), writes no bare
 * number in its equations (every figure is a parameter with its source or assumption), and gives
 * the headline figures of its seed. The expected values below are the seeds' figures, quoted in
 * the comments; none is read from the model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profitability } from '../../src/analyses/index.js';
import { canonicalName, dynamicsNames, flowRecords, type Ecosystem } from '../../src/core/index.js';
import { loadEcosystem } from '../../src/engine/link/index.js';
import { describeIssue } from '../helpers.js';

const load = (id: string): Ecosystem => {
  const result = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);
  expect(result.issues.map(describeIssue)).toEqual([]);
  expect(result.ecosystem).toBeDefined();
  return result.ecosystem!;
};

const sum = (values: readonly number[], from: number, to: number) => values.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** Within a relative tolerance of an expected figure. */
const near = (actual: number, expected: number, tolerance: number) => {
  expect(actual).toBeGreaterThanOrEqual(expected - Math.abs(expected) * tolerance);
  expect(actual).toBeLessThanOrEqual(expected + Math.abs(expected) * tolerance);
};

/** Every equation, initial value and graphical-function point of a dynamics section, with where it is. */
function dynamicsTexts(value: unknown, path: string[] = []): Array<{ path: string; text: string }> {
  if (typeof value === 'number' || typeof value === 'string') return [{ path: path.join('.'), text: String(value) }];
  if (Array.isArray(value)) return value.flatMap((v, i) => dynamicsTexts(v, [...path, String(i)]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, v]) =>
      // Names, units and documentation are words, not figures; the run's own settings are not model figures.
      ['doc', 'units', 'inflows', 'outflows', 'dt', 'method', 'start', 'stop', 'nonNegative'].includes(key) ? [] : dynamicsTexts(v, [...path, key]),
    );
  }
  return [];
}

describe.each([
  { id: 'amazon-cash-burn', segment: 'customers', stock: 'Customers' },
  { id: 'coursera', segment: 'etudiants', stock: 'Learners' },
  { id: 'pinduoduo', segment: 'consumers', stock: 'Buyers' },
])('$id: dynamics drive the figures', ({ id, segment, stock }) => {
  it('has a dynamics section that segment sizes and costs read', () => {
    const eco = load(id);
    expect(eco.doc.dynamics?.stocks?.[stock]).toBeDefined();
    const names = dynamicsNames(eco.doc.dynamics);
    const readsDynamics = (q: { names: string[] } | undefined) => (q?.names ?? []).some((n) => names.has(canonicalName(n)));
    // The segment's size is the stock, period by period (its mean over each period).
    expect(readsDynamics(eco.model.sizes.get(segment))).toBe(true);
    const sizes = eco.ledger.sizes.get(segment)!;
    const series = eco.series.get(canonicalName(stock))!;
    for (let p = 1; p <= eco.doc.horizon; p++) expect(sizes[p - 1]).toBeCloseTo(series[p]!, 3);
    // At least one cost line of the platform reads a dynamics variable.
    expect(eco.model.costs.some((c) => readsDynamics(c.amount))).toBe(true);
  });

  it('writes no bare number in its equations but 0 and 1 (the others are parameters)', () => {
    const eco = load(id);
    const bare = dynamicsTexts(eco.doc.dynamics).flatMap(({ path, text }) =>
      [...text.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].map((m) => Number(m[0])).filter((n) => n !== 0 && n !== 1).map((n) => `${path}: ${n}`),
    );
    expect(bare).toEqual([]);
  });
});

describe('Amazon (seed 000, Figure 25)', () => {
  // « Amazon, entreprise créée en 1995, a mis 6 ans et « brûlé » 2,8 milliards de dollars avant de
  // devenir rentable. » (seed 000, 5.3.4, Figure 25). t = 1 is 1995.
  const SEED_BURN = -2.8e9;
  const SEED_YEARS = 6;
  // « Amazon [...] chiffre d'affaires 2011 48,1 Mds$ » (seed 000, 4.1, Figure 3); t = 17 is 2011.
  const SEED_SALES_2011 = 48.1e9;

  it('burns about 2.8 G$ over about six years, then turns profitable and breaks even within the horizon', () => {
    const eco = load('amazon-cash-burn');
    const sheet = profitability(eco, 'amazon');
    near(sheet.deepest.amount, SEED_BURN, 0.1);
    expect(Math.abs(sheet.deepest.period - SEED_YEARS)).toBeLessThanOrEqual(1);
    expect(sheet.breakEven).not.toBeNull();
    expect(sheet.breakEven!).toBeGreaterThan(sheet.deepest.period);
    expect(sheet.breakEven!).toBeLessThanOrEqual(eco.doc.horizon);
    // Losses every year until it becomes profitable, profits from then on (« avant de devenir rentable »).
    const firstProfit = sheet.totals.net.findIndex((n, p) => p >= 1 && n > 0);
    expect(Math.abs(firstProfit - (SEED_YEARS + 1))).toBeLessThanOrEqual(1);
    for (let p = 1; p < firstProfit; p++) expect(sheet.totals.net[p]).toBeLessThan(0);
    for (let p = firstProfit; p <= eco.doc.horizon; p++) expect(sheet.totals.net[p]).toBeGreaterThan(0);
  });

  it('reaches about the 48.1 G$ of sales of 2011', () => {
    const eco = load('amazon-cash-burn');
    near(profitability(eco, 'amazon').totals.revenue[17]!, SEED_SALES_2011, 0.1);
  });
});

describe('Coursera (seed 000, footnote 76)', () => {
  // « en ayant acquis 3,7 millions d'utilisateurs la première année » (seed 000, 5.3.4, footnote 76);
  // t = 1 is April 2012, the launch, so month 12 closes the first year.
  const SEED_FIRST_YEAR_USERS = 3.7e6;
  // « a levé 22 millions de dollars, puis 43 millions et encore 20 millions entre son lancement,
  // en avril 2012, et novembre 2013 » (same footnote); the horizon, 20 months, ends in November 2013.
  const SEED_RAISED = 22e6 + 43e6 + 20e6;

  it('has about 3.7 million users at the end of its first year', () => {
    const eco = load('coursera');
    near(eco.ledger.sizes.get('etudiants')![12 - 1]!, SEED_FIRST_YEAR_USERS, 0.1);
  });

  it('raises the three rounds from the venture capital firms, 85 M$ in all', () => {
    const eco = load('coursera');
    const raised = flowRecords(eco.ledger).filter((f) => f.from === 'investisseurs' && f.to === 'coursera').reduce((a, f) => a + f.money, 0);
    expect(raised).toBeCloseTo(SEED_RAISED, 0);
  });
});

describe('Pinduoduo (seed 004)', () => {
  // « Pour l'année 2020, les pertes sont de 920 millions d'euros » (seed 004, « Ensemble, Plus,
  // Plus »); t = 1 is January 2020, so 2020 is months 1 to 12.
  const SEED_LOSS_2020 = -920e6;
  // « 788,4 millions » d'acheteurs actifs en 2020 (same post).
  const SEED_BUYERS_2020 = 788.4e6;

  it('loses about 920 M€ in 2020', () => {
    const eco = load('pinduoduo');
    near(sum(profitability(eco, 'pinduoduo').totals.net, 1, 12), SEED_LOSS_2020, 0.05);
  });

  it('reinvests every revenue in marketing in 2020 (« tous les revenus réinvestis en marketing »)', () => {
    const eco = load('pinduoduo');
    const sheet = profitability(eco, 'pinduoduo');
    const kept = sum(sheet.totals.revenue, 1, 12) - sum(sheet.totals.payments, 1, 12);
    const costName = (c: (typeof sheet.costs)[number]) => (c.kind === 'cost' ? eco.doc.actors[c.actor]!.costs![c.index]!.name : '');
    const marketing = sheet.costs.filter((c) => costName(c).startsWith('Marketing')).reduce((a, c) => a + sum(c.values, 1, 12), 0);
    expect(marketing).toBeCloseTo(kept, -3);
  });

  it('has about 788.4 million active buyers at the end of 2020', () => {
    const eco = load('pinduoduo');
    near(eco.ledger.sizes.get('consumers')![12 - 1]!, SEED_BUYERS_2020, 0.05);
  });
});
