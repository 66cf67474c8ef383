import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../core/index.js';
import { assumptionMap, rankingFromSensitivity, recordedExperiment } from './experiment-records.js';

const doc = {
  hypotheses: {
    want: { kind: 'desirability', statement: 'they want it', importance: 'high', evidence: 'none', parameters: ['uptake'] },
    build: { kind: 'feasibility', statement: 'we can build it', importance: 'high', evidence: 'strong' },
    pay: { kind: 'viability', statement: 'they pay', importance: 'low', evidence: 'weak', parameters: ['price', 'churn'] },
  },
  testCards: { card: { hypothesis: 'want', believe: 'b', verify: 'v', measure: 'm' } },
  experiments: {
    ab: {
      testCard: 'card',
      measure: 'sign-ups',
      variants: {
        b: { observed: { exposed: 40, converted: 9 } },
        a: { control: true, planned: 50, observed: { exposed: 50, converted: 5, invented: true } },
      },
    },
  },
} as unknown as ModelDocument;

describe("an experiment's recorded counts", () => {
  it('puts the control first, and says when counts are invented', () => {
    const { experiment } = recordedExperiment(doc, undefined);
    expect(experiment!.variants).toEqual([{ name: 'a', counts: { successes: 5, trials: 50 } }, { name: 'b', counts: { successes: 9, trials: 40 } }]);
    expect(experiment!.invented).toBe(true);
    expect(experiment!.planned).toEqual([50, undefined]);
    expect(experiment!.informed).toEqual([undefined, undefined]);
  });

  it("gives each variant's informed parameter: its own, else the experiment's", () => {
    const ab = doc.experiments!.ab!;
    const informing = { ...doc, experiments: { ab: { ...ab, informs: 'uptake', variants: { ...ab.variants, b: { ...ab.variants.b!, informs: 'uptake_b' } } } } } as unknown as ModelDocument;
    expect(recordedExperiment(informing, 'ab').experiment!.informed).toEqual(['uptake', 'uptake_b']);
  });

  it('names what is missing', () => {
    expect(recordedExperiment(doc, 'nope').fault).toEqual({ code: 'unknown-experiment', experiment: 'nope', known: ['ab'] });
    expect(recordedExperiment({ ...doc, experiments: {} } as ModelDocument, undefined).fault).toEqual({ code: 'no-experiments' });
    const noCounts = { ...doc, experiments: { ab: { ...doc.experiments!.ab!, variants: { a: {}, b: { observed: { exposed: 1, converted: 0 } } } } } } as unknown as ModelDocument;
    expect(recordedExperiment(noCounts, 'ab').fault).toEqual({ code: 'no-counts', experiment: 'ab', variant: 'a' });
  });
});

describe('the assumption map', () => {
  it('puts the important and untested first, from the records', () => {
    const map = assumptionMap(doc);
    expect(map.map((m) => [m.hypothesis, m.quadrant])).toEqual([
      ['want', 'test-first'],
      ['build', 'keep-watching'],
      ['pay', 'check-later'],
    ]);
    expect(map[0]!.testCards).toEqual(['card']);
    expect(map[0]!.experiments).toEqual(['ab']);
  });

  it('takes importance from a sensitivity ranking when given: the largest of its parameters, over the top measure', () => {
    // Actor 1: churn 0.8 (top), price 0.2 → 0.25; actor 2: uptake 0.3 (top) → 1, price 0.15 → 0.5.
    const ranking = rankingFromSensitivity({
      actors: [
        { ranking: [{ parameter: 'churn', measure: 0.8 }, { parameter: 'price', measure: 0.2 }] },
        { ranking: [{ parameter: 'uptake', measure: 0.3 }, { parameter: 'price', measure: 0.15 }] },
        { constant: true, ranking: [] },
      ],
    });
    expect([...ranking]).toEqual([['churn', 1], ['price', 0.5], ['uptake', 1]]);
    const map = assumptionMap(doc, ranking);
    const pay = map.find((m) => m.hypothesis === 'pay')!;
    expect([pay.importance, pay.importanceFrom, pay.sensitivityShare, pay.quadrant]).toEqual(['high', 'sensitivity', 1, 'test-first']);
    // build concerns no ranked parameter: its own importance stays.
    expect(map.find((m) => m.hypothesis === 'build')!.importanceFrom).toBe('record');
  });
});
