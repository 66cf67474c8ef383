import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, MAX_SAVED_VALUES, parseXmile, simulate, SimulationError, type Model, type Variable } from './index.js';
import { simulation } from './simulate.js';
import { SUITE } from '../../test/engine/suite.js';

describe('progress reports', () => {
  const { model } = parseXmile(readFileSync(join(SUITE, 'samples/teacup/teacup.xmile'), 'utf8'), 'teacup.xmile');
  const program = compile(model!).program!;

  it.each(['euler', 'rk4'] as const)('rise to 1 without changing the results (%s)', (method) => {
    const reports: number[] = [];
    const watched = simulate(program, { method, onProgress: (f) => reports.push(f) });
    const plain = simulate(program, { method });
    expect([...watched.series.get('Teacup Temperature')!]).toEqual([...plain.series.get('Teacup Temperature')!]);
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.length).toBeLessThanOrEqual(101);
    expect(reports.every((f, i) => i === 0 || f >= reports[i - 1]!)).toBe(true);
    expect(reports[reports.length - 1]).toBe(1);
  });
});

describe('the limit on values kept', () => {
  const aux = (name: string, equation: string): Variable => ({ kind: 'aux', name, equation, dimensions: [] });
  const model = (stop: number, variables: Variable[]): Model => ({
    specs: { start: 0, stop, dt: 1, saveStep: 1, method: 'euler' }, dimensions: [], variables, macros: [],
  });
  const two = [aux('input', 'TIME'), aux('late', 'DELAY(input, 3, 0)'), aux('later', 'DELAY(input, 5, 0)')];

  it('counts the history each fixed delay keeps, one value a step, against it', () => {
    // 2^26 steps of dt 1: saving only `late` every 2^20 steps keeps 65 rows of 2 numbers, but the
    // two delays keep 2 × (2^26 + 1) = 134 217 730 inputs, past 2^27 = 134 217 728.
    const program = compile(model(2 ** 26, two)).program!;
    expect(MAX_SAVED_VALUES).toBe(2 ** 27);
    expect(() => simulate(program, { save: ['late'], saveStep: 2 ** 20 })).toThrow(SimulationError);
    const refused = (() => {
      try {
        simulate(program, { save: ['late'], saveStep: 2 ** 20 });
      } catch (error) {
        return (error as SimulationError).refusal;
      }
    })();
    expect(refused).toMatchObject({ reason: 'too-many-values', delays: 2, steps: 2 ** 26 + 1, values: 65 * 2 + 2 * (2 ** 26 + 1) });
  });

  it('still runs delays whose history fits, and reads it back', () => {
    const { series } = simulate(compile(model(10, two)).program!);
    // DELAY(TIME, 3, 0): 0 until time 3, then TIME − 3.
    expect([...series.get('late')!]).toEqual([0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...series.get('later')!]).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5]);
  });
});

describe('a simulation run again', () => {
  const variables = (extra: Variable[] = []): Variable[] => [
    { kind: 'aux', name: 'rate', equation: '2', dimensions: [] },
    { kind: 'stock', name: 'S', equation: '10', dimensions: [], inflows: ['in'] },
    { kind: 'flow', name: 'in', equation: 'rate', dimensions: [] },
    ...extra,
  ];
  const model = (method: 'euler' | 'rk4', extra?: Variable[]): Model => ({
    specs: { start: 0, stop: 4, dt: 1, saveStep: 1, method }, dimensions: [], variables: variables(extra), macros: [],
  });

  it.each(['euler', 'rk4'] as const)('starts afresh each time, in the same buffers (%s)', (method) => {
    const program = compile(model(method), { inputs: ['rate'] }).program!;
    const ready = simulation(program);
    // S(t) = 10 + rate·t, exact for both methods (a constant inflow).
    const first = ready.run({ inputs: new Map([['rate', 3]]) });
    expect([...first.series.get('S')!]).toEqual([10, 13, 16, 19, 22]);
    const second = ready.run({ inputs: new Map([['rate', 0.5]]) });
    expect([...second.series.get('S')!]).toEqual([10, 10.5, 11, 11.5, 12]);
    expect([...second.times]).toEqual([0, 1, 2, 3, 4]);
    // An input, which no step changes, holds its value at every saved step.
    expect([...first.series.get('rate')!]).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
    // The same buffers: the first run's arrays now read the second's numbers.
    expect(second.series.get('S')).toBe(first.series.get('S'));
    // No input: the model's own value.
    expect([...ready.run().series.get('S')!]).toEqual([10, 12, 14, 16, 18]);
  });

  it('restarts a delay history each run', () => {
    // DELAY(S, 2, 0): 0 until time 2, then S two periods earlier.
    const program = compile(model('euler', [{ kind: 'aux', name: 'late', equation: 'DELAY(S, 2, 0)', dimensions: [] }]), { inputs: ['rate'] }).program!;
    const ready = simulation(program);
    expect([...ready.run({ inputs: new Map([['rate', 3]]) }).series.get('late')!]).toEqual([0, 0, 10, 13, 16]);
    expect([...ready.run({ inputs: new Map([['rate', 1]]) }).series.get('late')!]).toEqual([0, 0, 10, 11, 12]);
  });
});
