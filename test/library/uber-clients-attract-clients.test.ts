/**
 * Uber, « les clients attirent toujours plus de clients » (seed 001), checked by hand. The seed
 * (copied here: tests never read the seeds), quoting Les Echos: « Les entreprises du numérique
 * inventent une nouvelle expérience client qui fait rapidement boule de neige via les réseaux
 * sociaux, on quitte le monde des rendements décroissants pour entrer dans celui des rendements
 * croissants. Les clients attirent toujours plus de clients »; and « Viendra alors l'autre
 * révolution, celle où les producteurs voient leurs marges écrasées par les distributeurs
 * intelligents ». The seed gives no figure: the prices below are the model's assumptions (a 20 EUR
 * ride, a 20 % commission, 6 EUR of costs a ride for the chauffeur), worked out by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provenance } from '../../src/analyses/index.js';
import { canonicalName, flowRecords, loadModel, type ModelDocument } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/link/index.js';
import { describeIssue } from '../helpers.js';

const FILE = 'library/uber-clients-attract-clients.yaml';
const load = (variant?: string) => {
  const result = loadModel(readFileSync(FILE, 'utf8'), FILE, { dynamics: prepareDynamics, ...(variant ? { variant } : {}) });
  expect(result.issues.map(describeIssue)).toEqual([]);
  return result.ecosystem!;
};

/** A series' last value: the mean over the model's last month. */
const lastOf = (series: ArrayLike<number>) => series[series.length - 1]!;

/** Clients won in each month 1..horizon (word of mouth and marketing), from the dynamics. */
function wonPerMonth(variant?: string): number[] {
  const eco = load(variant);
  const mouth = eco.series.get(canonicalName('won_by_word_of_mouth'))!;
  const marketing = eco.series.get(canonicalName('won_by_marketing'))!;
  return Array.from({ length: eco.doc.horizon }, (_, i) => mouth[i + 1]! + marketing[i + 1]!);
}

/** What Uber passes on to the chauffeur per ride, month by month (index = period). */
function chauffeurPerRide(variant?: string): number[] {
  const paid: number[] = [];
  for (const f of flowRecords(load(variant).ledger)) if (f.from === 'uber' && f.to === 'chauffeurs' && f.money > 0) paid[f.period] = f.perOccurrence;
  return paid;
}

describe('seed 001: Uber, clients attract clients', () => {
  it('wins more clients each month than the month before, while the market is young: increasing returns', () => {
    const won = wonPerMonth();
    // « on quitte le monde des rendements décroissants pour entrer dans celui des rendements croissants »
    for (let m = 1; m < 12; m++) expect(won[m]!, `month ${m + 1}`).toBeGreaterThan(won[m - 1]!);
  });

  it('without word of mouth, wins fewer each month: the world of decreasing returns', () => {
    const won = wonPerMonth('decreasing-returns');
    // marketing alone: 250,000 EUR a month / 30 EUR a client = 8,333 clients a month into an empty
    // market, fewer as it fills up (× the share of the 2 million riders not yet on Uber)
    expect(won[0]).toBeLessThan(250000 / 30);
    expect(won[0]).toBeGreaterThan((250000 / 30) * (1 - 20000 / 2e6));
    for (let m = 1; m < 36; m++) expect(won[m]!).toBeLessThan(won[m - 1]!);
    const clients = (v?: string) => lastOf(load(v).series.get(canonicalName('Clients'))!);
    expect(clients('decreasing-returns')).toBeLessThan(clients() / 2);
  });

  it('serves a larger share of the rides as the clients grow: quality does not deteriorate', () => {
    // « un nombre croissant de clients ne détériore pas la qualité de service d'autre part, bien au
    // contraire »: once the launch's first rush is absorbed (months 1 and 2), the share of rides a chauffeur
    // comes for rises every month while the clients grow
    const eco = load();
    const served = eco.series.get(canonicalName('served_share'))!;
    const clients = eco.series.get(canonicalName('Clients'))!;
    for (let m = 3; m <= 36; m++) {
      expect(clients[m]!).toBeGreaterThan(clients[m - 1]!);
      expect(served[m]!).toBeGreaterThan(served[m - 1]!);
    }
  });

  it('passes the chauffeur 16 EUR of a 20 EUR ride, which leaves 10 EUR once the ride is paid for', () => {
    // 20 × (1 − 0.2) = 16 EUR to the chauffeur; 16 − 6 of fuel, wear and insurance = 10 EUR
    const paid = chauffeurPerRide();
    expect(paid[1]).toBeCloseTo(20 * (1 - 0.2), 9);
    expect(paid[1]! - 6).toBeCloseTo(10, 9);
    // the base model never raises the commission
    expect(paid.filter((p) => p !== undefined).every((p) => Math.abs(p - 16) < 1e-9)).toBe(true);
  });

  it('crushes the chauffeurs\' margin once Uber dominates: 14 EUR a ride, 8 EUR left', () => {
    // « les producteurs voient leurs marges écrasées »: 20 × (1 − 0.3) = 14 EUR, 14 − 6 = 8 EUR
    const paid = chauffeurPerRide('crushed-margins');
    expect(paid[1]).toBeCloseTo(16, 9);
    expect(paid[36]).toBeCloseTo(20 * (1 - 0.3), 9);
    // fewer chauffeurs come for 8 EUR than for 10: fewer rides served, fewer clients in the end
    const last = (v: string | undefined, name: string) => lastOf(load(v).series.get(canonicalName(name))!);
    expect(last('crushed-margins', 'Chauffeurs')).toBeLessThan(last(undefined, 'Chauffeurs'));
    expect(last('crushed-margins', 'Clients')).toBeLessThan(last(undefined, 'Clients'));
  });

  it('states no figure: the seed gives none', () => {
    const { counts } = provenance(load().doc as ModelDocument);
    expect(counts.stated).toBe(0);
    expect(counts.cited).toBe(0);
    expect(counts.assumed).toBeGreaterThan(20);
  });
});
