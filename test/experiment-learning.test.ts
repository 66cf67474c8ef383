/**
 * A learning card drafted from a recorded experiment (analyses/experiment-learning.ts, words in
 * i18n/learning.ts). The figures' own references are in src/stats/experiments/*.test.ts; here the
 * decisions they lead to, with the statsmodels calls that fix the p-values quoted.
 */
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../src/core/index.js';
import { draftLearning } from '../src/analyses/index.js';
import { learningCardFromDraft } from '../src/i18n/index.js';
import { issuesOf } from './helpers.js';
import { stringify } from 'yaml';
import { applyChanges } from '../src/core/index.js';

/** A shop testing two new offers against its current one, 1,000 people each (counts invented for the test). */
function shop(counts: [number, number, number]): ModelDocument {
  return {
    symbiose: 4,
    name: 'Shop',
    currency: 'EUR',
    period: 'month',
    horizon: 12,
    parameters: { price: 2, take_up: { value: 0.1, range: [0.05, 0.2] }, take_up_c: { value: 0.1, distribution: { kind: 'beta', alpha: 2, beta: 18 } } },
    actors: { shop: { kind: 'organisation' }, people: { kind: 'segment', size: 100 } },
    valueObjects: { money: { nature: 'money' }, bread: { nature: 'product' } },
    transactions: { buy: { transfers: [{ from: 'shop', to: 'people', object: 'bread' }, { from: 'people', to: 'shop', object: 'money', amount: 'price * take_up * take_up_c' }] } },
    scenarios: { weekly: { start: { actor: 'people', count: 4 }, steps: ['buy'] } },
    hypotheses: { h: { kind: 'desirability', statement: { fr: 'ils en veulent', en: 'they want it' }, parameters: ['take_up'] } },
    testCards: { c: { hypothesis: 'h', believe: { fr: 'une offre claire fait acheter', en: 'a clear offer makes people buy' }, verify: 'test', measure: 'sales', threshold: 0.15 } },
    experiments: {
      e: {
        testCard: 'c',
        measure: { fr: 'achats', en: 'purchases' },
        informs: 'take_up',
        variants: {
          a: { control: true, planned: 1000, observed: { exposed: 1000, converted: counts[0] } },
          b: { planned: 1000, observed: { exposed: 1000, converted: counts[1] } },
          c: { planned: 1000, informs: 'take_up_c', observed: { exposed: 1000, converted: counts[2] } },
        },
      },
    },
  } as unknown as ModelDocument;
}

describe('drafting a learning card from an analysis', () => {
  it('adopts the variant that converts better, on Holm-adjusted p-values, and calibrates what each group informs', () => {
    // 100, 105 and 160 of 1,000: proportions_ztest([x, 100], [1000, 1000])[1] for x = 105, 160 →
    // 0.7124129155997545, 6.624739218326124e-05; multipletests(…, method='holm') → 0.7124…, 1.32494784e-04.
    const { draft } = draftLearning(shop([100, 105, 160]), { experiment: 'e' });
    expect(draft!.comparisons.map((c) => [c.variant, c.test, c.adjusted, c.verdict])).toEqual([
      ['b', 'z', true, 'too-weak-to-decide'],
      ['c', 'z', true, 'variant-differs'],
    ]);
    expect(draft!.comparisons[1]!.pValue).toBeCloseTo(1.32494784e-4, 9);
    expect(draft!.decision).toEqual({ code: 'adopt', variant: 'c' });
    // The card's threshold 15 %: only c's 16 % reaches it.
    expect(draft!.comparisons.map((x) => x.thresholdReached)).toEqual([false, true]);
    // The control informs take_up (the experiment's), c its own take_up_c; b informs nothing of its own.
    expect(draft!.calibrations.map((x) => [x.variant, x.parameter])).toEqual([['a', 'take_up'], ['c', 'take_up_c']]);
    // take_up_c: Beta(2, 18) prior and 160 of 1,000 → Beta(162, 858), mean 162/1020 exactly.
    expect(draft!.calibrations[1]!.after.mean).toBeCloseTo(162 / 1020, 10);
    expect(draft!.calibrations[1]!.before.mean).toBeCloseTo(0.1, 10);
    const card = learningCardFromDraft(draft!);
    expect(card.decision).toEqual({
      fr: "retenir l'offre c, et reprendre take_up, take_up_c à la valeur calibrée dans le modèle",
      en: 'adopt offer c, and carry take_up, take_up_c at the calibrated value in the model',
    });
    expect((card.learned as { en: string }).en).toContain('c converts better than a: the z test, p = 0.000132 (Holm-adjusted) ≤ 0.05');
    expect((card.learned as { en: string }).en).toContain("the test card's threshold (15.0 %) is reached by c");
  });

  it('keeps the control when every variant converts worse, and asks for the sample that would decide when the counts cannot tell', () => {
    // 100 against 60 and 60: proportions_ztest([60, 100], [1000, 1000])[1] → 0.0009775747711928398 each; Holm 0.00196.
    expect(draftLearning(shop([100, 60, 60]), { experiment: 'e' }).draft!.decision).toEqual({ code: 'keep-control', variant: 'b' });
    const weak = draftLearning(shop([100, 105, 110]), { experiment: 'e' }).draft!;
    expect(weak.decision.code).toBe('rerun');
    // The larger of the two deciding samples: 10 % against 10.5 % needs far more than 10 % against 11 %.
    expect(weak.decision).toEqual({ code: 'rerun', trials: weak.comparisons[0]!.decidingTrials });
    expect(weak.comparisons[0]!.decidingTrials!).toBeGreaterThan(weak.comparisons[1]!.decidingTrials!);
  });

  it('writes French the French way, never calls a p-value the chance of being right, and the card is a valid record', () => {
    const doc = shop([100, 105, 160]);
    const { draft } = draftLearning(doc, { experiment: 'e' });
    const card = learningCardFromDraft(draft!);
    for (const part of [card.observed, card.learned, card.decision] as { fr: string; en: string }[]) {
      expect(part.fr).not.toMatch(/ [:;?!]/);
      expect(`${part.fr} ${part.en}`).not.toMatch(/probabilité d.avoir raison|chance of being right|probability of being right/);
    }
    expect((card.believed as { en: string }).en).toBe('a clear offer makes people buy');
    const applied = applyChanges(doc, [...draft!.changes, { op: 'add', kind: 'learningCard', id: 'l', record: card }]);
    expect(applied.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issuesOf(stringify(applied.document), 'learned.yaml').filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('names an experiment that does not exist', () => {
    expect(draftLearning(shop([1, 2, 3]), { experiment: 'nope' }).fault).toMatchObject({ code: 'unknown-experiment', known: ['e'] });
  });
});
