/**
 * A streaming quantile estimator with a stated error, for samples too large to keep: DDSketch
 * (Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
 * guarantees", PVLDB 12(12), 2019). Values are counted in logarithmic buckets: with
 * γ = (1 + α)/(1 − α), bucket i holds the magnitudes in (γ^(i−1), γ^i], and its representative
 * 2γ^i/(γ + 1) lies within α (relative) of every magnitude in it. So each order statistic it
 * returns lies within α of the true one, whatever the distribution. Negative values have their own
 * buckets, magnitudes below `zeroBelow` count as zero. Counts only add, so the sketch does not
 * depend on the order values arrive in. Memory: one count per bucket between the smallest and the
 * largest magnitude, about ln(max/min)/(2α) buckets (α = 0.5 %, from a cent to 10¹²: 3,200).
 */

export interface SketchOptions {
  /** The relative error α of every order statistic (default 0.005). */
  relativeError?: number;
  /** Magnitudes below this count as zero (default 1e-9). */
  zeroBelow?: number;
}

/** Counts in consecutive buckets from `offset`, grown both ways as values arrive. */
class Buckets {
  counts = new Float64Array(0);
  offset = 0;

  add(index: number, count = 1): void {
    if (this.counts.length === 0) {
      this.counts = new Float64Array(64);
      this.offset = index - 32;
    }
    if (index < this.offset || index >= this.offset + this.counts.length) this.grow(index);
    this.counts[index - this.offset]! += count;
  }

  private grow(index: number): void {
    const low = Math.min(this.offset, index);
    const high = Math.max(this.offset + this.counts.length, index + 1);
    // Room for as many again, so a run of growing values costs a logarithmic number of copies.
    const size = 2 * (high - low);
    const grown = new Float64Array(size);
    const start = low - Math.floor((size - (high - low)) / 2);
    grown.set(this.counts, this.offset - start);
    this.counts = grown;
    this.offset = start;
  }
}

export class QuantileSketch {
  readonly relativeError: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly zeroBelow: number;
  private readonly positive = new Buckets();
  private readonly negative = new Buckets();
  private zeros = 0;
  private total = 0;

  constructor({ relativeError = 0.005, zeroBelow = 1e-9 }: SketchOptions = {}) {
    this.relativeError = relativeError;
    this.gamma = (1 + relativeError) / (1 - relativeError);
    this.logGamma = Math.log(this.gamma);
    this.zeroBelow = zeroBelow;
  }

  get count(): number {
    return this.total;
  }

  add(x: number): void {
    this.total += 1;
    const magnitude = Math.abs(x);
    if (magnitude < this.zeroBelow) this.zeros += 1;
    else (x > 0 ? this.positive : this.negative).add(Math.ceil(Math.log(magnitude) / this.logGamma));
  }

  /** The representative of bucket i: within α of every magnitude the bucket holds. */
  private value(i: number): number {
    return (2 * Math.exp(i * this.logGamma)) / (this.gamma + 1);
  }

  /**
   * The k-th smallest value (k from 0), within α (relative) of the true one: negative buckets
   * from the largest magnitude down, then zero, then positive buckets up.
   */
  orderStatistic(k: number): number {
    let seen = 0;
    const { counts: neg, offset: negOffset } = this.negative;
    for (let b = neg.length - 1; b >= 0; b--) {
      seen += neg[b]!;
      if (seen > k) return -this.value(b + negOffset);
    }
    seen += this.zeros;
    if (seen > k) return 0;
    const { counts: pos, offset: posOffset } = this.positive;
    for (let b = 0; b < pos.length; b++) {
      seen += pos[b]!;
      if (seen > k) return this.value(b + posOffset);
    }
    return this.value(pos.length - 1 + posOffset);
  }

  /** How many values are at or below x, as far as the buckets tell (x's own bucket counted whole). */
  rank(x: number): number {
    let below = 0;
    const { counts: neg, offset: negOffset } = this.negative;
    const { counts: pos, offset: posOffset } = this.positive;
    const magnitude = Math.abs(x);
    const index = magnitude < this.zeroBelow ? undefined : Math.ceil(Math.log(magnitude) / this.logGamma);
    if (x < 0 && index !== undefined) {
      for (let b = neg.length - 1; b >= 0 && b + negOffset >= index; b--) below += neg[b]!;
      return below;
    }
    for (const c of neg) below += c;
    below += this.zeros;
    if (index === undefined) return below;
    for (let b = 0; b < pos.length && b + posOffset <= index; b++) below += pos[b]!;
    return below;
  }

  /** The mean and variance (divisor k) of the `k` smallest values, each taken as its bucket's representative. */
  lowest(k: number): { mean: number; variance: number } {
    let left = k, sum = 0, squares = 0;
    const take = (count: number, value: number) => {
      const used = Math.min(left, count);
      sum += used * value;
      squares += used * value * value;
      left -= used;
    };
    const { counts: neg, offset: negOffset } = this.negative;
    for (let b = neg.length - 1; b >= 0 && left > 0; b--) take(neg[b]!, -this.value(b + negOffset));
    take(this.zeros, 0);
    const { counts: pos, offset: posOffset } = this.positive;
    for (let b = 0; b < pos.length && left > 0; b++) take(pos[b]!, this.value(b + posOffset));
    const mean = sum / k;
    return { mean, variance: Math.max(0, squares / k - mean * mean) };
  }

  /** The sketch as plain data (its buckets' counts copied), to send to another thread and merge there. */
  parts(): SketchParts {
    const copy = (b: Buckets) => ({ offset: b.offset, counts: b.counts.slice() });
    return { total: this.total, zeros: this.zeros, positive: copy(this.positive), negative: copy(this.negative) };
  }

  /**
   * Adds another sketch's counts (one of the same relative error and zero threshold): the sketch
   * of both sets of values, the same counts whichever order sketches are merged in, since every
   * count is a whole number.
   */
  merge(parts: SketchParts): void {
    this.total += parts.total;
    this.zeros += parts.zeros;
    for (const [into, from] of [[this.positive, parts.positive], [this.negative, parts.negative]] as const) {
      for (let b = 0; b < from.counts.length; b++) if (from.counts[b]! > 0) into.add(from.offset + b, from.counts[b]!);
    }
  }
}

/** A QuantileSketch as plain data: QuantileSketch.parts(), QuantileSketch.merge(). */
export interface SketchParts {
  total: number;
  zeros: number;
  positive: { offset: number; counts: Float64Array };
  negative: { offset: number; counts: Float64Array };
}
