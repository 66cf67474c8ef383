/**
 * The sharing game of issue 16 on hand-derived ecosystems (every figure worked out in the
 * comments from the model's own numbers) and on every library model (v(every actor) is the value
 * created that summary reports, and the values add up to it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capturedAmong, ecosystemGame, fairShare, valueSharing } from '../src/analyses/index.js';
import { coalitionValue, grandValue } from '../src/stats/index.js';
import { loadEcosystem } from '../src/engine/link/index.js';
import { BAKERY_MODEL } from './bakery-model.js';
import { FEE_MODEL, PERIODS_MODEL } from './game-models.js';
import { ecosystemOf } from './helpers.js';

const byActor = <T extends { actor: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.actor, r]));

describe('the bakery of the hand-worked tests as a game', () => {
  // Households (H, a segment of 200) buy 4 loaves a month each, 800 in all; a quarter are
  // ordered through the app (A). Each loaf is worth 3 to households and costs the bakery (B)
  // 0.80; B's fixed costs are 1 000 a month, A's 15. Over 6 months:
  // - the no-app branch, 600 loaves a month, needs {H, B}: 6 × 600 × (3 − 0.8) = 7 920;
  // - the app branch, 200 a month, needs {H, B, A}: 6 × 200 × (3 − 0.8) = 2 640;
  // - B alone: −6 000; A alone: −90. v(N) = 7 920 + 2 640 − 6 000 − 90 = 4 470 (summary's figure).
  const ecosystem = ecosystemOf(BAKERY_MODEL);
  const players = ['households', 'bakery', 'app'];
  const { game } = ecosystemGame(ecosystem);
  const v = (...members: string[]) => coalitionValue(game, (i) => members.includes(players[i]!));

  it('says what each captures when the app is gone: its branch is lost, not moved', () => {
    // Without the app, households buy 600 loaves a month: 6 × 600 × (3 − 2.5) = 1 800; the bakery
    // sells them: 6 × (600 × (2.5 − 0.8) − 1 000) = 120.
    const built = ecosystemGame(ecosystem);
    const captured = capturedAmong(built, [true, true, false]);
    expect(captured[0]).toBeCloseTo(1800, 6);
    expect(captured[1]).toBeCloseTo(120, 6);
    expect(captured[2]).toBe(0);
  });

  it('values the coalitions', () => {
    expect(v('households', 'bakery', 'app')).toBeCloseTo(4470, 6);
    expect(v('households', 'bakery')).toBeCloseTo(7920 - 6000, 6); // the app branch is lost, not moved
    expect(v('bakery')).toBeCloseTo(-6000, 6);
    expect(v('households')).toBe(0);
    expect(v('bakery', 'app')).toBeCloseTo(-6090, 6);
  });

  it('shares it: Shapley, Banzhaf and the gaps', () => {
    // Shapley: H = 7 920/2 + 2 640/3 = 4 840; B = 3 960 + 880 − 6 000 = −1 160; A = 880 − 90 = 790.
    // Banzhaf: a term of k members gives each worth / 2^(k−1): H = 3 960 + 660 = 4 620,
    // B = 3 960 + 660 − 6 000 = −1 380, A = 660 − 90 = 570.
    // Captured (hand-worked tests): H 2 400, B 2 040, A 30; gaps 2 400 − 4 840 = −2 440,
    // 2 040 + 1 160 = 3 200, 30 − 790 = −760.
    const result = byActor(fairShare(ecosystem).actors);
    expect(result.households!.shapley).toBeCloseTo(4840, 6);
    expect(result.bakery!.shapley).toBeCloseTo(-1160, 6);
    expect(result.app!.shapley).toBeCloseTo(790, 6);
    expect(result.households!.banzhaf).toBeCloseTo(4620, 6);
    expect(result.bakery!.banzhaf).toBeCloseTo(-1380, 6);
    expect(result.app!.banzhaf).toBeCloseTo(570, 6);
    expect(result.households!.gap).toBeCloseTo(-2440, 6);
    expect(result.bakery!.gap).toBeCloseTo(3200, 6);
    expect(result.app!.gap).toBeCloseTo(-760, 6);
    expect(result.app!.alone).toBeCloseTo(-90, 6);
  });

  it('finds the split in the core, the app alone closest to leaving', () => {
    // Excesses v(S) − x(S): {H} −2 400, {B} −8 040, {A} −90 − 30 = −120, {H,B} 1 920 − 4 440 =
    // −2 520, {H,A} −2 520, {B,A} −8 160: none positive, the largest {A}'s −120.
    const { core } = fairShare(ecosystem);
    expect(core).toMatchObject({ coalitions: 'every', inCore: true, coalition: ['app'] });
    expect(core.excess).toBeCloseTo(-120, 6);
  });

  it('reads the concentration of 2 400, 2 040 and 30 captured', () => {
    // Shares of 4 470: 53.691 %, 45.638 %, 0.671 %: HHI = 2 882.8 + 2 082.8 + 0.45 ≈ 4 966.
    const { concentration } = valueSharing(ecosystem);
    const shares = [2400, 2040, 30].map((x) => (100 * x) / 4470);
    expect(concentration.hhi).toBeCloseTo(shares.reduce((a, s) => a + s * s, 0), 6);
    expect(concentration.hhi).toBeCloseTo(4966, 0);
    expect(concentration.hhiReading).toBe('high');
    // Gini: Σ|xi − xj| over ordered pairs = 2 (360 + 2 370 + 2 010) = 9 480, over 2 · 3 · 4 470.
    expect(concentration.gini).toBeCloseTo(9480 / (2 * 3 * 4470), 9);
  });
});

describe('a platform whose fee pushes buyers and sellers out of the core', () => {
  // 10 purchases a period, one period: half direct ({buyers, seller}), half through the
  // platform ({buyers, seller, platform}), each purchase worth 10 to the buyer. Price 6; the
  // platform takes 12 from the seller per sale it handles.
  // Captured: buyers 10 × (10 − 6) = 40; seller 10 × 6 − 5 × 12 = 0; platform 5 × 12 = 60.
  // v({buyers, seller}) = 5 × 10 = 50 > 40 + 0: that coalition blocks the split, by 10.
  // Shapley: the direct term 50 to two, the platform term 50 to three: 25 + 16.67 to buyers
  // and seller each, 16.67 to the platform, which captures 43.33 more than that.
  const ecosystem = ecosystemOf(FEE_MODEL);

  it('names the blocking coalition and by how much', () => {
    const result = fairShare(ecosystem);
    expect(result.valueCreated).toBeCloseTo(100, 9);
    expect(result.core).toMatchObject({ coalitions: 'every', inCore: false, coalition: ['buyers', 'seller'] });
    expect(result.core.value).toBeCloseTo(50, 9);
    expect(result.core.captured).toBeCloseTo(40, 9);
    expect(result.core.excess).toBeCloseTo(10, 9);
    const actors = byActor(result.actors);
    expect(actors.platform!.shapley).toBeCloseTo(50 / 3, 9);
    expect(actors.platform!.gap).toBeCloseTo(60 - 50 / 3, 9);
    expect(actors.buyers!.shapley).toBeCloseTo(25 + 50 / 3, 9);
  });
});

describe('who a path needs, period by period', () => {
  // One path, two periods. use: B gives A a service worth 10 and ads worth −3 (a negative
  // valuation counts with its sign), A gives B data; help (counted only in period 1): C helps B
  // (worth 4 to B) for 2. D bears a variable cost of 1 per use, without a transfer of its own.
  // Period 1: 10 − 3 + 4 − 1 = 10, needs {A, B, C, D}; period 2: help counts zero, so C is not
  // needed: 10 − 3 − 1 = 6, needs {A, B, D}.
  // Shapley: A = B = D = 10/4 + 6/3 = 4.5, C = 2.5 (sum 16 = v(N)).
  // Captured: A 2 × 7 = 14, B 4 − 2 = 2, C 2, D −2 (sum 16). D alone creates 0 and captures −2:
  // {D} blocks the split by 2 (it would rather leave).
  const text = PERIODS_MODEL;
  const ecosystem = ecosystemOf(text);

  it('makes one term per set of actors needed', () => {
    const { game, actors } = ecosystemGame(ecosystem);
    expect(actors).toEqual(['a', 'b', 'c', 'd']);
    const terms = Array.from(game.worth, (w, k) => ({ members: Array.from(game.members.subarray(game.start[k]!, game.start[k + 1]!)), worth: w }));
    expect(terms).toEqual([
      { members: [0, 1, 2, 3], worth: 10 },
      { members: [0, 1, 3], worth: 6 },
    ]);
  });

  it('shares it and finds the actor that would leave', () => {
    const result = fairShare(ecosystem);
    const actors = byActor(result.actors);
    expect(actors.a!.shapley).toBeCloseTo(4.5, 12);
    expect(actors.c!.shapley).toBeCloseTo(2.5, 12);
    expect(actors.d!.shapley).toBeCloseTo(4.5, 12);
    expect(actors.a!.captured).toBeCloseTo(14, 12);
    expect(actors.d!.captured).toBeCloseTo(-2, 12);
    expect(result.core).toMatchObject({ inCore: false, coalition: ['d'] });
    expect(result.core.excess).toBeCloseTo(2, 12);
  });

  it('discounts with npv: period 1 by 1.1, period 2 by 1.21 at 10 % a year', () => {
    // Terms 10 / 1.1 = 9.0909 and 6 / 1.21 = 4.9587; A's Shapley value 9.0909/4 + 4.9587/3.
    const { game } = ecosystemGame(ecosystem, { npv: true });
    expect(Array.from(game.worth)).toEqual([expect.closeTo(10 / 1.1, 12), expect.closeTo(6 / 1.21, 12)]);
    const result = fairShare(ecosystem, { npv: true });
    expect(result.scale).toBe('npv');
    expect(byActor(result.actors).a!.shapley).toBeCloseTo(10 / 1.1 / 4 + 6 / 1.21 / 3, 12);
    // A captures 7 a year: 7/1.1 + 7/1.21.
    expect(byActor(result.actors).a!.captured).toBeCloseTo(7 / 1.1 + 7 / 1.21, 12);
  });
});

describe('every library model', () => {
  const ids = readdirSync('library').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  for (const id of ids) {
    it(`${id}: v(every actor) is summary's value created, and the values and captured values add up to it`, () => {
      const { ecosystem } = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);
      expect(ecosystem).toBeDefined();
      for (const npv of [false, true]) {
        const sharing = valueSharing(ecosystem!, { npv });
        const { game, leftOut } = ecosystemGame(ecosystem!, { npv });
        expect(leftOut).toEqual([]);
        const scale = 1e-9 * Math.max(1, Math.abs(sharing.valueCreated), sharing.totals.costs);
        expect(Math.abs(grandValue(game) - sharing.valueCreated)).toBeLessThan(scale);
        const result = fairShare(ecosystem!, { npv });
        expect(Math.abs(result.actors.reduce((a, r) => a + r.shapley, 0) - sharing.valueCreated)).toBeLessThan(scale);
        expect(Math.abs(result.actors.reduce((a, r) => a + r.captured, 0) - sharing.valueCreated)).toBeLessThan(scale);
        expect(result.core.coalitions).toBe('every');
        // What each captures with everyone kept, from the needed sets: valueSharing's totals.
        const built = ecosystemGame(ecosystem!, { npv });
        const captured = capturedAmong(built, built.actors.map(() => true));
        sharing.actors.forEach((a, i) => expect(Math.abs(captured[i]! - a.total), a.actor).toBeLessThan(scale));
      }
    });
  }
});
