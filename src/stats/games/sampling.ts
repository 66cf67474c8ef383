/**
 * The Shapley value estimated from random orders of the players (Castro, Gómez & Tejada 2009):
 * in each order, every player's marginal contribution v(before ∪ i) − v(before) is one draw
 * whose mean is φ_i. Orders come in chunks; chunk c draws from xoshiro128(seed, c), so a run is
 * the same wherever its chunks run and in whatever order they are merged. The run stops at the
 * first chunk after which every player's error bound is at most the error asked:
 *
 * - Hoeffding (1963): marginals of i lie in an interval of width R_i, so after m orders
 *   |φ̂_i − φ_i| ≤ R_i √(ln(2/δ') / 2m) with probability at least 1 − δ';
 * - empirical variance: the normal approximation, z_{1−δ'/2} · s_i / √m, s_i the marginals'
 *   standard deviation (asymptotic: it holds as m grows).
 *
 * δ' = δ / n (Bonferroni), so every player's bound holds at once with probability ≥ 1 − δ.
 */
import { xoshiro128, type Random } from '../random.js';
import type { UnanimityGame } from './unanimity.js';
import { normalQuantile } from '../special.js';

/** A coalition built one player at a time, from empty. */
export interface Coalitions {
  players: number;
  /** Starts again from the empty coalition. */
  clear(): void;
  /** Adds a player not yet in, and gives its marginal contribution. */
  add(player: number): number;
}

/** The coalitions of a unanimity game: a term is complete when its last missing member comes in. */
export function unanimityCoalitions(game: UnanimityGame): Coalitions {
  const sizes = new Int32Array(game.worth.length);
  for (let k = 0; k < sizes.length; k++) sizes[k] = game.start[k + 1]! - game.start[k]!;
  // The terms of each player, as a flat list.
  const count = new Int32Array(game.players + 1);
  for (let j = 0; j < game.members.length; j++) count[game.members[j]! + 1]!++;
  for (let i = 0; i < game.players; i++) count[i + 1]! += count[i]!;
  const termsOf = new Int32Array(game.members.length);
  const at = count.slice();
  for (let k = 0; k < sizes.length; k++) for (let j = game.start[k]!; j < game.start[k + 1]!; j++) termsOf[at[game.members[j]!]!++] = k;
  const missing = new Int32Array(sizes.length);
  return {
    players: game.players,
    clear: () => missing.set(sizes),
    add(player) {
      let gain = 0;
      for (let j = count[player]!; j < count[player + 1]!; j++) {
        const k = termsOf[j]!;
        if (--missing[k]! === 0) gain += game.worth[k]!;
      }
      return gain;
    },
  };
}

/** The coalitions of a game given by a value function of coalition masks (n ≤ 30). */
export function functionCoalitions(players: number, value: (mask: number) => number): Coalitions {
  let mask = 0;
  let current = 0;
  return {
    players,
    clear() {
      mask = 0;
      current = value(0);
    },
    add(player) {
      mask += 2 ** player;
      const next = value(mask);
      const gain = next - current;
      current = next;
      return gain;
    },
  };
}

/** What a chunk of orders adds up, per player: the marginals' sum and sum of squares. */
export interface SampleSums {
  orders: number;
  sum: Float64Array;
  squares: Float64Array;
}

/** `orders` random orders from `random`, each walked from the empty coalition. */
export function sampleOrders(coalitions: Coalitions, orders: number, random: Random): SampleSums {
  const n = coalitions.players;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const sum = new Float64Array(n);
  const squares = new Float64Array(n);
  for (let o = 0; o < orders; o++) {
    // Fisher–Yates: every order equally likely.
    for (let i = n - 1; i > 0; i--) {
      const j = random.below(i + 1);
      const x = order[i]!;
      order[i] = order[j]!;
      order[j] = x;
    }
    coalitions.clear();
    for (let k = 0; k < n; k++) {
      const player = order[k]!;
      const gain = coalitions.add(player);
      sum[player]! += gain;
      squares[player]! += gain * gain;
    }
  }
  return { orders, sum, squares };
}

export type Bound = 'hoeffding' | 'variance';

export interface SamplingOptions {
  seed: number;
  /** The largest error wanted on each player's value, in the game's units. */
  error: number;
  /** 1 − the confidence that every bound holds (default 0.05). */
  delta?: number;
  bound?: Bound;
  /** Width of each player's marginals (Hoeffding's R_i); required for `hoeffding`. */
  ranges?: ArrayLike<number>;
  /** Orders per chunk (default 256) and the most orders drawn (default 1,000,000). */
  chunkOrders?: number;
  maxOrders?: number;
}

export interface SampledShapley {
  shapley: Float64Array;
  /** Each player's error bound at the confidence asked, and the largest of them. */
  bounds: Float64Array;
  bound: number;
  orders: number;
  chunks: number;
  /** Whether the bound reached the error asked before maxOrders. */
  reached: boolean;
  method: Bound;
  delta: number;
}

/** Sums of chunks merged (any order). */
export function mergeSamples(players: number, parts: readonly SampleSums[]): SampleSums {
  const sum = new Float64Array(players);
  const squares = new Float64Array(players);
  let orders = 0;
  for (const p of parts) {
    orders += p.orders;
    for (let i = 0; i < players; i++) {
      sum[i]! += p.sum[i]!;
      squares[i]! += p.squares[i]!;
    }
  }
  return { orders, sum, squares };
}

/** Each player's error bound after the orders of `sums`. */
export function errorBounds(sums: SampleSums, options: Pick<SamplingOptions, 'delta' | 'bound' | 'ranges'>): Float64Array {
  const n = sums.sum.length;
  const delta = (options.delta ?? 0.05) / n;
  const m = sums.orders;
  const out = new Float64Array(n);
  if (options.bound === 'hoeffding') {
    if (!options.ranges) throw new RangeError("Hoeffding's bound needs the range of each player's marginals");
    const factor = Math.sqrt(Math.log(2 / delta) / (2 * m));
    for (let i = 0; i < n; i++) out[i] = options.ranges[i]! * factor;
    return out;
  }
  const z = normalQuantile(1 - delta / 2);
  for (let i = 0; i < n; i++) {
    const mean = sums.sum[i]! / m;
    const variance = m > 1 ? Math.max(0, (sums.squares[i]! - m * mean * mean) / (m - 1)) : Infinity;
    out[i] = (z * Math.sqrt(variance)) / Math.sqrt(m);
  }
  return out;
}

/** Chunks of orders in this thread until every bound is at most `error` (or maxOrders). */
export function sampledShapley(coalitions: Coalitions, options: SamplingOptions): SampledShapley {
  const n = coalitions.players;
  const method = options.bound ?? 'variance';
  const chunkOrders = options.chunkOrders ?? 256;
  const maxOrders = options.maxOrders ?? 1_000_000;
  let chunks = 0;
  let merged: SampleSums = { orders: 0, sum: new Float64Array(n), squares: new Float64Array(n) };
  let bounds: Float64Array = new Float64Array(n).fill(Infinity);
  while (merged.orders < maxOrders) {
    const part = sampleOrders(coalitions, Math.min(chunkOrders, maxOrders - merged.orders), xoshiro128(options.seed, chunks++));
    merged = mergeSamples(n, [merged, part]);
    bounds = errorBounds(merged, { ...options, bound: method });
    if (Math.max(...bounds) <= options.error) break;
  }
  return summarise(merged, bounds, chunks, options, method);
}

/** The estimate and its bounds from merged sums. */
export function summarise(sums: SampleSums, bounds: Float64Array, chunks: number, options: SamplingOptions, method: Bound): SampledShapley {
  const bound = bounds.length ? Math.max(...bounds) : 0;
  return {
    shapley: sums.sum.map((s) => s / sums.orders),
    bounds,
    bound,
    orders: sums.orders,
    chunks,
    reached: bound <= options.error,
    method,
    delta: options.delta ?? 0.05,
  };
}
