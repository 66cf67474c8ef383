/**
 * Morris elementary effects, for screening many inputs at a few evaluations each (Morris,
 * "Factorial sampling plans for preliminary computational experiments", Technometrics 33, 1991;
 * μ* from Campolongo, Cariboni & Saltelli, "An effective screening design for sensitivity
 * analysis of large models", Environ. Model. Softw. 22, 2007).
 *
 * Each trajectory starts at a random point of the grid {0, 1/(p−1), …, 1} in the unit cube and
 * moves one input at a time, in random order, by ±Δ with Δ = p / (2(p − 1)) (p even, so every
 * level is reached equally often): dims + 1 points, one elementary effect per input,
 * EEᵢ = (f(x + Δeᵢ) − f(x)) / Δ. Over r trajectories, μ* (the mean of |EE|) ranks the inputs,
 * σ (their standard deviation) is large when an input's effect depends on where the others are
 * (interaction or non-linearity), and μ (the signed mean) is near μ* for a monotone effect.
 *
 * Campolongo's spread: draw more candidate trajectories than needed and keep the r that lie
 * farthest apart (the sum of squared distances between kept trajectories, each distance the sum
 * of Euclidean distances between their points). Campolongo et al. search every combination; here
 * the r are chosen greedily (the farthest pair, then, one at a time, the candidate adding most),
 * which keeps the cost at candidates² distances.
 */
import { xoshiro128, type Random } from '../random.js';

export interface MorrisSpec {
  dimensions: number;
  trajectories: number;
  /** Grid levels p, even, at least 2 (default 4: Δ = 2/3). */
  levels?: number;
  seed: number;
  /** Campolongo's spread: draw this many candidate trajectories and keep the most spread (default: none, every drawn trajectory is kept). */
  candidates?: number;
}

const MORRIS_STREAM = 0x4d4f5252; // "MORR": trajectory t is drawn from stream (seed ⊕ MORR, t)

/**
 * The points of a Morris design in the unit cube: trajectory after trajectory, each dims + 1 rows
 * of dims values. Trajectory t of the candidates depends only on (seed, t).
 */
export function morrisDesign(spec: MorrisSpec): Float64Array {
  const levels = spec.levels ?? 4;
  if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0)) throw new RangeError(`Morris levels must be an even whole number ≥ 2, got ${levels}`);
  if (!(Number.isInteger(spec.dimensions) && spec.dimensions > 0 && Number.isInteger(spec.trajectories) && spec.trajectories > 0)) {
    throw new RangeError('a Morris design needs a positive whole number of dimensions and trajectories');
  }
  const drawn = Math.max(spec.trajectories, spec.candidates ?? 0);
  const candidates = Array.from({ length: drawn }, (_, t) => trajectory(spec.dimensions, levels, xoshiro128(spec.seed ^ MORRIS_STREAM, t)));
  const kept = drawn > spec.trajectories ? mostSpread(candidates, spec.trajectories) : candidates;
  const rows = new Float64Array(spec.trajectories * (spec.dimensions + 1) * spec.dimensions);
  kept.forEach((points, t) => rows.set(points, t * points.length));
  return rows;
}

function trajectory(dims: number, levels: number, random: Random): Float64Array {
  const delta = levels / (2 * (levels - 1));
  const points = new Float64Array((dims + 1) * dims);
  const step = new Float64Array(dims);
  for (let i = 0; i < dims; i++) {
    // The lower point of the pair the input moves between, on a level l/(p−1) with l < p/2.
    const lower = random.below(levels / 2) / (levels - 1);
    const up = random.below(2) === 0;
    points[i] = up ? lower : lower + delta;
    step[i] = up ? delta : -delta;
  }
  const order = Array.from({ length: dims }, (_, i) => i);
  for (let k = dims - 1; k > 0; k--) {
    const pick = random.below(k + 1);
    [order[k], order[pick]] = [order[pick]!, order[k]!];
  }
  for (let s = 0; s < dims; s++) {
    points.copyWithin((s + 1) * dims, s * dims, (s + 1) * dims);
    const i = order[s]!;
    points[(s + 1) * dims + i] = points[s * dims + i]! + step[i]!;
  }
  return points;
}

/** Campolongo's distance between two trajectories: the sum of the Euclidean distances between every point of one and every point of the other. */
function distance(a: Float64Array, b: Float64Array, dims: number): number {
  let total = 0;
  for (let p = 0; p < a.length; p += dims) {
    for (let q = 0; q < b.length; q += dims) {
      let squares = 0;
      for (let z = 0; z < dims; z++) squares += (a[p + z]! - b[q + z]!) ** 2;
      total += Math.sqrt(squares);
    }
  }
  return total;
}

function mostSpread(candidates: Float64Array[], wanted: number): Float64Array[] {
  const dims = Math.round(Math.sqrt(candidates[0]!.length + 0.25) - 0.5); // length = (dims + 1)·dims
  const m = candidates.length;
  const squared = Array.from({ length: m }, () => new Float64Array(m));
  let best: [number, number] = [0, 1];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      squared[a]![b] = squared[b]![a] = distance(candidates[a]!, candidates[b]!, dims) ** 2;
      if (squared[a]![b]! > squared[best[0]]![best[1]]!) best = [a, b];
    }
  }
  const chosen = wanted === 1 ? [best[0]] : [...best];
  const gain = Float64Array.from({ length: m }, (_, c) => squared[c]![best[0]]! + squared[c]![best[1]]!);
  while (chosen.length < wanted) {
    let next = -1;
    for (let c = 0; c < m; c++) if (!chosen.includes(c) && (next < 0 || gain[c]! > gain[next]!)) next = c;
    chosen.push(next);
    for (let c = 0; c < m; c++) gain[c]! += squared[c]![next]!;
  }
  // Kept in the order they were drawn, so the design does not depend on the search's order.
  return chosen.sort((a, b) => a - b).map((c) => candidates[c]!);
}

export interface MorrisFactor {
  /** The mean of the elementary effects (signed). */
  mu: number;
  /** The mean of their absolute values: the ranking measure. */
  muStar: number;
  /** μ*'s standard error, sd(|EE|)/√r. */
  muStarError: number;
  /** The standard deviation of the effects (divisor r − 1, as SALib's morris.analyze). */
  sigma: number;
}

export interface MorrisEffects {
  trajectories: number;
  factors: MorrisFactor[];
}

/**
 * μ, μ* and σ of each input from the outputs at the rows of a design of one-at-a-time
 * trajectories (morrisDesign's, or any other with one input changed per step). Effects are in the
 * output's units per unit of the input's (unit-cube) coordinate: a linear input's EE is its
 * output swing over the whole range.
 *
 * @example
 * morrisEffects(rows, rows.map(...f), 3).factors[0].muStar;
 */
export function morrisEffects(rows: ArrayLike<number>, outputs: ArrayLike<number>, dims: number): MorrisEffects {
  const trajectories = outputs.length / (dims + 1);
  if (!Number.isInteger(trajectories) || rows.length !== outputs.length * dims) throw new RangeError('Morris outputs must be one per row, dims + 1 rows per trajectory');
  const effects = Array.from({ length: dims }, () => [] as number[]);
  for (let t = 0; t < trajectories; t++) {
    for (let s = 0; s < dims; s++) {
      const from = (t * (dims + 1) + s) * dims, to = from + dims;
      let moved = -1;
      for (let i = 0; i < dims; i++) if (rows[to + i] !== rows[from + i]) moved = i;
      if (moved < 0) continue;
      const dx = rows[to + moved]! - rows[from + moved]!;
      effects[moved]!.push((outputs[t * (dims + 1) + s + 1]! - outputs[t * (dims + 1) + s]!) / dx);
    }
  }
  return { trajectories, factors: effects.map(summarise) };
}

function summarise(effects: number[]): MorrisFactor {
  const n = effects.length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[], m: number) => Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  const absolute = effects.map(Math.abs);
  const mu = mean(effects), muStar = mean(absolute);
  return { mu, muStar, muStarError: sd(absolute, muStar) / Math.sqrt(n), sigma: sd(effects, mu) };
}
