import { describe, expect, it } from 'vitest';
import type { Model, Variable } from '../model.js';
import { elementaryCircuits } from './circuits.js';
import { causalGraph } from './graph.js';
import { feedbackStructure } from './structure.js';
import { bassModel, goalSeekingModel, logisticModel, logisticOneFlow } from './textbook.js';

const summary = (model: Model) => feedbackStructure(model).loops.map((l) => `${l.id} ${l.variables.join(' → ')} ${l.links.map((k) => k.sign).join('')}`);

describe('feedback loops read from the equations', () => {
  it('logistic growth: a reinforcing loop through the growth and a balancing one through the room left', () => {
    // ∂growth/∂Population = r·room ≥ 0 (room = MAX(0, …) is never negative, r = 1 > 0);
    // ∂room/∂Population = −1/K < 0; ∂growth/∂room = r·Population ≥ 0 (Population is a
    // non-negative stock). So R1 = (+)(+) and B1 = (−)(+)(+).
    expect(summary(logisticModel())).toEqual(['R1 Population → growth ++', 'B1 Population → room → growth -++']);
  });

  it('the logistic equation in one flow: the sign of ∂/∂P = r(1 − 2P/K) changes, so the loop is undetermined', () => {
    const loops = feedbackStructure(logisticOneFlow()).loops;
    expect(loops.map((l) => [l.id, l.polarity, l.links.map((k) => k.sign).join('')])).toEqual([['U1', 'undetermined', '?+']]);
  });

  it('goal seeking: one balancing loop (the gap falls as the level rises)', () => {
    expect(summary(goalSeekingModel())).toEqual(['B1 Level → gap → adjusting -++']);
  });

  it('Bass diffusion: word of mouth reinforces, the shrinking pool of potential adopters balances', () => {
    expect(summary(bassModel())).toEqual(['B1 Potential → adoption +-', 'R1 Adopters → adoption ++']);
    const loops = feedbackStructure(bassModel()).loops;
    expect(new Set(loops.map((l) => l.partition))).toEqual(new Set([1]));
  });

  it('a stock that only fills from a positive start is positive without being marked so', () => {
    const model = logisticModel();
    model.variables[0] = { ...model.variables[0]!, nonNegative: false };
    expect(summary(model)).toEqual(['R1 Population → growth ++', 'B1 Population → room → growth -++']);
  });

  it('derives signs through division, powers, graphical functions and IF with a fixed condition; says ? otherwise', () => {
    const v = (name: string, equation: string): Variable => ({ kind: 'aux', name, equation, dimensions: [] });
    const model: Model = {
      specs: { start: 0, stop: 10, dt: 1, saveStep: 1, method: 'euler' },
      dimensions: [],
      macros: [],
      variables: [
        { kind: 'stock', name: 'S', equation: '1', dimensions: [], inflows: ['f'], nonNegative: true },
        { kind: 'flow', name: 'f', equation: '0', dimensions: [] },
        v('by_division', '10 / (1 + S)'),
        v('squared', 'S ^ 2'),
        v('power_of_two', '2 ^ S'),
        { kind: 'aux', name: 'through_table', equation: 'S', dimensions: [], gf: { type: 'continuous', xs: [0, 1, 2], ys: [3, 2, 2] } },
        v('switched', 'IF TIME > 5 THEN S ELSE -S'),
        v('condition_on_s', 'IF S > 5 THEN 1 ELSE 2'),
        v('sine', 'SIN(S)'),
        v('smoothed', 'SMTH1(S, 3)'),
        v('capped', 'MIN(S, 4)'),
        v('noisy', 'S * RANDOM(0.9, 1.1)'), // the draw is in [0.9, 1.1]: positive
        v('noisier', 'S * NORMAL(1, 0.1)'), // a normal draw can be negative
      ],
    };
    const signs = Object.fromEntries(causalGraph(model).links.filter((l) => l.cause === 'S').map((l) => [l.effect, l.sign]));
    expect(signs).toEqual({
      by_division: '-', // −10/(1 + S)², S ≥ 0
      squared: '+', // 2S, S ≥ 0
      power_of_two: '+', // ln 2 · 2^S, ln 2 > 0
      through_table: '-', // points 3, 2, 2: never rising
      switched: '?', // +1 after time 5, −1 before: both signs
      condition_on_s: '?', // the condition itself moves with S
      sine: '?',
      smoothed: '+',
      capped: '+',
      noisy: '+',
      noisier: '?',
    });
  });
});

describe("Johnson's algorithm", () => {
  it('finds every elementary circuit of a small graph once', () => {
    // 0 → 1 → 2 → 0, 1 → 0, 2 → 2: circuits (0 1), (0 1 2), (2).
    const found = elementaryCircuits([[1], [2, 0], [0, 2]], { maxCircuits: 100, maxSteps: 1000 });
    expect(found.circuits.map((c) => c.join(' ')).sort()).toEqual(['0 1', '0 1 2', '2']);
    expect(found.truncated).toBe(false);
  });

  it('counts the circuits of a complete graph: Σₖ C(n,k)(k−1)! for n = 5 is 84 (with no self-loops)', () => {
    // k = 2: 10·1, k = 3: 10·2, k = 4: 5·6, k = 5: 1·24 → 10 + 20 + 30 + 24 = 84.
    const n = 5;
    const next = Array.from({ length: n }, (_, v) => Array.from({ length: n }, (_, w) => w).filter((w) => w !== v));
    expect(elementaryCircuits(next, { maxCircuits: 1000, maxSteps: 1e6 }).circuits).toHaveLength(84);
  });

  it('stops at its bounds on a huge graph and says so', () => {
    // Ten stocks each filled by a flow that reads all ten: about 1.1 million loops.
    const variables: Variable[] = [];
    const names = Array.from({ length: 10 }, (_, i) => `S${i}`);
    for (const s of names) {
      variables.push({ kind: 'stock', name: s, equation: '1', dimensions: [], inflows: [`in_${s}`], nonNegative: true });
      variables.push({ kind: 'flow', name: `in_${s}`, equation: names.join(' + '), dimensions: [] });
    }
    const model: Model = { specs: { start: 0, stop: 1, dt: 1, saveStep: 1, method: 'euler' }, dimensions: [], macros: [], variables };
    const found = feedbackStructure(model, { maxCircuits: 1000, maxSteps: 1e6 });
    expect(found.truncated).toBe(true);
    expect(found.loops).toHaveLength(1000);
    expect(found.loops.every((l) => l.polarity === 'reinforcing')).toBe(true);
  });
});
