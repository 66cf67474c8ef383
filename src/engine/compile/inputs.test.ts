/**
 * Constants as inputs (compile's `inputs` option): a program that reads a constant from its slot
 * gives the same bits as the program with the number folded in, for the model's own value and
 * for any other; an input that would shape the program (a DELAYN order, a subscript) is folded
 * in as before, and the program says it takes no inputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, parseXmile, simulate, type Model } from '../index.js';
import { cases, firstDifference, SUITE } from '../../../test/engine/suite.js';


const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Scalar auxiliaries of the root model whose equation is a number. */
const constantsOf = (model: Model) =>
  model.variables.filter((v) => v.kind === 'aux' && !v.namespace && v.dimensions.length === 0 && !v.elements && !v.gf && v.initialEquation === undefined && NUMBER.test(v.equation ?? ''));

/** The model with `name`'s equation replaced by `value`. */
const written = (model: Model, name: string, value: number): Model => ({
  ...model,
  variables: model.variables.map((v) => (v.name === name ? { ...v, equation: String(value) } : v)),
});

describe('constants as input slots', () => {
  it('gives the bits of the folded program on every suite model, with the model values and with others', () => {
    let compared = 0;
    let changed = 0;
    for (const c of cases()) {
      const model = parseXmile(readFileSync(join(SUITE, c.dir, c.file), 'utf8'), c.file).model;
      const folded = model && compile(model).program;
      if (!model || !folded) continue;
      const constants = constantsOf(model);
      if (constants.length === 0) continue;
      const withInputs = compile(model, { inputs: constants.map((v) => v.name) }).program!;
      expect(firstDifference(simulate(withInputs).series, simulate(folded).series), c.id).toBeUndefined();
      compared++;
      if (withInputs.inputs.length === 0) continue;
      // Another value for the first input: the same as the model written with it.
      const input = withInputs.inputs[0]!;
      const value = input.value * 1.5 + 0.25;
      const rewritten = compile(written(model, input.name, value)).program!;
      const run = simulate(withInputs, { inputs: new Map([[input.canonical, value]]) });
      expect(firstDifference(run.series, simulate(rewritten).series), `${c.id} with ${input.name} = ${value}`).toBeUndefined();
      changed++;
    }
    expect(compared).toBeGreaterThanOrEqual(35);
    expect(changed).toBeGreaterThanOrEqual(30);
  });

  const small = (order: string, pick = 'table[k]'): Model => ({
    specs: { start: 0, stop: 10, dt: 0.5, saveStep: 0.5, method: 'euler' },
    dimensions: [{ name: 'D', elements: ['a', 'b', 'c'] }],
    variables: [
      { kind: 'aux', name: 'k', equation: '2', dimensions: [] },
      { kind: 'aux', name: 'rate', equation: '0.1', dimensions: [] },
      { kind: 'aux', name: 'table', equation: '1, 2, 3', dimensions: ['D'] },
      { kind: 'aux', name: 'picked', equation: pick, dimensions: [] },
      { kind: 'stock', name: 'S', equation: '100', dimensions: [], outflows: ['out'] },
      { kind: 'flow', name: 'out', equation: `DELAYN(S * rate, 2, ${order})`, dimensions: [] },
    ],
    macros: [],
  });

  it('takes an input that only feeds arithmetic, set before the start of the run and never assigned', () => {
    const program = compile(small('3'), { inputs: ['rate'] }).program!;
    expect(program.inputs.map((i) => [i.name, i.value])).toEqual([['rate', 0.1]]);
    // rate is set before the start of the run, never assigned.
    const assigned = [...program.initial, ...program.update].map((a) => a.slot);
    expect(assigned).not.toContain(program.inputs[0]!.slot);
  });

  it('folds in an input that sizes a delay or picks an element, and then takes no inputs', () => {
    expect(compile(small('k', 'k * 2'), { inputs: ['k', 'rate'] }).program!.inputs).toEqual([]);
    expect(compile(small('3', 'table[k] * rate'), { inputs: ['k', 'rate'] }).program!.inputs).toEqual([]);
    // Without such a use, k is an input like any other.
    expect(compile(small('3', 'k * 2'), { inputs: ['k'] }).program!.inputs.map((i) => i.name)).toEqual(['k']);
  });
});
