/**
 * The runnable form of a model: every scalar value has a slot in one Float64Array, and the plan is
 * lists of assignments in dependency order, each a checked tree (expr.ts). Arrays are laid out
 * element by element (row-major), so an arrayed variable of n elements owns n consecutive slots.
 */
import type { Table } from '../lookup.js';
import type { SimSpecs } from '../model.js';
import type { Expr } from './expr.js';

/** Fixed slots every program has. */
export const TIME_SLOT = 0;
export const DT_SLOT = 1;
export const START_SLOT = 2;
export const STOP_SLOT = 3;
export const FIRST_FREE_SLOT = 4;

export interface Assignment {
  slot: number;
  expr: Expr;
}

/** A value integrated over time: a model stock or a hidden one made for a delay or smooth. */
export interface State {
  slot: number;
  rate: Expr;
  /** Stocks marked non-negative never go below zero (the outflow is cut short). */
  nonNegative: boolean;
}

/**
 * A fixed (pipeline) delay: the input's value `delay` time units ago. Not a stock: the run keeps a
 * history of the input at every step and reads it back.
 */
export interface Pipeline {
  /** Slot the delayed value is written to before each evaluation. */
  slot: number;
  input: Expr;
  delay: Expr;
  initial: Expr;
}

/**
 * A constant the run takes as input (compile's `inputs` option): its slot is set before the
 * start of the run, never computed, so one program runs with any value of it.
 */
export interface ProgramInput {
  /** The variable's name as written. */
  name: string;
  canonical: string;
  slot: number;
  /** The value the model gives it. */
  value: number;
}

/**
 * A call of a random builtin (compile/random.ts): the slot the run fills with a uniform in (0, 1)
 * at the start and every DT, from stream number (its place in Program.randoms) of the run's
 * seed, or of `seed` when the call gives one.
 */
export interface RandomSite {
  slot: number;
  seed?: number;
}

export interface Program {
  specs: SimSpecs;
  slotCount: number;
  /** Start of the run: stock initial values, auxiliaries and flows, in dependency order. */
  initial: Assignment[];
  /**
   * Each evaluation: auxiliaries and flows from the current stocks, in dependency order, the
   * elements of one variable together where its dependencies allow (so they can run as a loop).
   */
  update: Assignment[];
  states: State[];
  pipelines: Pipeline[];
  /** The graphical functions `table` nodes read, by number. */
  tables: Table[];
  /** Display label (`Name` or `Name[A,B]`) of each model value, with its slot, in model order. */
  series: Map<string, number>;
  /** Canonical label → display label, so `save` may name variables in any XMILE spelling. */
  labels: Map<string, string>;
  /** Constants taken as inputs, which the runner sets before the start of the run. */
  inputs: ProgramInput[];
  /** The random builtins' sites; absent or empty when the model draws nothing. */
  randoms?: RandomSite[];
}

/**
 * Writes each input's value into the slot array before the start of the run: the value given
 * under its canonical name, else the model's.
 */
export function setInputs(program: Program, s: Float64Array, values?: ReadonlyMap<string, number>): void {
  for (const input of program.inputs) s[input.slot] = values?.get(input.canonical) ?? input.value;
}
