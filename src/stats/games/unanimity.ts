/**
 * A cooperative game written as a sum of weighted unanimity games:
 *
 *   v(S) = Σ_k worth_k · [members_k ⊆ S]
 *
 * Every game can be written so (the worths are its Harsanyi dividends, Harsanyi 1963), and an
 * ecosystem's game comes so directly: one term per set of actors some scenario path needs, worth
 * what the path creates, and one single-actor term per actor's own costs. Its Shapley value
 * follows in closed form, because the Shapley value is linear and gives each member of a
 * unanimity game 1/|members| of it (Shapley 1953): φ_i = Σ_{k ∋ i} worth_k / |members_k|; the
 * Banzhaf value gives each member worth_k / 2^(|members_k| − 1) (Banzhaf 1965; Owen 1975).
 */

export interface UnanimityGame {
  players: number;
  /** The members of term k are members[start[k] .. start[k + 1]), in increasing order. */
  start: Int32Array;
  members: Int32Array;
  worth: Float64Array;
}

export interface Term {
  /** Player numbers, 0 .. players − 1, each once. */
  members: readonly number[];
  worth: number;
}

/**
 * The game of these terms, those with the same members added into one and those worth zero
 * left out (they change no coalition's value). A term with no members would give the empty
 * coalition a value; it is refused.
 */
export function unanimityGame(players: number, terms: Iterable<Term>): UnanimityGame {
  const byMembers = new Map<string, { members: number[]; worth: number }>();
  for (const term of terms) {
    const members = [...new Set(term.members)].sort((a, b) => a - b);
    if (members.length === 0) throw new RangeError('a unanimity term needs at least one member');
    if (members[0]! < 0 || members[members.length - 1]! >= players) throw new RangeError(`a term's member is not a player (0..${players - 1})`);
    const key = members.join(',');
    const found = byMembers.get(key);
    if (found) found.worth += term.worth;
    else byMembers.set(key, { members, worth: term.worth });
  }
  const kept = [...byMembers.values()].filter((t) => t.worth !== 0);
  const start = new Int32Array(kept.length + 1);
  kept.forEach((t, k) => (start[k + 1] = start[k]! + t.members.length));
  const members = new Int32Array(start[kept.length]!);
  kept.forEach((t, k) => members.set(t.members, start[k]!));
  return { players, start, members, worth: Float64Array.from(kept, (t) => t.worth) };
}

/** v(S), S given by whether each player is in it. */
export function coalitionValue(game: UnanimityGame, inCoalition: (player: number) => boolean): number {
  let value = 0;
  for (let k = 0; k < game.worth.length; k++) {
    let all = true;
    for (let j = game.start[k]!; j < game.start[k + 1]! && all; j++) all = inCoalition(game.members[j]!);
    if (all) value += game.worth[k]!;
  }
  return value;
}

/** v(all players): every term counts. */
export function grandValue(game: UnanimityGame): number {
  let value = 0;
  for (let k = 0; k < game.worth.length; k++) value += game.worth[k]!;
  return value;
}

/** The Shapley value of every player, exact: each term shared equally among its members. */
export function shapleyOfTerms(game: UnanimityGame): Float64Array {
  return sharedAmongMembers(game, (size) => 1 / size);
}

/** The (non-normalised) Banzhaf value of every player, exact: worth / 2^(members − 1) to each member. */
export function banzhafOfTerms(game: UnanimityGame): Float64Array {
  return sharedAmongMembers(game, (size) => 2 ** (1 - size));
}

function sharedAmongMembers(game: UnanimityGame, part: (size: number) => number): Float64Array {
  const out = new Float64Array(game.players);
  for (let k = 0; k < game.worth.length; k++) {
    const from = game.start[k]!;
    const to = game.start[k + 1]!;
    const each = game.worth[k]! * part(to - from);
    for (let j = from; j < to; j++) out[game.members[j]!]! += each;
  }
  return out;
}

/**
 * The most a player's marginal contribution can swing, Σ_{k ∋ i} |worth_k|: a marginal
 * contribution of i adds the terms it completes, so it lies between the negative and the
 * positive worths of the terms i belongs to. The range Hoeffding's bound needs.
 */
export function marginalRanges(game: UnanimityGame): Float64Array {
  const out = new Float64Array(game.players);
  for (let k = 0; k < game.worth.length; k++) {
    const w = Math.abs(game.worth[k]!);
    for (let j = game.start[k]!; j < game.start[k + 1]!; j++) out[game.members[j]!]! += w;
  }
  return out;
}

/** The game restricted to the players kept: terms needing any other player are gone, players renumbered. */
export function withoutPlayers(game: UnanimityGame, removed: ReadonlySet<number>): { game: UnanimityGame; kept: number[] } {
  const kept = Array.from({ length: game.players }, (_, i) => i).filter((i) => !removed.has(i));
  const number = new Map(kept.map((player, i) => [player, i]));
  const terms: Term[] = [];
  for (let k = 0; k < game.worth.length; k++) {
    const members: number[] = [];
    let whole = true;
    for (let j = game.start[k]!; j < game.start[k + 1]!; j++) {
      const n = number.get(game.members[j]!);
      if (n === undefined) whole = false;
      else members.push(n);
    }
    if (whole) terms.push({ members, worth: game.worth[k]! });
  }
  return { game: unanimityGame(kept.length, terms), kept };
}
