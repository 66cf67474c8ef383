/**
 * Alibaba, Alipay and AliLoan (seed 000, 6.2.3 and 6.2.4), checked by hand. The seed (copied
 * here: tests never read the seeds): « Alipay pour le paiement en ligne et sur mobile avec près de
 * 800 millions de comptes enregistrés à la date de novembre 2013 »; AliLoan, « des octrois de crédit
 * en ligne aux petits marchands en ligne d'Alibaba basés sur des modèles de mesure du risque liés
 * aux données des ventes et de la plateforme. C'est un scoring unique et redoutable car il permet à
 * la plateforme de proposer des offres bien plus attractives que les banques [...]. En finançant ses
 * marchands pour sa galerie en ligne, Alibaba favorise le développement des ventes sur sa
 * plateforme. Le volume de crédit octroyé a été de plusieurs dizaines de milliards de yuans depuis
 * et s'avère très lucratif pour Alibaba »; 6.2.4, the yellow line: « un retrait massif des
 * utilisateurs finaux qui ne reviendront plus sur la plateforme ». Rates are the model's assumptions
 * (interest 1.5 % a month, funding 0.5 % a month, 1 % of the loans lost at each 3-month term, 4 %
 * with a bank's scoring), worked out by hand below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profitability } from '../../src/analyses/index.js';
import { canonicalName, loadModel, occurrencesAt } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/link/index.js';
import { describeIssue } from '../helpers.js';

const FILE = 'library/alibaba-alipay-aliloan.yaml';
const load = (variant?: string) => {
  const result = loadModel(readFileSync(FILE, 'utf8'), FILE, { dynamics: prepareDynamics, ...(variant ? { variant } : {}) });
  expect(result.issues.map(describeIssue)).toEqual([]);
  return result.ecosystem!;
};
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const series = (variant: string | undefined, name: string) => load(variant).series.get(canonicalName(name))!;

describe('seed 000, 6.2.3: Alipay and AliLoan', () => {
  it('has about the seed\'s 800 million accounts in November 2013, month 83', () => {
    // t = 1 is January 2007 (« le lancement d'AliLoan en 2007 »): November 2013 is 6 × 12 + 11 = 83
    const accounts = load().ledger.sizes.get('utilisateurs')!;
    expect(Math.abs(accounts[83 - 1]! / 800e6 - 1)).toBeLessThan(0.03);
  });

  it('grants several tens of billions of yuan of credit from 2007 to 2013', () => {
    // « plusieurs dizaines de milliards de yuans »: more than 20 and fewer than 100 billion
    const granted = series(undefined, 'Credit_granted');
    const last = granted[granted.length - 1]!;
    expect(last).toBeGreaterThan(20e9);
    expect(last).toBeLessThan(100e9);
  });

  it('keeps the loans out of AliLoan\'s revenue and makes the credit lucrative with its scoring', () => {
    const sheet = profitability(load(), 'aliloan');
    // the revenue is the interest alone; the loans and repayments are financing
    expect(sheet.revenues.map((l) => l.kind === 'transaction' && l.transaction)).toEqual(['interest']);
    expect(sheet.financing.length).toBeGreaterThan(0);
    // per yuan outstanding and per month: interest 0.015, funding 0.005, losses 0.01 / 3 months,
    // so the costs are (0.005 + 0.01 / 3) / 0.015 = 5/9 of the interest
    expect(sum(sheet.totals.costs) / sum(sheet.totals.revenue)).toBeCloseTo(5 / 9, 2);
    expect(sheet.totalNet).toBeGreaterThan(0);
  });

  it('loses money on the credit with a bank\'s scoring on financial data only', () => {
    // (0.005 + 0.04 / 3) / 0.015 = 11/9 of the interest: the costs exceed it
    const sheet = profitability(load('bank-scoring'), 'aliloan');
    expect(sum(sheet.totals.costs) / sum(sheet.totals.revenue)).toBeCloseTo(11 / 9, 2);
    expect(sheet.totalNet).toBeLessThan(0);
  });

  it('has a merchant with credit sell more: 124.5 orders a month against 120.75 with a bank\'s scoring', () => {
    // « En finançant ses marchands [...] Alibaba favorise le développement des ventes »: 120 orders
    // × (1 + 25 % more for a borrower × 30 % creditworthy × 50 % who borrow) = 124.5;
    // with a bank's 5 % creditworthy: 120 × (1 + 0.25 × 0.05 × 0.5) = 120.75
    for (const [variant, expected] of [[undefined, 124.5], ['bank-scoring', 120.75]] as const) {
      const eco = load(variant);
      const merchants = eco.ledger.sizes.get('marchands')!;
      for (const p of [1, 40, 84]) expect(occurrencesAt(eco.ledger, p).get('purchase')! / merchants[p - 1]!).toBeCloseTo(expected, 6);
    }
  });

  it('loses the users for good once the yellow line is crossed, and Alibaba with them', () => {
    const gone = series('yellow-line', 'Gone_for_good');
    expect(gone[gone.length - 1]!).toBeGreaterThan(100e6);
    for (let i = 1; i < gone.length; i++) expect(gone[i]!).toBeGreaterThanOrEqual(gone[i - 1]!);
    expect(profitability(load('yellow-line'), 'alibaba').npv).toBeLessThan(profitability(load(), 'alibaba').npv);
  });
});
