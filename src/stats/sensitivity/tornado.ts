/**
 * One-at-a-time sensitivity, the tornado diagram: each input moved alone to the low and then the
 * high end of its range, the others held at their base values, and the output's swing between the
 * two read off. Cheap (2·dims + 1 evaluations) and easy to read, but blind to interactions and to
 * effects that peak inside the range; the ranking is over the ranges given, so a wide range on a
 * weak input can outrank a narrow one on a strong input (that is the point: it ranks what the
 * uncertainty as stated can do).
 */

/**
 * The points a tornado evaluates: row 0 is the base, then for input i row 1 + 2i has it at
 * `low[i]` and row 2 + 2i at `high[i]`, every other input at its base. Rows of dims values.
 */
export function tornadoDesign(base: readonly number[], low: readonly number[], high: readonly number[]): Float64Array {
  const dims = base.length;
  const rows = new Float64Array((2 * dims + 1) * dims);
  for (let r = 0; r < 2 * dims + 1; r++) rows.set(base, r * dims);
  for (let i = 0; i < dims; i++) {
    rows[(1 + 2 * i) * dims + i] = low[i]!;
    rows[(2 + 2 * i) * dims + i] = high[i]!;
  }
  return rows;
}

export interface TornadoBar {
  /** The input's index. */
  factor: number;
  /** The output with the input at the low end of its range, and at the high end. */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|: the bar's length. */
  swing: number;
}

export interface Tornado {
  /** The output with every input at its base value. */
  base: number;
  /** Widest swing first; equal swings keep the inputs' order. */
  bars: TornadoBar[];
}

/**
 * The tornado of `outputs` (one per row of tornadoDesign(base, low, high), in its order).
 *
 * @example
 * tornado([10, 4, 16, 9, 11], 2); // base 10, bars: input 0 (swing 12), then input 1 (swing 2)
 */
export function tornado(outputs: ArrayLike<number>, dims: number): Tornado {
  if (outputs.length !== 2 * dims + 1) throw new RangeError(`a tornado of ${dims} inputs takes ${2 * dims + 1} outputs, got ${outputs.length}`);
  const bars = Array.from({ length: dims }, (_, factor): TornadoBar => {
    const atLow = outputs[1 + 2 * factor]!, atHigh = outputs[2 + 2 * factor]!;
    return { factor, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
  });
  return { base: outputs[0]!, bars: bars.sort((a, b) => b.swing - a.swing || a.factor - b.factor) };
}
