/**
 * The hotel-booking platforms against the hoteliers (seed 000, 5.3.3), checked by hand. The seed
 * (copied here: tests never read the seeds) says: « les utilisateurs de plateformes de réservation
 * hôtelière n'ont pas réussi à se mettre d'accord avec les propriétaires desdites plateformes qui,
 * après avoir pris une position dominante sur le marché, ont progressivement augmenté la part de
 * valeur ponctionnée et ont saisi la Commission d'examen des pratiques commerciales (CEPC) qui a
 * tranché en faveur des hôteliers », footnote 73: « Avis n° 13-10 [...], septembre 2013 ». It gives
 * no commission rate: the rates below are the model's assumptions (commission_start 15 %, a quarter
 * of a point more each month of dominance), and the hand calculations work from them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provenance, whoPays } from '../../src/analyses/index.js';
import { flowRecords, loadModel, type ModelDocument } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/link/index.js';
import { describeIssue } from '../helpers.js';

const FILE = 'library/hotel-booking-cepc.yaml';
const load = (variant?: string) => {
  const result = loadModel(readFileSync(FILE, 'utf8'), FILE, { dynamics: prepareDynamics, ...(variant ? { variant } : {}) });
  expect(result.issues.map(describeIssue)).toEqual([]);
  return result.ecosystem!;
};

/** What the hotels pay the platforms per night booked, month by month (index = period). */
function commissionPerNight(variant?: string): number[] {
  const eco = load(variant);
  const paid: number[] = [];
  for (const f of flowRecords(eco.ledger)) {
    if (f.from === 'hoteliers' && f.to === 'plateformes' && f.money > 0) paid[f.period] = f.perOccurrence;
  }
  return paid;
}

// The model's assumptions the hand calculations use.
const RATE = 90; // room_rate, EUR a night
const HOTEL_COST = 55; // hotel_cost_per_night
const DIRECT_COST = 3; // direct_cost_per_night
const START = 0.15; // commission_start
const RAISE = 0.0025; // commission_raise, a month
const OPINION = (2013 - 2011) * 12 + 9; // September 2013 with month 1 in January 2011: month 33

describe('seed 000, 5.3.3: the hotel-booking platforms and the CEPC', () => {
  it('has the hoteliers pay the platforms, and the travellers pay the hoteliers', () => {
    const { overall } = whoPays(load());
    expect(overall.payers.sort()).toEqual(['hoteliers', 'voyageurs']);
    expect(overall.payees.sort()).toEqual(['hoteliers', 'plateformes']);
  });

  it('leaves a hotel 21.50 EUR a night booked through a platform, before the platforms dominate', () => {
    // month 1: the platforms book 30 % of the nights, under the 50 % of dominance, so the
    // commission is its starting 15 %: 90 × 0.15 = 13.50 EUR to the platform, and the hotel keeps
    // 90 − 13.50 − 55 = 21.50 EUR a night, against 90 − 55 − 3 = 32 EUR for a night booked direct.
    const paid = commissionPerNight();
    expect(paid[1]).toBeCloseTo(RATE * START, 9);
    expect(RATE - paid[1]! - HOTEL_COST).toBeCloseTo(21.5, 9);
    expect(RATE - HOTEL_COST - DIRECT_COST).toBe(32);
  });

  it('raises the commission progressively once dominant, until the CEPC rules, then holds it', () => {
    const paid = commissionPerNight();
    // « ont progressivement augmenté la part de valeur ponctionnée »: a quarter of a point a month,
    // 90 × 0.0025 = 0.225 EUR more a night each month, in some month before the opinion
    const rises = paid.slice(2, OPINION).map((p, i) => p - paid[i + 1]!);
    expect(rises.some((r) => Math.abs(r - RATE * RAISE) < 1e-9)).toBe(true);
    expect(rises.every((r) => r >= -1e-12)).toBe(true);
    // « qui a tranché en faveur des hôteliers »: from the month after the opinion, no more rise
    for (let p = OPINION + 1; p <= 48; p++) expect(paid[p]).toBeCloseTo(paid[OPINION + 1]!, 9);
    expect(paid[48]).toBeGreaterThan(RATE * START);
  });

  it('without the opinion, keeps raising it by a quarter of a point a month', () => {
    const paid = commissionPerNight('without-cepc');
    // still under the 30 % ceiling in month 48, so the rise goes on: 0.225 EUR a night a month
    expect(paid[48]! - paid[47]!).toBeCloseTo(RATE * RAISE, 9);
    expect(paid[48]).toBeGreaterThan(commissionPerNight()[48]!);
  });

  it('with an opinion that rolls the commission back, brings it back near its start within the horizon', () => {
    // an assumption (the seed says only « a tranché en faveur des hôteliers »): the excess over 15 %
    // decays with a 6-month time constant from month 33, so by month 48 it is about e^(−16/6) ≈ 7 %
    // of what it was, against the base model where it stays
    const held = commissionPerNight()[48]! - RATE * START;
    const rolled = commissionPerNight('commission-rolled-back')[48]! - RATE * START;
    expect(held).toBeGreaterThan(0);
    expect(rolled).toBeGreaterThan(0);
    expect(rolled / held).toBeLessThan(0.1);
  });

  it('dates the opinion with the seed\'s words and says the rest is assumed', () => {
    const { parameters } = provenance(load().doc as ModelDocument);
    const kind = (name: string) => parameters.find((p) => p.name === name)!;
    expect(kind('opinion_year')).toMatchObject({ kind: 'stated', value: 2013 });
    expect(kind('cepc_ruling').quote).toContain('qui a tranché en faveur des hôteliers');
    expect(kind('recapture_rate').kind).toBe('assumed');
    expect(kind('recapture_rate').basis).toContain('a tranché en faveur des hôteliers');
    expect(parameters.filter((p) => p.kind === 'stated').map((p) => p.name).sort()).toEqual(['cepc_ruling', 'opinion_year']);
  });
});
