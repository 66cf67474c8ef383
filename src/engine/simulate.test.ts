import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, MAX_SAVED_VALUES, parseXmile, simulate, SimulationError, type Model, type Variable } from './index.js';
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
