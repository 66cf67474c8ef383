/**
 * Every coalition of a game of up to MAX_ENUMERATED players, visited once: the Shapley and
 * Banzhaf values by their definitions, and the coalition that most wants to leave a given split
 * (the core check). The 2^n coalitions are cut into chunks by their highest players, so a chunk
 * holds 2^lowBits values at a time and chunks can run anywhere (in process, in worker threads)
 * and be merged in any order: a chunk's result depends only on the game, the split and its number.
 *
 * With P_i(s) = Σ v(S) over coalitions of size s that hold i, and T(s) the same over all of them,
 * the Shapley value (Shapley 1953) φ_i = Σ_{S ∌ i} s!(n−s−1)!/n! · (v(S ∪ i) − v(S)) is
 * Σ_s a(s) P_i(s) − Σ_s b(s) (T(s) − P_i(s)), a(s) = 1 / (n C(n−1, s−1)), b(s) = 1 / (n C(n−1, s)),
 * and the Banzhaf value is (Σ_s P_i(s) − Σ_s (T(s) − P_i(s))) / 2^(n−1): each coalition adds its
 * value to the sums of its own size and members, without looking at any other coalition.
 */
import type { UnanimityGame } from './unanimity.js';

/** Most players whose coalitions are enumerated (2^30 of them); past it, methods that do not enumerate. */
export const MAX_ENUMERATED = 30;
/** Coalitions held at once by a chunk: 2^LOW_BITS values (8 MB). */
export const LOW_BITS = 20;

/** Where the values of a chunk's coalitions come from. */
export interface CoalitionValues {
  players: number;
  /**
   * Writes into `low` the value of every coalition whose highest players (numbers lowBits and
   * up) are those of `high` (a bit mask of them shifted down by lowBits): low[m] = v(m | high << lowBits).
   */
  fill(low: Float64Array, high: number, lowBits: number): void;
}

/** What one chunk adds up. */
export interface ChunkSums {
  chunk: number;
  /** T(s), s = 0..n. */
  bySize: Float64Array;
  /** P_i(s) at i × (n + 1) + s. */
  byMember: Float64Array;
  /** The coalition of the chunk, neither empty nor everyone, with the largest excess v(S) − x(S), when a split is given. */
  worst?: { coalition: number; excess: number; value: number };
}

/** How many chunks a game of `players` players is cut into, and the low bits of each. */
export function chunking(players: number): { chunks: number; lowBits: number } {
  if (players > MAX_ENUMERATED) throw new RangeError(`at most ${MAX_ENUMERATED} players can be enumerated`);
  const lowBits = Math.min(players, LOW_BITS);
  return { chunks: 2 ** (players - lowBits), lowBits };
}

/** The values of a game given as a table of its 2^n coalitions (v[mask], bit i for player i). */
export function tableValues(players: number, table: ArrayLike<number>): CoalitionValues {
  if (table.length !== 2 ** players) throw new RangeError(`a table of ${players} players holds ${2 ** players} values`);
  return {
    players,
    fill(low, high, lowBits) {
      const base = high * 2 ** lowBits;
      for (let m = 0; m < low.length; m++) low[m] = table[base + m]!;
    },
  };
}

/**
 * The values of a unanimity game: each term whose high members are all in the chunk's high
 * players puts its worth at its low members' mask, and the subset sums (the zeta transform,
 * lowBits passes over the chunk) give every coalition the worth of the terms it contains.
 */
export function unanimityValues(game: UnanimityGame): CoalitionValues {
  if (game.players > MAX_ENUMERATED) throw new RangeError(`at most ${MAX_ENUMERATED} players can be enumerated`);
  const masks = new Float64Array(game.worth.length);
  for (let k = 0; k < game.worth.length; k++) {
    let mask = 0;
    for (let j = game.start[k]!; j < game.start[k + 1]!; j++) mask += 2 ** game.members[j]!;
    masks[k] = mask;
  }
  return {
    players: game.players,
    fill(low, high, lowBits) {
      low.fill(0);
      const size = 2 ** lowBits;
      for (let k = 0; k < masks.length; k++) {
        const highPart = Math.floor(masks[k]! / size);
        // (highPart & ~high) === 0, on numbers that may pass 32 bits: high ones held in `high` too.
        if ((highPart & ~high) !== 0) continue;
        low[masks[k]! % size]! += game.worth[k]!;
      }
      for (let bit = 1; bit < size; bit *= 2) {
        for (let base = 0; base < size; base += 2 * bit) {
          for (let m = base + bit; m < base + 2 * bit; m++) low[m]! += low[m - bit]!;
        }
      }
    },
  };
}

/**
 * The sums of chunk `chunk`. `split`, when given, is the payoff of each player, and the chunk
 * also finds its coalition with the largest excess. `low` is room for 2^lowBits numbers, reused
 * from chunk to chunk.
 */
export function enumerateChunk(values: CoalitionValues, chunk: number, split?: ArrayLike<number>, low?: Float64Array): ChunkSums {
  const n = values.players;
  const { lowBits } = chunking(n);
  const size = 2 ** lowBits;
  const table = low && low.length === size ? low : new Float64Array(size);
  values.fill(table, chunk, lowBits);
  const bySize = new Float64Array(n + 1);
  const byMember = new Float64Array(n * (n + 1));
  const highCount = popcount(chunk);
  const stride = n + 1;
  for (let m = 0; m < size; m++) {
    const value = table[m]!;
    const s = popcount(m) + highCount;
    bySize[s]! += value;
    for (let rest = m; rest !== 0; rest &= rest - 1) {
      const i = 31 - Math.clz32(rest & -rest);
      byMember[i * stride + s]! += value;
    }
  }
  // Every coalition of the chunk holds its high players.
  for (let i = lowBits; i < n; i++) {
    if (chunk & (1 << (i - lowBits))) for (let s = 0; s <= n; s++) byMember[i * stride + s]! += bySize[s]!;
  }
  const result: ChunkSums = { chunk, bySize, byMember };
  if (split) result.worst = worstCoalition(table, chunk, lowBits, n, split);
  return result;
}

/** The coalition of a chunk, neither empty nor everyone, with the largest v(S) − x(S). */
function worstCoalition(table: Float64Array, chunk: number, lowBits: number, n: number, split: ArrayLike<number>): { coalition: number; excess: number; value: number } {
  const size = table.length;
  // x of each low mask, built from the mask without its lowest player.
  const paid = new Float64Array(size);
  for (let m = 1; m < size; m++) paid[m] = paid[m & (m - 1)]! + split[31 - Math.clz32(m & -m)]!;
  let highPaid = 0;
  for (let i = lowBits; i < n; i++) if (chunk & (1 << (i - lowBits))) highPaid += split[i]!;
  const everyone = size - 1;
  const lastChunk = 2 ** (n - lowBits) - 1;
  let best = { coalition: -1, excess: -Infinity, value: 0 };
  for (let m = 0; m < size; m++) {
    if ((m === 0 && chunk === 0) || (m === everyone && chunk === lastChunk)) continue;
    const excess = table[m]! - (paid[m]! + highPaid);
    if (excess > best.excess) best = { coalition: chunk * size + m, excess, value: table[m]! };
  }
  return best;
}

export interface Enumerated {
  shapley: Float64Array;
  banzhaf: Float64Array;
  /** v(everyone) */
  grand: number;
  /** The coalition with the largest excess under the split, as a mask, when a split was given and n ≥ 2. */
  worst?: { coalition: number; excess: number; value: number };
}

/** The chunks' sums merged (any order) into the values. */
export function mergeChunks(players: number, chunks: readonly ChunkSums[]): Enumerated {
  const n = players;
  const stride = n + 1;
  const bySize = new Float64Array(stride);
  const byMember = new Float64Array(n * stride);
  let worst: Enumerated['worst'];
  for (const c of chunks) {
    for (let s = 0; s <= n; s++) bySize[s]! += c.bySize[s]!;
    for (let j = 0; j < byMember.length; j++) byMember[j]! += c.byMember[j]!;
    if (c.worst && c.worst.coalition >= 0 && (!worst || c.worst.excess > worst.excess || (c.worst.excess === worst.excess && c.worst.coalition < worst.coalition))) worst = c.worst;
  }
  const a = new Float64Array(stride);
  const b = new Float64Array(stride);
  for (let s = 0; s <= n; s++) {
    if (s >= 1) a[s] = 1 / (n * binomial(n - 1, s - 1));
    if (s <= n - 1) b[s] = 1 / (n * binomial(n - 1, s));
  }
  const shapley = new Float64Array(n);
  const banzhaf = new Float64Array(n);
  let total = 0;
  for (let s = 0; s <= n; s++) total += bySize[s]!;
  for (let i = 0; i < n; i++) {
    let phi = 0;
    let held = 0;
    for (let s = 0; s <= n; s++) {
      const with_ = byMember[i * stride + s]!;
      phi += a[s]! * with_ - b[s]! * (bySize[s]! - with_);
      held += with_;
    }
    shapley[i] = phi;
    banzhaf[i] = (held - (total - held)) / 2 ** (n - 1);
  }
  return { shapley, banzhaf, grand: bySize[n]!, ...(worst ? { worst } : {}) };
}

/** Every chunk in turn, in this thread. */
export function enumerate(values: CoalitionValues, split?: ArrayLike<number>): Enumerated {
  const { chunks, lowBits } = chunking(values.players);
  const low = new Float64Array(2 ** lowBits);
  const sums: ChunkSums[] = [];
  for (let c = 0; c < chunks; c++) sums.push(enumerateChunk(values, c, split, low));
  return mergeChunks(values.players, sums);
}

/** The players of a coalition mask, in increasing order. */
export function membersOf(coalition: number, players: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < players; i++) if (Math.floor(coalition / 2 ** i) % 2 === 1) out.push(i);
  return out;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let r = 1;
  for (let j = 1; j <= m; j++) r = (r * (n - m + j)) / j;
  return r;
}
