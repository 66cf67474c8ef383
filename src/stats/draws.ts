/**
 * One output's draws, summarised with a standard error for every estimate: mean and sd (Welford),
 * percentiles, the share below a threshold, the expected shortfall, a histogram. Values are kept
 * exactly up to `exactLimit` (percentiles then equal numpy's `np.percentile(x, q)` bit for bit);
 * past it they move into a QuantileSketch and every order statistic is within its relative error,
 * which `relativeError` states. Memory is what is kept: 8 bytes a value up to the limit, a few
 * thousand buckets after.
 *
 * Standard errors:
 * - a percentile's is half the distance between the percentiles one binomial standard deviation of
 *   rank either side, q ± √(q(1 − q)/n): the rank in the sample of the true q-quantile is
 *   Binomial(n, q) (Conover, Practical Nonparametric Statistics, 3rd ed., 1999, §3.2, the
 *   confidence interval for a quantile, at one standard deviation);
 * - the expected shortfall at α (the mean of the lowest ⌈αn⌉ values)'s is
 *   √((Var(X | X ≤ v) + (1 − α)(ES − v)²)/(nα)), v the α-quantile (Chen, "Nonparametric
 *   estimation of expected shortfall", J. Financial Econometrics 6(1), 2008, eq. 2.5).
 */
import { QuantileSketch, type SketchParts } from './quantile-sketch.js';
import { percentile, type Estimate } from './summary.js';

/** Past this many values a sample moves into a sketch (issue 17: percentiles exact up to 10⁶ draws). */
export const EXACT_DRAWS = 1_000_000;

export interface DrawSampleOptions {
  /** Values kept exactly (default EXACT_DRAWS). */
  exactLimit?: number;
  /** The sketch's relative error once past the limit (default 0.005). */
  relativeError?: number;
}

export interface Histogram {
  /** Bin edges, ascending: bins.length + 1 of them, from the 1st to the 99th percentile. */
  edges: number[];
  /** How many values in each bin [edges[i], edges[i + 1]) (the last bin closed). */
  bins: number[];
  /** Values below the first edge and above the last. */
  below: number;
  above: number;
}

export class DrawSample {
  private readonly exactLimit: number;
  private readonly sketchError: number;
  private values = new Float64Array(16);
  private sorted: Float64Array | undefined;
  private sketch: QuantileSketch | undefined;
  private n = 0;
  private mean = 0;
  private squares = 0;

  constructor({ exactLimit = EXACT_DRAWS, relativeError = 0.005 }: DrawSampleOptions = {}) {
    this.exactLimit = exactLimit;
    this.sketchError = relativeError;
  }

  get count(): number {
    return this.n;
  }

  /** 0 while every value is kept; the sketch's relative error on each order statistic after. */
  get relativeError(): number {
    return this.sketch ? this.sketch.relativeError : 0;
  }

  add(x: number): void {
    this.n += 1;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.squares += delta * (x - this.mean);
    if (this.sketch) {
      this.sketch.add(x);
      return;
    }
    if (this.n > this.exactLimit) {
      this.toSketch();
      this.sketch!.add(x);
      return;
    }
    if (this.n > this.values.length) {
      const grown = new Float64Array(Math.min(this.exactLimit, 2 * this.values.length));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n - 1] = x;
    this.sorted = undefined;
  }

  /**
   * Adds values[from], values[from + stride], … (count of them), as `add` would one by one (the
   * same moments, the same kept values, the same sketch), given also a sketch of exactly those
   * values (sketchOf, made where they were drawn): once the sample sketches, their counts are
   * merged rather than each value sketched again here.
   */
  addMany(values: ArrayLike<number>, from: number, stride: number, count: number, sketched?: SketchParts): void {
    if (!sketched || (!this.sketch && this.n + count <= this.exactLimit)) {
      for (let i = 0; i < count; i++) this.add(values[from + i * stride]!);
      return;
    }
    for (let i = 0; i < count; i++) {
      const x = values[from + i * stride]!;
      this.n += 1;
      const delta = x - this.mean;
      this.mean += delta / this.n;
      this.squares += delta * (x - this.mean);
    }
    if (!this.sketch) {
      // The values kept so far (n − count of them) move into a sketch, as add() does past the limit.
      const sketch = new QuantileSketch({ relativeError: this.sketchError });
      for (let i = 0; i < this.n - count; i++) sketch.add(this.values[i]!);
      this.sketch = sketch;
      this.values = new Float64Array(0);
      this.sorted = undefined;
    }
    this.sketch.merge(sketched);
  }

  /** The sketch a DrawSample with default options makes of values[from], values[from + stride], … (count of them), for addMany. */
  static sketchOf(values: ArrayLike<number>, from: number, stride: number, count: number, relativeError = 0.005): SketchParts {
    const sketch = new QuantileSketch({ relativeError });
    for (let i = 0; i < count; i++) sketch.add(values[from + i * stride]!);
    return sketch.parts();
  }

  /** Every value kept so far moves into a sketch, and the array is let go. */
  private toSketch(): void {
    const sketch = new QuantileSketch({ relativeError: this.sketchError });
    for (let i = 0; i < this.n - 1; i++) sketch.add(this.values[i]!);
    this.sketch = sketch;
    this.values = new Float64Array(0);
    this.sorted = undefined;
  }

  /** The mean with its standard error sd/√n, and the sample sd (divisor n − 1). */
  moments(): { mean: Estimate; sd: number } {
    const sd = this.n > 1 ? Math.sqrt(this.squares / (this.n - 1)) : NaN;
    return { mean: { value: this.n > 0 ? this.mean : NaN, standardError: sd / Math.sqrt(this.n) }, sd };
  }

  private sortedValues(): Float64Array {
    this.sorted ??= this.values.slice(0, this.n).sort();
    return this.sorted;
  }

  /** The k-th smallest value, k from 0. */
  private orderStatistic(k: number): number {
    return this.sketch ? this.sketch.orderStatistic(k) : this.sortedValues()[k]!;
  }

  /** The q-th percentile (q in [0, 100]), numpy's method='linear'. */
  percentile(q: number): number {
    if (!this.sketch) return percentile(this.sortedValues(), q);
    if (this.n === 0 || !(q >= 0 && q <= 100)) return NaN;
    const h = (this.n - 1) * (q / 100);
    const below = Math.floor(h);
    if (below >= this.n - 1) return this.orderStatistic(this.n - 1);
    const a = this.orderStatistic(below), b = this.orderStatistic(below + 1);
    return a + (b - a) * (h - below);
  }

  /** The q-th percentile with its standard error (see the module's comment). */
  percentileEstimate(q: number): Estimate {
    const p = q / 100;
    const step = Math.sqrt((p * (1 - p)) / this.n);
    const low = this.percentile(100 * Math.max(0, p - step));
    const high = this.percentile(100 * Math.min(1, p + step));
    return { value: this.percentile(q), standardError: (high - low) / 2 };
  }

  /**
   * percentileEstimate for each q, the same bits; while every value is kept and none is sorted
   * yet, the order statistics the estimates read are selected (a three-way quickselect over a
   * copy, only into the parts holding them) rather than the whole sample sorted: a fan chart
   * reads 30 order statistics of each of its cells.
   */
  percentileEstimates(qs: readonly number[]): Estimate[] {
    if (this.sketch || this.sorted || this.n < 64) return qs.map((q) => this.percentileEstimate(q));
    const n = this.n;
    const wanted: number[] = [];
    const reads = (q: number) => {
      if (!(q >= 0 && q <= 100)) return;
      const h = (n - 1) * (q / 100);
      const below = Math.floor(h);
      if (below >= n - 1) wanted.push(n - 1);
      else wanted.push(below, below + 1);
    };
    const steps = qs.map((q) => {
      const p = q / 100;
      const step = Math.sqrt((p * (1 - p)) / n);
      const low = 100 * Math.max(0, p - step), high = 100 * Math.min(1, p + step);
      reads(q); reads(low); reads(high);
      return { low, high };
    });
    const selected = this.values.slice(0, n);
    selectRanks(selected, [...new Set(wanted)].sort((a, b) => a - b));
    return qs.map((q, i) => {
      const low = percentile(selected, steps[i]!.low), high = percentile(selected, steps[i]!.high);
      return { value: percentile(selected, q), standardError: (high - low) / 2 };
    });
  }

  /** How many values are at or below x. */
  rank(x: number): number {
    if (this.sketch) return this.sketch.rank(x);
    const sorted = this.sortedValues();
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The expected shortfall at α (0 < α < 1): the mean of the lowest ⌈αn⌉ values, the worst α
   * of outcomes when low is bad (a cash position), with its standard error.
   */
  expectedShortfall(alpha: number): Estimate {
    const k = Math.max(1, Math.ceil(alpha * this.n));
    const threshold = this.orderStatistic(k - 1);
    const { mean, variance } = this.lowest(k);
    const standardError = Math.sqrt((variance + (1 - alpha) * (mean - threshold) ** 2) / (this.n * alpha));
    return { value: mean, standardError };
  }

  private lowest(k: number): { mean: number; variance: number } {
    if (this.sketch) return this.sketch.lowest(k);
    const sorted = this.sortedValues();
    let sum = 0;
    for (let i = 0; i < k; i++) sum += sorted[i]!;
    const mean = sum / k;
    let squares = 0;
    for (let i = 0; i < k; i++) squares += (sorted[i]! - mean) ** 2;
    return { mean, variance: squares / k };
  }

  /** `bins` equal bins from the 1st to the 99th percentile, with the values outside counted apart. */
  histogram(bins = 16): Histogram {
    const low = this.percentile(1), high = this.percentile(99);
    const below = this.countBelow(low), above = this.n - this.rank(high);
    if (!(high > low)) return { edges: [low, high], bins: [this.n - below - above], below, above };
    const width = (high - low) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + i * width));
    // Bins are [edge, next edge) but the last is closed: values equal to the 99th percentile are in it.
    const starts = edges.slice(0, bins).map((edge) => this.countBelow(edge));
    const counts = starts.map((start, i) => (i + 1 < bins ? starts[i + 1]! : this.n - above) - start);
    return { edges, bins: counts, below, above };
  }

  /** How many values are strictly below x (the sketch counts x's bucket as below: within its error). */
  private countBelow(x: number): number {
    if (this.sketch) return this.sketch.rank(x);
    const sorted = this.sortedValues();
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Reorders `a` so that a[k] holds the k-th smallest value for every k in `ranks` (ascending):
 * quickselect with a three-way partition (ties, as a whole-period figure has many, end in the
 * middle part at once), only into the parts that hold a wanted rank; short parts sorted.
 */
function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  const stack: number[] = [0, a.length - 1, 0, ranks.length - 1];
  let seed = 0x2545f491;
  while (stack.length > 0) {
    const kHi = stack.pop()!, kLo = stack.pop()!, hi = stack.pop()!, lo = stack.pop()!;
    if (kLo > kHi || lo >= hi) continue;
    if (hi - lo < 24) {
      a.subarray(lo, hi + 1).sort();
      continue;
    }
    // The median of three values at places drawn from a fixed sequence (an ordered or
    // organ-pipe sample gets no worst case; the result does not depend on the choice).
    const span = hi - lo + 1;
    const at = () => lo + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % span);
    const x = a[at()]!, y = a[at()]!, z = a[at()]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo, i = lo, gt = hi;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) { a[i] = a[lt]!; a[lt] = v; lt++; i++; }
      else if (v > pivot) { a[i] = a[gt]!; a[gt] = v; gt--; }
      else i++;
    }
    // a[lo..lt−1] < pivot, a[lt..gt] = pivot, a[gt+1..hi] > pivot.
    let k = kLo;
    while (k <= kHi && ranks[k]! < lt) k++;
    stack.push(lo, lt - 1, kLo, k - 1);
    while (k <= kHi && ranks[k]! <= gt) k++;
    stack.push(gt + 1, hi, k, kHi);
  }
}
