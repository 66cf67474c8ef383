/**
 * What an expression compiles to: one checked tree per element of its shape (a scalar has shape
 * [] and one tree). `known` holds the values when they are fixed before the run, so indices,
 * DELAYN orders and constant subexpressions fold at compile time.
 */
import { num, type Expr } from './expr.js';
import type { DimInfo } from './scope.js';

export interface Val {
  shape: DimInfo[];
  es: Expr[];
  known?: number[];
}

export function constant(value: number): Val {
  return { shape: [], es: [num(value)], known: [value] };
}

export function scalar(e: Expr): Val {
  return { shape: [], es: [e] };
}

export function isScalar(v: Val): boolean {
  return v.es.length === 1 && v.shape.length === 0;
}

/** Applies `op` element by element, a scalar spreading over an array. Undefined when shapes differ. */
export function zip(vals: readonly Val[], op: (xs: number[]) => number, lift: (es: Expr[]) => Expr): Val | undefined {
  const arrays = vals.filter((v) => v.shape.length > 0);
  const shape = arrays[0]?.shape ?? [];
  const size = arrays[0]?.es.length ?? 1;
  if (arrays.some((a) => a.es.length !== size)) return undefined;
  const es: Expr[] = [];
  const known: number[] = [];
  let allKnown = true;
  for (let k = 0; k < size; k++) {
    const parts = vals.map((v) => (v.shape.length === 0 ? v.es[0]! : v.es[k]!));
    const values = vals.map((v) => (v.shape.length === 0 ? v.known?.[0] : v.known?.[k]));
    if (values.every((x) => x !== undefined)) {
      const value = op(values as number[]);
      known.push(value);
      es.push(num(value));
    } else {
      allKnown = false;
      es.push(lift(parts));
    }
  }
  return allKnown ? { shape, es, known } : { shape, es };
}
