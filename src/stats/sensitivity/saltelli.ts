/**
 * Variance-based sensitivity: Sobol first-order and total indices by Saltelli's sampling scheme
 * (A. Saltelli et al., "Variance based sensitivity analysis of model output. Design and estimator
 * for the total sensitivity index", Comput. Phys. Commun. 181, 2010, 259–270).
 *
 * Two independent N × k matrices A and B come from one 2k-dimensional Sobol sequence (its first k
 * coordinates for A, the last k for B), randomised by sampling.ts's seeded digital shift; A_B^i is
 * A with its column i taken from B. The model runs N·(k + 2) times, in SALib's order per base
 * row j: A_j, A_B^1_j … A_B^k_j, B_j. With Sobol points past 2k = 1024 dimensions (the direction
 * numbers' table), A and B are plain Monte Carlo draws instead, and the design says so.
 *
 * Estimators (Saltelli et al. 2010, Table 2), with V the variance of the 2N outputs f(A), f(B):
 * - first order, the estimator that paper recommends (its (b)):
 *   Vᵢ = (1/N) Σⱼ f(B)ⱼ (f(A_B^i)ⱼ − f(A)ⱼ), Sᵢ = Vᵢ / V;
 * - total, Jansen's (M. J. W. Jansen, Comput. Phys. Commun. 117, 1999; the paper's (f)):
 *   V_Tᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B^i)ⱼ)², S_Tᵢ = V_Tᵢ / V.
 * The outputs are centred first (minus the mean of f(A) and f(B)): the indices' expectations do
 * not move, but the first-order estimator's error grows with the output's mean otherwise
 * (SALib's sobol.analyze standardises for the same reason).
 *
 * Confidence intervals: a seeded bootstrap over the N base rows (Archer, Saltelli & Sobol,
 * J. Stat. Comput. Simul. 58, 1997), percentile intervals as numpy's default percentile.
 */
import { xoshiro128 } from '../random.js';
import { planDesign, type Design, type SamplingMethod } from '../sampling.js';
import { SOBOL_MAX_DIMENSIONS } from '../sobol.js';
import { percentile, sortedCopy } from '../summary.js';

export interface SaltelliSpec {
  dimensions: number;
  /** N, the base rows (a power of two suits Sobol points best). */
  base: number;
  seed: number;
  /** Base rows per chunk (default 1024, a power of two). */
  chunkSize?: number;
}

export interface SaltelliDesign {
  readonly spec: SaltelliSpec;
  /** Sobol points for A and B, or plain Monte Carlo when 2k passes the Sobol table. */
  readonly sampling: Extract<SamplingMethod, 'sobol' | 'mc'>;
  /** N·(k + 2) model runs in all. */
  readonly evaluations: number;
  readonly chunks: number;
  /** How many base rows chunk c holds. */
  chunkBase(c: number): number;
  /** Chunk c's points, (k + 2) rows of k values per base row, in the order above. Depends only on (seed, c). */
  chunk(c: number): Float64Array;
}

/**
 * Plans Saltelli's design for k = `dimensions` inputs in the unit cube.
 *
 * @example
 * const design = saltelliDesign({ dimensions: 3, base: 4096, seed: 1 });
 * design.chunk(0); // 1024 base rows × 5 points × 3 coordinates
 */
export function saltelliDesign(spec: SaltelliSpec): SaltelliDesign {
  const k = spec.dimensions;
  const sampling = 2 * k <= SOBOL_MAX_DIMENSIONS ? 'sobol' : 'mc';
  const base: Design = planDesign({ method: sampling, dimensions: 2 * k, runs: spec.base, seed: spec.seed, chunkSize: spec.chunkSize ?? 1024 });
  return {
    spec,
    sampling,
    evaluations: spec.base * (k + 2),
    chunks: base.chunks,
    chunkBase: (c) => base.chunkRuns(c),
    chunk: (c) => expand(base.chunk(c), base.chunkRuns(c), k),
  };
}

function expand(pairs: Float64Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows * (k + 2) * k);
  for (let j = 0; j < rows; j++) {
    const a = pairs.subarray(j * 2 * k, j * 2 * k + k), b = pairs.subarray(j * 2 * k + k, (j + 1) * 2 * k);
    const block = j * (k + 2) * k;
    out.set(a, block);
    for (let i = 0; i < k; i++) {
      out.set(a, block + (1 + i) * k);
      out[block + (1 + i) * k + i] = b[i]!;
    }
    out.set(b, block + (k + 1) * k);
  }
  return out;
}

export interface IndexEstimate {
  value: number;
  /** The bootstrap standard deviation of the index. */
  standardError: number;
  /** The bootstrap percentile interval at the level asked for. */
  low: number;
  high: number;
}

export interface SobolIndices {
  base: number;
  /** The output's variance over f(A) and f(B) (divisor 2N). */
  variance: number;
  factors: Array<{ first: IndexEstimate; total: IndexEstimate }>;
  /** The output did not vary: the indices are NaN. */
  constant: boolean;
  resamples: number;
  level: number;
}

export interface SobolIndexOptions {
  /** Bootstrap resamples (default 200). */
  resamples?: number;
  /** The interval's level (default 0.95). */
  level?: number;
  /** Seeds the bootstrap: resample r is drawn from stream (seed ⊕ BOOT, r). */
  seed: number;
}

const BOOT_STREAM = 0x424f4f54; // "BOOT"

/**
 * First-order and total indices of each input from the outputs at the points of a Saltelli design
 * (all chunks in order: N·(k + 2) values), with bootstrap intervals.
 */
export function sobolIndices(outputs: ArrayLike<number>, dims: number, options: SobolIndexOptions): SobolIndices {
  const n = outputs.length / (dims + 2);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`Sobol indices need N·(k + 2) outputs with N ≥ 2, got ${outputs.length} for k = ${dims}`);
  const resamples = options.resamples ?? 200, level = options.level ?? 0.95;
  const y = centred(outputs, n, dims);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = estimate(y, dims, all);
  const constant = !(point.variance > 0);
  const boot = Array.from({ length: 2 * dims }, () => new Float64Array(resamples));
  for (let r = 0; r < resamples && !constant; r++) {
    const random = xoshiro128(options.seed ^ BOOT_STREAM, r);
    const rows = Int32Array.from({ length: n }, () => random.below(n));
    const again = estimate(y, dims, rows);
    for (let i = 0; i < dims; i++) {
      boot[2 * i]![r] = again.first[i]!;
      boot[2 * i + 1]![r] = again.total[i]!;
    }
  }
  const interval = (value: number, draws: Float64Array): IndexEstimate => {
    if (constant) return { value: NaN, standardError: NaN, low: NaN, high: NaN };
    const sorted = sortedCopy(draws);
    return { value, standardError: sampleSd(draws), low: percentile(sorted, 50 * (1 - level)), high: percentile(sorted, 50 * (1 + level)) };
  };
  return {
    base: n,
    variance: point.variance,
    factors: Array.from({ length: dims }, (_, i) => ({ first: interval(point.first[i]!, boot[2 * i]!), total: interval(point.total[i]!, boot[2 * i + 1]!) })),
    constant,
    resamples,
    level,
  };
}

/** The outputs minus the mean of f(A) and f(B). */
function centred(outputs: ArrayLike<number>, n: number, dims: number): Float64Array {
  const stride = dims + 2;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += outputs[j * stride]! + outputs[j * stride + dims + 1]!;
  const mean = sum / (2 * n);
  return Float64Array.from(outputs, (x) => x - mean);
}

function estimate(y: Float64Array, dims: number, rows: Int32Array): { variance: number; first: number[]; total: number[] } {
  const stride = dims + 2, n = rows.length;
  let sum = 0, squares = 0;
  for (const j of rows) {
    const a = y[j * stride]!, b = y[j * stride + dims + 1]!;
    sum += a + b;
    squares += a * a + b * b;
  }
  const mean = sum / (2 * n);
  const variance = squares / (2 * n) - mean * mean;
  const first = new Array<number>(dims).fill(0), total = new Array<number>(dims).fill(0);
  for (const j of rows) {
    const a = y[j * stride]!, b = y[j * stride + dims + 1]!;
    for (let i = 0; i < dims; i++) {
      const ab = y[j * stride + 1 + i]!;
      first[i]! += b * (ab - a);
      total[i]! += (a - ab) ** 2;
    }
  }
  return { variance, first: first.map((v) => v / n / variance), total: total.map((v) => v / (2 * n) / variance) };
}

function sampleSd(values: Float64Array): number {
  let mean = 0;
  for (const x of values) mean += x;
  mean /= values.length;
  let squares = 0;
  for (const x of values) squares += (x - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
