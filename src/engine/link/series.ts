/**
 * The dynamics' variables per period, as the core receives them from one run: the means of the
 * series the quantities read are worked out by the run itself, and every other series only when
 * something first asks for it (a variant's stocks at the horizon, a test), by running the same
 * program with the same inputs again, which gives the same numbers bit for bit. A draw of Monte
 * Carlo or a slider's move then averages three series rather than fifty.
 */
import { canonicalName, type PeriodSeries } from '../../core/index.js';
import type { Results } from '../simulate.js';

/** Which period each saved step falls in (0 for none), and how many steps each period holds. */
export interface Periods {
  of: Int32Array;
  counts: Uint32Array;
}

/**
 * The periods of saved times: period p holds the steps that start in [start + p − 1, start + p),
 * so a flow's mean over them is exactly what Euler moved in the period.
 */
export function periodsOf(times: ArrayLike<number>, start: number, horizon: number): Periods {
  const of = new Int32Array(times.length);
  const counts = new Uint32Array(horizon + 1);
  for (let i = 0; i < times.length; i++) {
    // The small tolerance puts a step that starts at p − 1e-12 (float drift) in period p.
    const period = Math.floor(times[i]! - start + 1e-9) + 1;
    if (period < 1 || period > horizon) continue;
    of[i] = period;
    counts[period]!++;
  }
  return { of, counts };
}

/** One variable's initial value (index 0) and its mean in each period 1..horizon, into `out`. */
export function meansInto(values: ArrayLike<number>, periods: Periods, out: Float64Array): Float64Array {
  const { of, counts } = periods;
  out.fill(0);
  for (let i = 0; i < values.length; i++) {
    const period = of[i]!;
    if (period > 0) out[period]! += values[i]!;
  }
  for (let p = 1; p < out.length; p++) out[p] = counts[p]! > 0 ? out[p]! / counts[p]! : Number.NaN;
  out[0] = values[0]!;
  return out;
}

/**
 * Each variable per period: index 0 is its initial value, period p its mean over the steps of
 * the period (periodsOf). Keyed by canonical name, unless `keys` gives a label's key.
 */
export function periodMeans(results: Results, start: number, horizon: number, keys?: ReadonlyMap<string, string>): Map<string, Float64Array> {
  const periods = periodsOf(results.times, start, horizon);
  const out = new Map<string, Float64Array>();
  for (const [label, values] of results.series) {
    out.set(keys?.get(label) ?? canonicalName(label), meansInto(values, periods, new Float64Array(horizon + 1)));
  }
  return out;
}

/**
 * The series of one run: `read` worked out, the others on first use through `rest` (every series
 * per period, in the program's order). It is a ReadonlyMap like any PeriodSeries: its keys, their
 * order and its numbers are those periodMeans gives.
 */
export class DynamicsSeries implements ReadonlyMap<string, Float64Array> {
  readonly #owner: object;
  readonly #names: ReadonlySet<string>;
  /** The names asked for, as given, and the arrays of those the run gives. */
  readonly #asked: readonly string[];
  readonly #read = new Map<string, Float64Array>();
  #rest: () => Map<string, Float64Array>;
  #all: Map<string, Float64Array> | undefined;

  /** `read`'s arrays are this series' own (horizon + 1 numbers each), to fill with fill(). */
  constructor(owner: object, names: ReadonlySet<string>, read: readonly string[], horizon: number, rest: () => Map<string, Float64Array>) {
    this.#owner = owner;
    this.#names = names;
    this.#asked = read;
    const kept = read.filter((name) => names.has(name));
    const buffer = new Float64Array(kept.length * (horizon + 1));
    kept.forEach((name, i) => this.#read.set(name, buffer.subarray(i * (horizon + 1), (i + 1) * (horizon + 1))));
    this.#rest = rest;
  }

  /** `series` when this owner made it for the same `read`, so that its arrays can be filled again. */
  static of(series: PeriodSeries | undefined, owner: object, read: readonly string[]): DynamicsSeries | undefined {
    return series instanceof DynamicsSeries && series.#owner === owner && series.#asked === read ? series : undefined;
  }

  /**
   * The numbers of another run: each read series' means from `saved` (the run's saved steps by
   * canonical name), and `rest` for the others. Whoever still reads this series reads the new run.
   */
  fill(saved: (name: string) => ArrayLike<number> | undefined, periods: Periods, rest: () => Map<string, Float64Array>): this {
    for (const [name, out] of this.#read) {
      const values = saved(name);
      if (values) meansInto(values, periods, out);
      else out.fill(Number.NaN);
    }
    this.#rest = rest;
    this.#all = undefined;
    return this;
  }

  /** Every series, the read ones being this series' own arrays. */
  #every(): Map<string, Float64Array> {
    if (!this.#all) {
      const all = this.#rest();
      // Set on a key already there keeps its place: the order stays the program's.
      for (const [name, values] of this.#read) if (all.has(name)) all.set(name, values);
      this.#all = all;
    }
    return this.#all;
  }

  get size(): number {
    return this.#names.size;
  }

  has(name: string): boolean {
    return this.#names.has(name);
  }

  get(name: string): Float64Array | undefined {
    const read = this.#read.get(name);
    if (read) return read;
    return this.#names.has(name) ? this.#every().get(name) : undefined;
  }

  forEach(each: (values: Float64Array, name: string, map: ReadonlyMap<string, Float64Array>) => void, thisArg?: unknown): void {
    for (const [name, values] of this.#every()) each.call(thisArg, values, name, this);
  }

  entries(): MapIterator<[string, Float64Array]> {
    return this.#every().entries();
  }

  keys(): MapIterator<string> {
    return this.#every().keys();
  }

  values(): MapIterator<Float64Array> {
    return this.#every().values();
  }

  [Symbol.iterator](): MapIterator<[string, Float64Array]> {
    return this.#every()[Symbol.iterator]();
  }
}
