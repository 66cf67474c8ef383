/**
 * Textbook games with known values, and the Shapley axioms on random games. Each game is given
 * by its value on every coalition (a table, bit i for player i) or as unanimity terms.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { enumerate, tableValues, unanimityValues, membersOf } from './enumerate.js';
import { banzhafOfTerms, grandValue, shapleyOfTerms, unanimityGame, withoutPlayers, marginalRanges, type Term } from './unanimity.js';
import { coreByEnumeration, coreBySearch } from './core.js';
import { functionCoalitions, sampledShapley, unanimityCoalitions } from './sampling.js';
import { normalQuantile } from '../special.js';

const tableOf = (players: number, v: (members: number[]) => number) => Float64Array.from({ length: 2 ** players }, (_, mask) => v(membersOf(mask, players)));

describe('the glove game', () => {
  // Player 0 holds a left glove, players 1 and 2 a right glove each; a pair is worth 1:
  // v(S) = min(lefts in S, rights in S). Of the 6 orders, the left-glove holder completes a pair
  // whenever a right glove came before it, that is when it is second or third (4 orders):
  // φ_0 = 4/6 = 2/3. A right glove completes a pair only after player 0 and before the other
  // right glove (the order 0, i, j alone): φ_i = 1/6.
  const lefts = new Set([0]);
  const table = tableOf(3, (m) => Math.min(m.filter((i) => lefts.has(i)).length, m.filter((i) => !lefts.has(i)).length));

  it('gives the left glove 2/3 and each right glove 1/6', () => {
    const { shapley, grand } = enumerate(tableValues(3, table));
    expect(grand).toBe(1);
    expect(shapley[0]).toBeCloseTo(2 / 3, 12);
    expect(shapley[1]).toBeCloseTo(1 / 6, 12);
    expect(shapley[2]).toBeCloseTo(1 / 6, 12);
  });

  it('has one split in its core, everything to the scarce left glove', () => {
    // {0,1} and {0,2} are worth 1 each: x0 + x1 ≥ 1 and x0 + x2 ≥ 1 with x0 + x1 + x2 = 1 and
    // x ≥ 0 leave only (1, 0, 0). The Shapley split (2/3, 1/6, 1/6) gives {0,1} 5/6 < 1.
    const inCore = enumerate(tableValues(3, table), [1, 0, 0]).worst!;
    expect(inCore.excess).toBeCloseTo(0, 12);
    const shapleySplit = enumerate(tableValues(3, table), [2 / 3, 1 / 6, 1 / 6]).worst!;
    expect(shapleySplit.excess).toBeCloseTo(1 / 6, 12);
    expect([3, 5]).toContain(shapleySplit.coalition); // {0,1} or {0,2}, ties broken by the lower mask
    expect(shapleySplit.coalition).toBe(3);
  });
});

describe('the airport game (Littlechild & Owen 1973)', () => {
  // A runway long enough for the largest plane of a coalition costs the largest of their costs:
  // c(S) = max over S of 8, 11, 13, 18. Littlechild and Owen's rule: the first segment (8) is
  // shared by 4, the next (11 − 8) by the 3 that need it, and so on:
  // 8/4 = 2; 2 + 3/3 = 3; 3 + 2/2 = 4; 4 + 5/1 = 9.
  const costs = [8, 11, 13, 18];
  const table = tableOf(4, (m) => Math.max(0, ...m.map((i) => costs[i]!)));

  it('charges 2, 3, 4 and 9', () => {
    const { shapley } = enumerate(tableValues(4, table));
    [2, 3, 4, 9].forEach((x, i) => expect(shapley[i]).toBeCloseTo(x, 12));
  });

  it('is the same game as the sum of its segments, one unanimity-like term per segment shared by those who need it', () => {
    // As a cost game it is Σ_j (c_j − c_{j−1}) · [S holds a plane needing segment j]: not a sum
    // of unanimity terms (any one plane suffices), so its dividends alternate in sign; the
    // enumeration and the dividends agree all the same.
    const dividends = tableOf(4, () => 0);
    // Möbius transform by hand: d(T) = Σ_{S ⊆ T} (−1)^{|T|−|S|} c(S).
    for (let t = 1; t < 16; t++) for (let s = t; ; s = (s - 1) & t) {
      dividends[t]! += (membersOf(t ^ s, 4).length % 2 ? -1 : 1) * table[s]!;
      if (s === 0) break;
    }
    const terms: Term[] = [];
    for (let t = 1; t < 16; t++) terms.push({ members: membersOf(t, 4), worth: dividends[t]! });
    const game = unanimityGame(4, terms);
    [2, 3, 4, 9].forEach((x, i) => expect(shapleyOfTerms(game)[i]).toBeCloseTo(x, 12));
    expect(grandValue(game)).toBeCloseTo(18, 12);
  });
});

describe('weighted majority games', () => {
  it('[3; 2, 1, 1]: Shapley 2/3, 1/6, 1/6 and Banzhaf 3/4, 1/4, 1/4', () => {
    // Player 0 (weight 2) with anyone wins. Shapley: player 0 is pivotal unless it comes first
    // (4 of 6 orders). Banzhaf: player 0 swings {1}, {2}, {1,2} (3 of the 4 coalitions without
    // it); player 1 swings only {0} (1 of 4), as does player 2.
    const weights = [2, 1, 1];
    const table = tableOf(3, (m) => (m.reduce((a, i) => a + weights[i]!, 0) >= 3 ? 1 : 0));
    const { shapley, banzhaf } = enumerate(tableValues(3, table));
    [2 / 3, 1 / 6, 1 / 6].forEach((x, i) => expect(shapley[i]).toBeCloseTo(x, 12));
    [3 / 4, 1 / 4, 1 / 4].forEach((x, i) => expect(banzhaf[i]).toBeCloseTo(x, 12));
  });

  it('the UN Security Council [39; 7×5, 1×10]: 421/2145 to a permanent member, 4/2145 to the others', () => {
    // Shapley–Shubik index of the 15-member Council (5 permanent members with a veto, 9 votes
    // to pass), 0.1963 and 0.00186 in Straffin, "Game Theory and Strategy" (1993), ch. 32; the
    // exact fractions from Python's fractions module over every coalition:
    //   sum(Fraction(k!(n-k-1)!, n!) for S in combinations(others, k) if win(S ∪ {i}) and not win(S))
    const n = 15;
    const weights = [7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const table = tableOf(n, (m) => (m.reduce((a, i) => a + weights[i]!, 0) >= 39 ? 1 : 0));
    const { shapley } = enumerate(tableValues(n, table));
    for (let i = 0; i < 5; i++) expect(shapley[i]).toBeCloseTo(421 / 2145, 12);
    for (let i = 5; i < n; i++) expect(shapley[i]).toBeCloseTo(4 / 2145, 12);
  });
});

/** A random unanimity game: up to 12 terms of 1 to 4 members among `players`, worths of either sign. */
const randomGame = (players: number) =>
  fc.array(fc.record({ members: fc.uniqueArray(fc.integer({ min: 0, max: players - 1 }), { minLength: 1, maxLength: Math.min(4, players) }), worth: fc.double({ min: -100, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 12 });

describe('the Shapley axioms on random games (fast-check)', () => {
  const players = 7;
  const close = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).forEach((x, i) => expect(x).toBeCloseTo(b[i]!, 8));

  it('the closed form over terms equals the enumeration of every coalition, Shapley and Banzhaf', () => {
    fc.assert(
      fc.property(randomGame(players), (terms) => {
        const game = unanimityGame(players, terms);
        const enumerated = enumerate(unanimityValues(game));
        close(shapleyOfTerms(game), enumerated.shapley);
        close(banzhafOfTerms(game), enumerated.banzhaf);
      }),
      { numRuns: 60 },
    );
  });

  it('efficiency: the values add up to v(everyone)', () => {
    fc.assert(
      fc.property(randomGame(players), (terms) => {
        const game = unanimityGame(players, terms);
        const { shapley, grand } = enumerate(unanimityValues(game));
        expect(shapley.reduce((a, b) => a + b, 0)).toBeCloseTo(grandValue(game), 8);
        expect(grand).toBeCloseTo(grandValue(game), 8);
      }),
      { numRuns: 60 },
    );
  });

  it('symmetry: two players who play the same role get the same value', () => {
    fc.assert(
      fc.property(randomGame(players), (terms) => {
        // Make players 0 and 1 interchangeable: every term also comes with 0 and 1 swapped.
        const swap = (i: number) => (i === 0 ? 1 : i === 1 ? 0 : i);
        const game = unanimityGame(players, [...terms, ...terms.map((t) => ({ members: t.members.map(swap), worth: t.worth }))]);
        const { shapley } = enumerate(unanimityValues(game));
        expect(shapley[0]).toBeCloseTo(shapley[1]!, 8);
      }),
      { numRuns: 60 },
    );
  });

  it('null player: a player who adds nothing to any coalition gets nothing', () => {
    fc.assert(
      fc.property(randomGame(players - 1), (terms) => {
        // Player 6 is in no term: v(S ∪ {6}) = v(S) for every S.
        const game = unanimityGame(players, terms);
        const { shapley, banzhaf } = enumerate(unanimityValues(game));
        expect(shapley[players - 1]).toBeCloseTo(0, 9);
        expect(banzhaf[players - 1]).toBeCloseTo(0, 9);
        expect(shapleyOfTerms(game)[players - 1]).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('additivity: the value of v + w is the value of v plus the value of w', () => {
    fc.assert(
      fc.property(randomGame(players), randomGame(players), (a, b) => {
        const sum = enumerate(unanimityValues(unanimityGame(players, [...a, ...b]))).shapley;
        const va = enumerate(unanimityValues(unanimityGame(players, a))).shapley;
        const vb = enumerate(unanimityValues(unanimityGame(players, b))).shapley;
        close(sum, va.map((x, i) => x + vb[i]!));
      }),
      { numRuns: 60 },
    );
  });
});

describe('enumeration in chunks', () => {
  it('a game of 22 players (4 chunks of 2^20) gives the closed form', () => {
    // Terms chosen so that players past the 20 low ones matter: {0, 21} 10, {20, 21} 6, {3} −2,
    // {1, 2, 20} 9. φ_0 = 5, φ_21 = 5 + 3 = 8, φ_20 = 3 + 3 = 6, φ_3 = −2, φ_1 = φ_2 = 3.
    const game = unanimityGame(22, [
      { members: [0, 21], worth: 10 },
      { members: [20, 21], worth: 6 },
      { members: [3], worth: -2 },
      { members: [1, 2, 20], worth: 9 },
    ]);
    const { shapley, grand } = enumerate(unanimityValues(game));
    expect(grand).toBeCloseTo(23, 9);
    expect(shapley[0]).toBeCloseTo(5, 9);
    expect(shapley[21]).toBeCloseTo(8, 9);
    expect(shapley[20]).toBeCloseTo(6, 9);
    expect(shapley[3]).toBeCloseTo(-2, 9);
    expect(shapley[1]).toBeCloseTo(3, 9);
    expect(shapley[5]).toBeCloseTo(0, 9);
  });
});

describe('the core', () => {
  // Two firms (0, 1) create 12 together, 0 alone 4, 1 alone nothing; a third party (2) joins
  // 0 and 1 for 6 more: v = 4·u{0} + 8·u{0,1} + 6·u{0,1,2}, v(N) = 18.
  const game = unanimityGame(3, [
    { members: [0], worth: 4 },
    { members: [0, 1], worth: 8 },
    { members: [0, 1, 2], worth: 6 },
  ]);

  it('accepts a split every coalition is content with', () => {
    // (8, 6, 4): {0} gets 8 ≥ 4, {0,1} 14 ≥ 12, others ≥ 0.
    const verdict = coreByEnumeration(game, [8, 6, 4]);
    expect(verdict.inCore).toBe(true);
    expect(verdict.exhaustive).toBe(true);
  });

  it('names the coalition that would leave a split and by how much', () => {
    // (2, 2, 14): {0,1} creates 12 on its own and gets 4: short by 8, the largest excess.
    const verdict = coreByEnumeration(game, [2, 2, 14]);
    expect(verdict.inCore).toBe(false);
    expect(verdict.coalition).toEqual([0, 1]);
    expect(verdict.value).toBeCloseTo(12, 12);
    expect(verdict.paid).toBeCloseTo(4, 12);
    expect(verdict.excess).toBeCloseTo(8, 12);
    // The search over likely coalitions finds the same one ({0,1} is a term's members).
    expect(coreBySearch(game, [2, 2, 14])).toMatchObject({ inCore: false, coalition: [0, 1], exhaustive: false });
  });

  it('drops the terms of a player taken out', () => {
    const { game: rest, kept } = withoutPlayers(game, new Set([2]));
    expect(kept).toEqual([0, 1]);
    expect(grandValue(rest)).toBeCloseTo(12, 12);
  });
});

describe('sampled orders', () => {
  const game = unanimityGame(6, [
    { members: [0, 1], worth: 30 },
    { members: [1, 2, 3], worth: -12 },
    { members: [4], worth: 5 },
    { members: [0, 3, 4, 5], worth: 20 },
  ]);
  const exact = shapleyOfTerms(game);

  it('is the same for the same seed and stays within its bound', () => {
    const options = { seed: 7, error: 0.5, bound: 'hoeffding' as const, ranges: marginalRanges(game) };
    const a = sampledShapley(unanimityCoalitions(game), options);
    const b = sampledShapley(unanimityCoalitions(game), options);
    expect(Array.from(a.shapley)).toEqual(Array.from(b.shapley));
    expect(a.reached).toBe(true);
    expect(a.bound).toBeLessThanOrEqual(0.5);
    // At 95 % for all six at once; with this seed every estimate is inside its own bound.
    exact.forEach((x, i) => expect(Math.abs(a.shapley[i]! - x)).toBeLessThanOrEqual(a.bounds[i]!));
  });

  it('the empirical-variance bound stops earlier than Hoeffding on the same game', () => {
    const hoeffding = sampledShapley(unanimityCoalitions(game), { seed: 3, error: 0.5, bound: 'hoeffding', ranges: marginalRanges(game) });
    const variance = sampledShapley(unanimityCoalitions(game), { seed: 3, error: 0.5, bound: 'variance' });
    expect(variance.orders).toBeLessThan(hoeffding.orders);
    exact.forEach((x, i) => expect(Math.abs(variance.shapley[i]! - x)).toBeLessThanOrEqual(3 * variance.bounds[i]!));
  });

  it('walks a game given by a function the same way (the airport game)', () => {
    const costs = [8, 11, 13, 18];
    const value = (mask: number) => Math.max(0, ...membersOf(mask, 4).map((i) => costs[i]!));
    const run = sampledShapley(functionCoalitions(4, value), { seed: 1, error: 0.05, bound: 'hoeffding', ranges: [18, 18, 18, 18] });
    [2, 3, 4, 9].forEach((x, i) => expect(Math.abs(run.shapley[i]! - x)).toBeLessThanOrEqual(run.bounds[i]!));
  });

  it('uses the normal quantile of the tables: z(0.975) = 1.959964, z(0.995) = 2.575829', () => {
    // scipy.stats.norm.ppf(0.975) = 1.959963984540054, norm.ppf(0.995) = 2.5758293035489004
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });
});
