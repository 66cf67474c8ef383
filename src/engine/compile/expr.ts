/**
 * The checked tree: what an equation compiles to once names are resolved. It holds slot numbers,
 * table numbers and number constants, never a name or any text from the model, and both ways of
 * running a program read it: closures (kernel/closures.ts) and generated JavaScript
 * (kernel/codegen.ts). Each node means exactly one sequence of floating-point operations, so the
 * two give the same bits.
 */
import type { BinaryOp } from '../equation/index.js';

/** Functions of numbers a node may call, by a fixed key (kernel/functions.ts defines them). */
export type FunctionName =
  | 'abs' | 'sqrt' | 'exp' | 'ln' | 'log10' | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sign'
  | 'floor' | 'round' | 'mod' | 'pow' | 'min' | 'max' | 'zidz' | 'xidz'
  | 'step' | 'ramp' | 'pulse' | 'trend'
  /** The random builtins' quantiles (random.ts): a uniform from a site's slot first. */
  | 'runiform' | 'rnormal' | 'rlognormal' | 'rexponential' | 'rtriangular' | 'rpoisson' | 'rbeta' | 'rgamma' | 'rweibull' | 'rbinomial';

/** Reductions over every element given, left to right (SUM, PROD, MEAN, STDDEV, MIN, MAX). */
export type FoldName = 'sum' | 'prod' | 'mean' | 'stddev' | 'min' | 'max';

export interface DynamicPart {
  /** Subscript value, counted from 1; rounded, and out of range reads NaN. */
  index: Expr;
  stride: number;
  size: number;
}

export type Expr =
  | { k: 'num'; value: number }
  | { k: 'slot'; slot: number }
  | { k: 'neg'; a: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'bin'; op: BinaryOp; a: Expr; b: Expr }
  | { k: 'if'; c: Expr; a: Expr; b: Expr }
  | { k: 'fn'; fn: FunctionName; args: Expr[] }
  | { k: 'fold'; fn: FoldName; args: Expr[] }
  /** A graphical function (program.tables[table]) read at x. */
  | { k: 'table'; table: number; x: Expr }
  /** A read whose subscripts are known only during the run: slot base + Σ (index − 1)·stride. */
  | { k: 'dyn'; base: number; parts: DynamicPart[] };

export const num = (value: number): Expr => ({ k: 'num', value });
export const slot = (s: number): Expr => ({ k: 'slot', slot: s });
export const bin = (op: BinaryOp, a: Expr, b: Expr): Expr => ({ k: 'bin', op, a, b });
export const call = (fn: FunctionName, ...args: Expr[]): Expr => ({ k: 'fn', fn, args });

/** Flows a stock's rate adds one node at a time; past this it is one flat sum. */
const FLOW_CHAIN = 8;

/**
 * A stock's rate, as Stella sums it: 0, plus each inflow, minus each outflow, in order. Many flows
 * are one `sum` fold over the inflows and the negated outflows, the same bits (x − y is x + (−y)
 * in IEEE 754) in a tree one level deep, where a chain would be as deep as the flows are many.
 */
export function netFlow(inflows: readonly Expr[], outflows: readonly Expr[]): Expr {
  if (inflows.length + outflows.length > FLOW_CHAIN) {
    return { k: 'fold', fn: 'sum', args: [...inflows, ...outflows.map((a): Expr => ({ k: 'neg', a }))] };
  }
  let net = num(0);
  for (const i of inflows) net = bin('+', net, i);
  for (const o of outflows) net = bin('-', net, o);
  return net;
}
