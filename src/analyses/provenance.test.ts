import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../core/index.js';
import { numbersIn, provenance, quoteStates } from './provenance.js';

describe('the numbers a quote writes', () => {
  it('reads French numbers: decimal commas, grouped digits, scale words, percentages, number words', () => {
    // Seed 000 on Amazon: « 2,8 milliards de dollars » is 2.8e9.
    expect(numbersIn('6 ans et 2,8 milliards de dollars « brûlés »')).toEqual(expect.arrayContaining([6, 2.8, 2.8e9]));
    expect(numbersIn('1\u202f000\u00a0000 d’utilisateurs')).toContain(1_000_000);
    expect(numbersIn('une réduction de -30 % sur la prime')).toEqual(expect.arrayContaining([30, 0.3]));
    // Seed 003's young-driver test: « un vendredi par mois », two groups of 50.
    expect(numbersIn('capitaine de soirée un vendredi par mois')).toContain(1);
    expect(numbersIn('deux groupes de 50 jeunes conducteurs')).toEqual(expect.arrayContaining([2, 50]));
    expect(numbersIn('vendue 190 M$ à Intuit')).toEqual(expect.arrayContaining([190, 190e6]));
  });

  it('says whether a quote states a figure or an expression of figures', () => {
    expect(quoteStates('Groupe A : -30 % sur la prime pendant un an', 0.3)).toBe(true);
    expect(quoteStates('Groupe A : -30 % sur la prime pendant un an', -0.3)).toBe(true);
    expect(quoteStates('deux groupes de 50', 50)).toBe(true);
    expect(quoteStates('deux groupes de 50', 40)).toBe(false);
    expect(quoteStates('« le coût du service est supporté par le détenteur »', 9.99)).toBe(false);
    expect(quoteStates('2,8 milliards de pertes en 6 ans', '2.8e9 / 6')).toBe(true);
    expect(quoteStates('2,8 milliards de pertes', '2.8e9 / 6')).toBe(false);
  });
});

describe('provenance', () => {
  const doc = {
    parameters: {
      group: { value: 50, source: 'seed 003, A/B testing', quote: 'deux groupes de 50 jeunes conducteurs' },
      price: { value: 9.99, source: 'seed 003, Modèle économique', quote: '« le coût du service est supporté par le détenteur »' },
      loose: { value: 12, source: 'seed 003' },
      burn: { value: 2.8e9, calibrated: 'the losses the seed states', source: 'seed 000' },
      churn: { value: 0.02, assumption: { fr: 'un départ sur cinquante', en: 'one in fifty leave' }, basis: 'seed 001', range: [0.01, 0.05] },
      total: '50 * price',
      bare: 7,
    },
    actors: {},
  } as unknown as ModelDocument;

  it('tells a stated figure from one only cited, calibrated, assumed, worked out or unexplained', () => {
    const origin = provenance(doc);
    expect(Object.fromEntries(origin.parameters.map((p) => [p.name, p.kind]))).toEqual({
      group: 'stated',
      price: 'cited',
      loose: 'cited',
      burn: 'calibrated',
      churn: 'assumed',
      total: 'derived',
      bare: 'unexplained',
    });
    expect(origin.counts).toEqual({ stated: 1, cited: 2, calibrated: 1, assumed: 1, derived: 1, unexplained: 1 });
    expect(origin.unexplained).toEqual([['parameters', 'bare']]);
  });
});
