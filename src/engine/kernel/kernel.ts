/**
 * What a run calls: the model's equations as a few functions over the slot array. Two makers
 * build one from the same program: generated JavaScript (codegen.ts), and closures
 * (closures.ts) where code cannot be generated.
 */

export interface Kernel {
  /** Start-of-run values of every slot that has one, in dependency order. */
  initial(s: Float64Array): void;
  /** Auxiliaries and flows from the current stocks and time, then the rate of state j into d[j]. */
  evaluate(s: Float64Array, d: Float64Array): void;
  /**
   * Euler steps i0 … i0 + n − 1 of a run without pipelines, each: s += dt·d for every state,
   * non-negative stocks stopped at zero, TIME set to start + (i + 1)·dt, then an evaluation
   * (the rates the next step starts from, into d). After step i, when i + 1 is a multiple of
   * `every`, slot keep[c] is saved to columns[c][row] and row advances; returns the next row.
   */
  euler(
    s: Float64Array, d: Float64Array, i0: number, n: number, start: number, dt: number,
    every: number, keep: Int32Array, columns: Float64Array[], row: number,
  ): number;
  /** The delay time of pipeline i into out[i], before an evaluation. */
  pipeDelays(s: Float64Array, out: Float64Array): void;
  /** The input of pipeline i into out[i], after an evaluation. */
  pipeInputs(s: Float64Array, out: Float64Array): void;
}

/** How a kernel is made: generated code, or the closure interpreter. */
export type Engine = 'generated' | 'closures';
