/**
 * What an expression compiles to: one thunk per element of its shape (a scalar has shape [] and
 * one thunk). `known` holds the values when they are fixed before the run, so indices, DELAYN
 * orders and constant subexpressions fold at compile time.
 */
import type { DimInfo } from './scope.js';
import type { Thunk } from './program.js';

export interface Val {
  shape: DimInfo[];
  fs: Thunk[];
  known?: number[];
}

export function constant(value: number): Val {
  return { shape: [], fs: [() => value], known: [value] };
}

export function scalar(f: Thunk, known?: number): Val {
  return known === undefined ? { shape: [], fs: [f] } : constant(known);
}

export function isScalar(v: Val): boolean {
  return v.fs.length === 1 && v.shape.length === 0;
}

/** Applies `op` element by element, a scalar spreading over an array. Undefined when shapes differ. */
export function zip(vals: readonly Val[], op: (xs: number[]) => number, lift: (fs: Thunk[]) => Thunk): Val | undefined {
  const arrays = vals.filter((v) => v.shape.length > 0);
  const shape = arrays[0]?.shape ?? [];
  const size = arrays[0]?.fs.length ?? 1;
  if (arrays.some((a) => a.fs.length !== size)) return undefined;
  const fs: Thunk[] = [];
  const known: number[] = [];
  let allKnown = true;
  for (let k = 0; k < size; k++) {
    const parts = vals.map((v) => (v.shape.length === 0 ? v.fs[0]! : v.fs[k]!));
    const values = vals.map((v) => (v.shape.length === 0 ? v.known?.[0] : v.known?.[k]));
    if (values.every((x) => x !== undefined)) {
      const value = op(values as number[]);
      known.push(value);
      fs.push(() => value);
    } else {
      allKnown = false;
      fs.push(lift(parts));
    }
  }
  return allKnown ? { shape, fs, known } : { shape, fs };
}
