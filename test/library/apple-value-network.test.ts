/**
 * Apple's value network and its virtuous circles (seed 000, Figure 22), checked by hand. The seed
 * (copied here: tests never read the seeds): Figure 22, « Cette modélisation de l'écosystème Apple
 * décrit des flux de valeurs de natures différentes entre des acteurs (individus, organisations) et
 * permet, par exemple, l'identification de cercles vertueux, pour Apple, d'un point de vue
 * économique »; 6.3.6, « Ainsi Apple investit 900 millions de dollars pour la gratuité d'OS X et des
 * logiciels, mais ceci pour récupérer des milliards supplémentaires par sa stratégie axée sur les
 * devices »; Figure 3, Apple's 2011 turnover « 108,2 » Mds$. Prices and shares are the model's
 * assumptions (a 650 $ device that costs Apple 350 $, a 2 $ app of which Apple keeps 30 %).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profitability } from '../../src/analyses/index.js';
import { canonicalName, flowRecords, loadModel, occurrencesAt } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/link/index.js';
import { describeIssue } from '../helpers.js';

const FILE = 'library/apple-value-network.yaml';
const load = (variant?: string) => {
  const result = loadModel(readFileSync(FILE, 'utf8'), FILE, { dynamics: prepareDynamics, ...(variant ? { variant } : {}) });
  expect(result.issues.map(describeIssue)).toEqual([]);
  return result.ecosystem!;
};
const devicesSold = (variant?: string) => {
  const eco = load(variant);
  let devices = 0;
  for (let p = 1; p <= eco.doc.horizon; p++) devices += occurrencesAt(eco.ledger, p).get('device-purchase')!;
  return devices;
};

describe('seed 000, Figure 22: Apple\'s value network', () => {
  it('has Apple\'s turnover at the seed\'s 108.2 G$ in 2011 (year 4, t = 1 being 2008)', () => {
    const revenue = profitability(load(), 'apple').totals.revenue[4]!;
    expect(Math.abs(revenue / 108.2e9 - 1)).toBeLessThan(0.01);
  });

  it('spends the seed\'s 900 M$ a year on free OS X and software, and wins back billions on the devices', () => {
    const base = profitability(load(), 'apple');
    const without = profitability(load('no-free-software'), 'apple');
    const spend = base.costs.find((c) => c.values.slice(1).every((v) => Math.abs(Math.abs(v) - 900e6) < 1e-3));
    expect(spend, 'a 900 M$ line each year').toBeDefined();
    // Apple keeps 650 − 350 = 300 $ a device: the 900 M$ pay back if they sell 900e6 / 300 = 3
    // million more devices a year, 18 million over the six years
    expect(devicesSold() - devicesSold('no-free-software')).toBeGreaterThan(18e6);
    // « des milliards supplémentaires »: billions more net cash, the 5.4 G$ of free software paid
    expect(base.totalNet - without.totalNet).toBeGreaterThan(1e9);
  });

  it('shares each 2 $ app: 1.40 $ to the developer, 0.60 $ to Apple', () => {
    const app = flowRecords(load().ledger).filter((f) => f.transaction === 'app-purchase' && f.money > 0 && f.period === 1);
    expect(app.find((f) => f.from === 'clients' && f.to === 'apple')!.perOccurrence).toBeCloseTo(2, 9);
    expect(app.find((f) => f.from === 'apple' && f.to === 'developpeurs')!.perOccurrence).toBeCloseTo(2 * (1 - 0.3), 9);
  });

  it('turns the circle of owners, developers and apps: cut it and Apple has fewer owners', () => {
    const last = (variant: string | undefined, name: string) => {
      const series = load(variant).series.get(canonicalName(name))!;
      return series[series.length - 1]!;
    };
    // the developers follow the owners' spending on apps, year after year
    const developers = load().series.get(canonicalName('Developers'))!;
    for (let year = 1; year <= 6; year++) expect(developers[year]!).toBeGreaterThan(developers[year - 1]!);
    expect(last('no-apps', 'Developers')).toBe(0);
    expect(last('no-apps', 'Owners')).toBeLessThan(last(undefined, 'Owners'));
    expect(profitability(load('no-apps'), 'apple').npv).toBeLessThan(profitability(load(), 'apple').npv);
  });
});
