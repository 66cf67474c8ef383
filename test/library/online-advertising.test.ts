/**
 * The online advertising ecosystem (seed 000, Figure 10), checked by hand. The seed (copied here:
 * tests never read the seeds) gives the figure's caption, « Ecosystème de la publicité en ligne dans
 * lequel certains flux sont représentés (Source ©LUMA Partners LLC 2012) », and in words « trop de
 * publicité fait fuir les lecteurs » (5.1.2); seed 004 adds « En 2018, Google et Facebook ont capté
 * la moitié des recettes publicitaires mondiales sur le Net ». The chain's takes are the model's
 * assumptions (agency 10 %, DSP 10 %, data 10 % of a targeted ad, exchange 5 %, SSP 10 %, a CPM of
 * 2.5 EUR), worked out by hand below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provenance } from '../../src/analyses/index.js';
import { canonicalName, flowRecords, loadModel, type ModelDocument } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/link/index.js';
import { describeIssue } from '../helpers.js';

const FILE = 'library/online-advertising.yaml';
const load = (variant?: string) => {
  const result = loadModel(readFileSync(FILE, 'utf8'), FILE, { dynamics: prepareDynamics, ...(variant ? { variant } : {}) });
  expect(result.issues.map(describeIssue)).toEqual([]);
  return result.ecosystem!;
};

/** Money from one actor to another in a period: per occurrence and in all. */
function paid(variant: string | undefined, from: string, to: string, period: number) {
  const flows = flowRecords(load(variant).ledger).filter((f) => f.from === from && f.to === to && f.period === period && f.money > 0);
  return { each: flows[0]?.perOccurrence ?? 0, total: flows.reduce((a, f) => a + f.money, 0) };
}

describe('seed 000, Figure 10: the online advertising ecosystem', () => {
  it('passes 55 cents of each euro of a targeted ad on to the publisher', () => {
    // 2.5 EUR a thousand ads: agency 0.25, DSP 0.25, data 0.25, exchange 0.125, SSP 0.25,
    // the publisher 2.5 × (1 − 0.1 − 0.1 − 0.1 − 0.05 − 0.1) = 1.375 EUR
    expect(paid(undefined, 'annonceurs', 'agences', 1).each).toBeCloseTo(2.5, 9);
    expect(paid(undefined, 'dsp', 'fournisseurs-de-donnees', 1).each).toBeCloseTo(0.25, 9);
    expect(paid(undefined, 'ssp', 'editeurs', 1).each).toBeCloseTo(1.375, 9);
  });

  it('gives Google and Facebook half of the spend, as seed 004 says of 2018', () => {
    // « la moitié des recettes publicitaires »: in month 1 of the base model, as much to them as to
    // the open web: 45 million internautes × 300 pages × 4 ads / 1000 × 2.5 EUR = 135 M EUR
    const open = paid(undefined, 'annonceurs', 'agences', 1).total;
    expect(open).toBeCloseTo(45e6 * 300 * 4 / 1000 * 2.5, 0);
    expect(paid(undefined, 'annonceurs', 'google-facebook', 1).total).toBeCloseTo(open, 0);
    const share = provenance(load().doc as ModelDocument).parameters.find((p) => p.name === 'walled_garden_share')!;
    expect(share).toMatchObject({ kind: 'stated', value: 0.5 });
  });

  it('doubles the publishers\' ad revenue with twice the ads at first, then loses the readers', () => {
    // « trop de publicité fait fuir les lecteurs »
    const base = (p: number) => paid(undefined, 'ssp', 'editeurs', p).total;
    const heavy = (p: number) => paid('heavy-ad-load', 'ssp', 'editeurs', p).total;
    // month 1 already loses a little audience (5 % a month at twice the ads tolerated)
    expect(heavy(1) / base(1)).toBeGreaterThan(2 * 0.97);
    expect(heavy(1) / base(1)).toBeLessThan(2);
    expect(heavy(36)).toBeLessThan(base(36));
    for (let p = 2; p <= 36; p++) expect(heavy(p)).toBeLessThan(heavy(p - 1));
  });

  it('with consent required, sells the unconsenting readers\' ads at half price and not their data', () => {
    // 60 % consent: 2.5 × (0.6 + 0.4 × 0.5) = 2.0 EUR a thousand on average; the data suppliers
    // get 2.0 × 0.1 × 0.6 = 0.12 EUR of it, the publisher 2.0 × (1 − 0.1 − 0.1 − 0.06 − 0.05 − 0.1) = 1.18 EUR
    expect(paid('consent-required', 'annonceurs', 'agences', 1).each).toBeCloseTo(2, 9);
    expect(paid('consent-required', 'dsp', 'fournisseurs-de-donnees', 1).each).toBeCloseTo(0.12, 9);
    expect(paid('consent-required', 'ssp', 'editeurs', 1).each).toBeCloseTo(1.18, 9);
  });

  it('with ad blockers (an assumption), loses the blocked readers\' ads month after month', () => {
    const eco = load('ad-blocking');
    const blocked = eco.series.get(canonicalName('blocked_share'))!;
    for (let p = 2; p <= 36; p++) expect(blocked[p]!).toBeGreaterThan(blocked[p - 1]!);
    // the audience stays (4 ads a page is tolerated), so the ads fall by the share blocked
    const ratio = paid('ad-blocking', 'ssp', 'editeurs', 36).total / paid(undefined, 'ssp', 'editeurs', 36).total;
    expect(ratio).toBeCloseTo(1 - blocked[36]!, 2);
  });
});
