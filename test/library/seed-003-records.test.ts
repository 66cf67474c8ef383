/**
 * Seed 003's method as the three models record it (format version 4): the hypotheses under the
 * workshop's three questions, the test cards (« Nous pensons que… Pour le vérifier, nous allons…
 * Et mesurer… »), and every A/B design. The expected sets are read off the seed by hand, slide by
 * slide, and written here; the young-driver test's counts must be marked invented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ecosystemOf } from '../helpers.js';

const load = (id: string) => ecosystemOf(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`).doc;
const kinds = (id: string) => {
  const out: Record<string, number> = {};
  for (const h of Object.values(load(id).hypotheses ?? {})) out[h.kind] = (out[h.kind] ?? 0) + 1;
  return out;
};

describe('seed 003 records', () => {
  it('AppStore: the eight hashtags of « Les hypothèses », three test cards, one A/B design of two groups', () => {
    // En veulent-ils ? #valeur d'usage, #parcours utilisateur; Peut-on le faire ? #sécurité,
    // #usercentric, #éthique; Est-ce viable ? #pricing, #cible, #animation.
    expect(kinds('appstore')).toEqual({ desirability: 2, feasibility: 3, viability: 3 });
    const doc = load('appstore');
    expect(Object.keys(doc.testCards ?? {})).toHaveLength(3);
    const ab = doc.experiments!['professionals-willingness']!;
    expect(Object.keys(ab.variants)).toEqual(['a', 'b']);
    expect(ab.variants.b!.price).toContain('Pack “je gère mon projet” : 20e/mois');
    expect(Object.values(ab.variants).every((v) => v.observed === undefined)).toBe(true); // never run
  });

  it('Purple Button: five hypotheses on individuals, three on developers, the main one and the A/B one; the young-driver test with two groups of 50 and invented counts', () => {
    expect(kinds('purple-button')).toEqual({ desirability: 10 });
    const doc = load('purple-button');
    // Three cards of « Concevoir une expérience » and one drawn from the « A/B testing » slide.
    expect(Object.keys(doc.testCards ?? {})).toHaveLength(4);
    const test = doc.experiments!['young-drivers']!;
    expect(Object.values(test.variants).map((v) => v.planned)).toEqual([50, 50]);
    expect(Object.values(test.variants).every((v) => v.observed?.invented === true)).toBe(true);
    expect(test.variants.a!.offer).toContain('vous payez votre assurance 30% moins cher');
    expect(test.variants.b!.offer).toContain('vous gagnez le badge SAM');
    const card = doc.learningCards!['young-drivers-illustration']!;
    expect(JSON.stringify(card.observed)).toMatch(/inventés|invented/);
  });

  it('Personal platform: 3 + 3 + 4 hypotheses of the two slides and the two the test cards add; the five A/B designs of the test cards and the full test', () => {
    expect(kinds('personal-platform')).toEqual({ desirability: 3, feasibility: 3, viability: 6 });
    const doc = load('personal-platform');
    expect(Object.keys(doc.testCards ?? {})).toHaveLength(3);
    // « A- On paie un objet / B- … forfaits », « A- Paiement des applications / B- Freemium »,
    // « A- le détenteur paie … / B- Il ne paie pas », « A- Le détenteur paie pour verser des données
    // / B- Les offreurs de services paient », and the full A/B test (home against energy).
    expect(Object.keys(doc.experiments ?? {}).sort()).toEqual(['apps-paid-or-freemium', 'holder-pays-or-participates', 'home-or-energy', 'object-or-bundle', 'who-pays-for-data']);
    expect(doc.experiments!['home-or-energy']!.variants.b!.price).toContain('“BA” : mode Nest');
  });

  it('every test card is quoted in the seed\'s three parts, and every record names its source', () => {
    for (const id of ['appstore', 'purple-button', 'personal-platform']) {
      const doc = load(id);
      for (const [cid, card] of Object.entries(doc.testCards ?? {})) {
        if (cid === 'young-drivers-ab') continue; // drawn from the A/B slide, which has no card
        expect(card.quote, `${id} ${cid}`).toMatch(/^Nous pensons que[\s\S]*Pour le vérifier[\s\S]*(Et mesurer|mesurer)/);
      }
      for (const section of ['hypotheses', 'testCards', 'experiments'] as const) {
        for (const [rid, record] of Object.entries(doc[section] ?? {})) expect((record as { source?: string }).source, `${id} ${section}.${rid}`).toMatch(/^seed 003/);
      }
    }
  });
});
