/**
 * The core of a game: the splits x of v(everyone) that no coalition S would leave, x(S) ≥ v(S)
 * for every S (Gillies 1959). A split is checked by the coalition with the largest excess
 * v(S) − x(S): positive means S could create more on its own than it gets.
 *
 * Up to `exactUpTo` players every coalition is looked at (enumerate.ts); past it, the coalitions
 * a unanimity game makes likely (every single player, everyone but one player, each term's
 * members), which can prove a split is outside the core but not that it is inside.
 */
import { chunking, enumerateChunk, mergeChunks, membersOf, unanimityValues, type ChunkSums } from './enumerate.js';
import { grandValue, type UnanimityGame } from './unanimity.js';

/** The most members a term may have for its coalition to be looked at by the search (2^12 subsets). */
const SUBSET_MEMBERS = 12;

export interface CoreVerdict {
  /** Whether every coalition was looked at. */
  exhaustive: boolean;
  /** Whether no coalition looked at has an excess above the tolerance. */
  inCore: boolean;
  /** The coalition with the largest excess found (undefined for a one-player game). */
  coalition?: number[];
  /** Its value on its own, what the split gives it, and the difference. */
  value?: number;
  paid?: number;
  excess?: number;
  /** How many coalitions were looked at. */
  looked: number;
}

/** Rounding noise relative to the game's scale: an excess at or below it is no excess. */
export function coreTolerance(game: UnanimityGame): number {
  let scale = 1;
  for (let k = 0; k < game.worth.length; k++) scale += Math.abs(game.worth[k]!);
  return 1e-9 * scale;
}

/** The verdict from enumerated chunks (each given the split). */
export function verdictOfChunks(game: UnanimityGame, split: ArrayLike<number>, chunks: readonly ChunkSums[]): CoreVerdict {
  const n = game.players;
  const { worst } = mergeChunks(n, chunks);
  const looked = 2 ** n - 2;
  if (!worst) return { exhaustive: true, inCore: true, looked: Math.max(0, looked) };
  const coalition = membersOf(worst.coalition, n);
  return verdict(game, coalition, worst.value, split, true, looked);
}

/** Every coalition, in this thread (n ≤ MAX_ENUMERATED). */
export function coreByEnumeration(game: UnanimityGame, split: ArrayLike<number>): CoreVerdict {
  const values = unanimityValues(game);
  const { chunks, lowBits } = chunking(game.players);
  const low = new Float64Array(2 ** lowBits);
  const sums: ChunkSums[] = [];
  for (let c = 0; c < chunks; c++) sums.push(enumerateChunk(values, c, split, low));
  return verdictOfChunks(game, split, sums);
}

/** The likely coalitions of a unanimity game of any size: not exhaustive. */
export function coreBySearch(game: UnanimityGame, split: ArrayLike<number>): CoreVerdict {
  const n = game.players;
  const grand = grandValue(game);
  let paidAll = 0;
  for (let i = 0; i < n; i++) paidAll += split[i]!;
  // Each player's terms: alone it makes its single-member terms; without it, everything else.
  const alone = new Float64Array(n);
  const touching = new Float64Array(n);
  for (let k = 0; k < game.worth.length; k++) {
    const from = game.start[k]!;
    const to = game.start[k + 1]!;
    if (to - from === 1) alone[game.members[from]!]! += game.worth[k]!;
    for (let j = from; j < to; j++) touching[game.members[j]!]! += game.worth[k]!;
  }
  let best: { coalition: () => number[]; value: number; excess: number } | undefined;
  const consider = (coalition: () => number[], value: number, paid: number) => {
    const excess = value - paid;
    if (!best || excess > best.excess) best = { coalition, value, excess };
  };
  let looked = 0;
  if (n >= 2) {
    for (let i = 0; i < n; i++) {
      consider(() => [i], alone[i]!, split[i]!);
      consider(() => Array.from({ length: n }, (_, j) => j).filter((j) => j !== i), grand - touching[i]!, paidAll - split[i]!);
      looked += 2;
    }
    // A term's members are worth the terms on their subsets: looked up by key, each subset of
    // at most SUBSET_MEMBERS members (a larger set is left out), so the search stays linear in
    // the number of terms however many actors there are.
    const worthOf = new Map<string, number>();
    for (let k = 0; k < game.worth.length; k++) worthOf.set(game.members.subarray(game.start[k]!, game.start[k + 1]!).join(','), game.worth[k]!);
    for (let k = 0; k < game.worth.length; k++) {
      const members = Array.from(game.members.subarray(game.start[k]!, game.start[k + 1]!));
      if (members.length < 2 || members.length === n || members.length > SUBSET_MEMBERS) continue;
      let value = 0;
      for (let subset = 1; subset < 2 ** members.length; subset++) value += worthOf.get(members.filter((_, j) => subset & (1 << j)).join(',')) ?? 0;
      let paid = 0;
      for (const i of members) paid += split[i]!;
      consider(() => members, value, paid);
      looked++;
    }
  }
  const found = best as { coalition: () => number[]; value: number; excess: number } | undefined;
  if (!found) return { exhaustive: false, inCore: true, looked };
  return verdict(game, found.coalition(), found.value, split, false, looked);
}

function verdict(game: UnanimityGame, coalition: number[], value: number, split: ArrayLike<number>, exhaustive: boolean, looked: number): CoreVerdict {
  let paid = 0;
  for (const i of coalition) paid += split[i]!;
  const excess = value - paid;
  return { exhaustive, inCore: excess <= coreTolerance(game), coalition, value, paid, excess, looked };
}
