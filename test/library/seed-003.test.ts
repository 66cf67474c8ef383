/**
 * Seed 003 (Fing MesInfos, « Résultats de l'atelier du 11/12/15 — Comment expérimenter sur les
 * modèles d'affaires du self data ? »): the three scenarios are Self Data services. For each model,
 * the payer and recipient sets are written from the seed's « Modèle économique » and the « Prix »
 * of its A/B-test offers (quoted), each named actor mapped to its model id — not copied from the
 * model's output. Where a flow is a hypothesis of the seed rather than a stated price, or an
 * assumption of the model, the comment says « modelled ».
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whoPays } from '../../src/analyses/index.js';
import { flowRecords } from '../../src/core/index.js';
import { ecosystemOf } from '../helpers.js';

const load = (id: string) => ecosystemOf(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);

/** The money paid per occurrence of a transaction, from payer to payee, in one scenario. */
function unitPrice(id: string, scenario: string, transaction: string, payer: string): number {
  const table = whoPays(load(id)).scenarios.find((s) => s.scenario === scenario)!;
  const row = table.payments.find((p) => p.transaction === transaction && p.payer === payer)!;
  return row.total / row.occurrences;
}

describe('seed 003, Scénario 1 : AppStore', () => {
  const result = whoPays(load('appstore'));
  const table = result.overall;
  const scenario = (id: string) => result.scenarios.find((s) => s.scenario === id)!;

  it('is paid for by the professional and individual customers, and by the store that pays the developers', () => {
    // « Prix : ... certains services pourront être payants » (Groupe A) ; « Pack “je gère mon projet” :
    //   20e/mois ; Pack “Je développe mon entreprise ou mon association” : 60e/mois » (Groupe B)
    //   → professionals
    // « #pricing : le coût pour l'individu doit être minime » ; « accroissement de l'activité sur le
    //   compte de ses clients »  → individuals
    // « l'organisation prélève une commission » on the apps of « des développeurs ... réunis au sein
    //   d'une coopérative »: the store collects the price and pays the developers the rest  → bank
    expect(new Set(table.payers)).toEqual(new Set(['professionals', 'individuals', 'bank']));
  });

  it('pays the organisation (commission, own products, account activity) and the developers\' cooperative', () => {
    // « Modèle économique : l'organisation prélève une commission, peut vendre plus cher ses propres
    //   produits (offres complémentaires), accroissement de l'activité sur le compte de ses clients »  → bank
    // the developers who create the apps, « réunis au sein d'une coopérative »  → developers
    expect(new Set(table.payees)).toEqual(new Set(['bank', 'developers']));
  });

  it('compares offer A and offer B over the professional customers', () => {
    // Groupe A « Entrepreneurs, vos services à la carte » and Groupe B « Pack parcours entrepreneurs »:
    // in both, the professionals pay the store and the store pays the developers
    for (const id of ['offer-a', 'offer-b']) {
      expect(new Set(scenario(id).payers)).toEqual(new Set(['professionals', 'bank']));
      expect(new Set(scenario(id).payees)).toEqual(new Set(['bank', 'developers']));
    }
  });

  it('prices the packs of offer B at 20 and 60 EUR a month, the first one free', () => {
    // « 1 - Pack “Je monte mon projet” : gratuit ; 2 - Pack “je gère mon projet” : 20e/mois ;
    //   3 - Pack “Je développe mon entreprise ou mon association” : 60e/mois »
    expect(unitPrice('appstore', 'offer-b', 'pack-2', 'professionals')).toBeCloseTo(20);
    expect(unitPrice('appstore', 'offer-b', 'pack-3', 'professionals')).toBeCloseTo(60);
    expect(scenario('offer-b').payments.some((p) => p.transaction === 'pack-1')).toBe(false);
  });

  it('charges nothing for the services of offer A during the first six months', () => {
    // « Offre découverte : les six premiers mois sont gratuits »
    const flows = flowRecords(load('appstore').ledger).filter((f) => f.scenario === 'offer-a' && f.from === 'professionals' && f.transaction === 'paid-service-a' && f.money > 0);
    expect(flows.length).toBeGreaterThan(0);
    expect(Math.min(...flows.map((f) => f.period))).toBe(7);
  });
});

describe('seed 003, Scénario 2 : Purple Button', () => {
  const result = whoPays(load('purple-button'));
  const table = result.overall;
  const scenario = (id: string) => result.scenarios.find((s) => s.scenario === id)!;

  it('is paid for by the policyholders, the young drivers of both test groups and the third-party services', () => {
    // « Modèle économique : l'API peut être en freemium (les services tiers qui s'y connectent
    //   souscrivent à une offre) »  → services
    // the policyholders pay their insurance premium: « les individus vont utiliser les données / services
    //   s'ils anticipent une amélioration de la performance de leur assurance (en bénéficiant d'une
    //   réduction de prime ...) »  → policyholders
    // A/B test: « vous payez votre assurance plus cher » ; Groupe A « vous payez votre assurance 30% moins
    //   cher » ; Groupe B, same premium  → young-drivers-a, young-drivers-b
    // « les développeurs vont s'engager, car ils anticipent une monétisation lucrative des données
    //   d'utilisation du service »: the seed does not say who would buy them, so no one does here;
    //   « organiser un hackathon »: the seed names no prize  → the insurer pays no one
    expect(new Set(table.payers)).toEqual(new Set(['policyholders', 'young-drivers-a', 'young-drivers-b', 'services']));
  });

  it('pays the insurer and the third-party services, not the developers', () => {
    // premiums and API subscriptions (« souscrivent à une offre »)  → insurer
    // « les développeurs vont s'engager, car ils anticipent une monétisation de services associés aux
    //   données (visualisation, analyse, reporting, ...) »: the services' paid features  → services
    // « nous allons organiser un hackathon (ou un challenge sur Kaggle) / Et mesurer ... la taille de
    //   l'audience, le nombre d'applications et la diversité des applications »: no prize  → not developers
    expect(new Set(table.payees)).toEqual(new Set(['insurer', 'services']));
  });

  it('lets each young-driver group pay only its premium to the insurer; Sam and Blablacar are not paid', () => {
    // « Call to action : Téléchargez l'application Sam / capitaine de soirée » ; Groupe B « le badge
    //   SAM que vous pouvez partager et mentionner sur votre profil Blablacar »: no price for either
    for (const [id, group] of [['young-drivers-a', 'young-drivers-a'], ['young-drivers-b', 'young-drivers-b']] as const) {
      expect(new Set(scenario(id).payers)).toEqual(new Set([group]));
      expect(new Set(scenario(id).payees)).toEqual(new Set(['insurer']));
    }
  });

  it('gives group A 30 % off the premium after the year as Capitaine de Soirée, group B none', () => {
    // Groupe A: « Si vous êtes Capitaine de Soirée un vendredi par mois pendant un an, vous payez votre
    //   assurance 30% moins cher » ; Groupe B: « vous gagnez le badge SAM » (no discount)
    const full = unitPrice('purple-button', 'young-drivers-a', 'young-insurance-a', 'young-drivers-a');
    expect(unitPrice('purple-button', 'young-drivers-a', 'young-insurance-a-captain', 'young-drivers-a')).toBeCloseTo(full);
    expect(unitPrice('purple-button', 'young-drivers-a', 'young-insurance-a-discounted', 'young-drivers-a')).toBeCloseTo(full * 0.7);
    expect(unitPrice('purple-button', 'young-drivers-b', 'young-insurance-b-captain', 'young-drivers-b')).toBeCloseTo(full);
  });

  it('tests two groups of 50 drivers for a year, and follows group A for the year of its discount', () => {
    // « Nous allons choisir deux groupes de 50 conducteurs » ; « un vendredi par mois pendant un an »
    // group B: 50 drivers × 12 months; group A: 50 × 12 months of test, then 50 × 12 months of the
    // next premium, at -30 % for those who kept it up
    const months = (id: string) => scenario(id).payments.reduce((n, p) => n + p.occurrences, 0);
    expect(months('young-drivers-b')).toBeCloseTo(50 * 12);
    expect(months('young-drivers-a')).toBeCloseTo(50 * 24);
  });
});

describe('seed 003, Scénario 3 : Plateforme personnelle', () => {
  const result = whoPays(load('personal-platform'));
  const table = result.overall;
  const scenario = (id: string) => result.scenarios.find((s) => s.scenario === id)!;

  it('is paid for by the data holder, the individuals, the store, and the energy companies returning CO2 value', () => {
    // « Modèle économique : le coût du service est supporté par le détenteur »  → data-holder
    // Groupe A: « Paiement à l'installation ... » ; « Paiement par app (souvent sur une base “freemium”) » ;
    //   Groupe B: BA « rémunération en % des économies générées chez les consommateurs », BB « via la
    //   facture »  → individuals
    // « avec prélèvement (modeste !) de la part du store »: the store collects the app price and pays
    //   the service the rest  → platform
    // « Longue : rétrocession d'une part de la valeur des économies de CO2 à une échelle micro-locale »,
    //   by the company of each formula  → energy-service (BA), energy-supplier (BB)
    expect(new Set(table.payers)).toEqual(new Set(['data-holder', 'individuals', 'platform', 'energy-service', 'energy-supplier']));
  });

  it('pays the platform, the third-party services, the two energy formulas and the individuals', () => {
    // installation, store commission, the holder's payment  → platform
    // « Paiement par app »  → services
    // « “BA” : mode Nest (... rémunération en % des économies générées chez les consommateurs) »  → energy-service
    // « “BB” : mode EDF (via la facture) »  → energy-supplier
    // « rétrocession d'une part de la valeur des économies de CO2 »  → individuals
    expect(new Set(table.payees)).toEqual(new Set(['platform', 'services', 'energy-service', 'energy-supplier', 'individuals']));
  });

  it('keeps the two offers apart: apps and installation in A, energy formulas in B', () => {
    // Groupe A « centrée autour du domicile »; Groupe B « centrée autour de l'énergie »
    expect(new Set(scenario('offer-a').payers)).toEqual(new Set(['individuals', 'data-holder', 'platform']));
    expect(new Set(scenario('offer-a').payees)).toEqual(new Set(['platform', 'services']));
    expect(new Set(scenario('offer-b').payers)).toEqual(new Set(['individuals', 'data-holder', 'energy-service', 'energy-supplier']));
    expect(new Set(scenario('offer-b').payees)).toEqual(new Set(['platform', 'energy-service', 'energy-supplier', 'individuals']));
  });

  it('pays the Nest-mode company a share of the savings, never more than the savings', () => {
    // « rémunération en % des économies générées chez les consommateurs »
    const fee = unitPrice('personal-platform', 'offer-b', 'ba-energy-management', 'individuals');
    const savings = flowRecords(load('personal-platform').ledger).find((f) => f.object === 'bill-reduction' && f.transaction === 'ba-energy-management')!;
    expect(fee).toBeGreaterThan(0);
    expect(fee).toBeLessThan(savings.value / savings.occurrences);
  });
});
