/**
 * Inputs of a run: constants of the model given other values (a parameter override, a slider, a
 * Monte Carlo draw). They replace the constants' equations before the model compiles, so the run
 * is exactly the run of the model written with those numbers.
 */
import type { Model, Variable } from './model.js';
import { canonicalName } from './names.js';
import { SimulationError } from './simulate.js';

/** Values by variable name (any XMILE spelling); an array's name sets every element. */
export type Inputs = Readonly<Record<string, number>>;

/** A number as an equation may write it: `70`, `-2.5`, `1e-3`. */
const NUMBER = /^\s*[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** `model` with each input's constant set to its value; the model itself when there are none. */
export function withInputs(model: Model, inputs: Inputs | undefined): Model {
  const names = Object.keys(inputs ?? {});
  if (names.length === 0) return model;
  const index = new Map(model.variables.map((v, i) => [canonicalName(v.name), i]));
  const variables = [...model.variables];
  for (const name of names) {
    const at = index.get(canonicalName(name));
    if (at === undefined) throw new SimulationError({ reason: 'no-variable', name });
    const value = inputs![name]!;
    if (!Number.isFinite(value)) throw new SimulationError({ reason: 'input-not-finite', name, value });
    variables[at] = constantSet(variables[at]!, value, name);
  }
  return { ...model, variables };
}

/** The constant (every element of it, for an array) now equal to `value`. */
function constantSet(variable: Variable, value: number, name: string): Variable {
  const equations = variable.elements ? variable.elements.map((e) => e.equation) : [variable.equation];
  const constant = variable.kind === 'aux' && !variable.gf && !variable.initialEquation && equations.every((e) => e !== undefined && NUMBER.test(e));
  if (!constant) throw new SimulationError({ reason: 'input-not-constant', name });
  const { elements: _, ...rest } = variable;
  // String(x) is the shortest text that reads back as exactly x.
  return { ...rest, equation: String(value) };
}
