/**
 * The cooperative game of an ecosystem (issue 16): the players are its actors (a segment is one
 * player), and v(S), what a coalition S creates on its own, adds up:
 *
 * - for every scenario path whose needed actors are all in S, the worth of the non-money objects
 *   received along it less the variable costs it causes (money between members cancels);
 * - less the fixed and one-off costs of every member of S.
 *
 * A path needs, period by period, the actors at both ends of every transfer that occurs on it in
 * that period (a step counted zero that period needs nobody), its start actor, and every actor
 * whose variable cost is charged on one of its transactions; each of them can veto it, so a path
 * is a unanimity game over them (the e3value reading of dependency paths). A path that needs an
 * actor outside S does not happen; its occurrences are lost, not moved to another branch.
 *
 * The game is therefore a sum of unanimity terms, one per distinct set of needed actors, worth
 * what its paths create over the horizon (discounted with `npv`), plus one term per actor for
 * its own costs: every coalition's value is a masked sum over these terms, never a new
 * quantification, and v(everyone) is summary's value created. Financing money cancels like any
 * money; a valued object received through a financing transaction (shares) counts as summary
 * counts it. Dynamics are taken from the full run: the game is static over that trajectory.
 */
import type { Ecosystem } from '../core/index.js';
import { annualDiscountRate } from '../core/index.js';
import { unanimityGame, type Term, type UnanimityGame } from '../stats/index.js';
import { periodRate } from './profitability.js';

export interface GameOptions {
  /** Discounted at the model's rate, as NPV is (period 0 undiscounted); default the undiscounted total. */
  npv?: boolean;
}

export interface EcosystemGame {
  /** The players: actor ids in the document's order (player i is actors[i]). */
  actors: string[];
  game: UnanimityGame;
  scale: 'total' | 'npv';
  /** Scenarios with too many paths to list (a warning when loading): left out of the game. */
  leftOut: string[];
}

/** The discount factor of each period 0..horizon (all 1 without `npv`). */
export function periodFactors(ecosystem: Ecosystem, npv: boolean): Float64Array {
  const { doc } = ecosystem;
  const factors = new Float64Array(doc.horizon + 1).fill(1);
  if (!npv) return factors;
  const rate = periodRate(annualDiscountRate(doc.discountRate), doc.period);
  for (let p = 0; p <= doc.horizon; p++) factors[p] = 1 / (1 + rate) ** p;
  return factors;
}

export function ecosystemGame(ecosystem: Ecosystem, options: GameOptions = {}): EcosystemGame {
  const actors = Object.keys(ecosystem.doc.actors);
  const player = new Map(actors.map((id, i) => [id, i]));
  const factors = periodFactors(ecosystem, options.npv === true);
  const terms: Term[] = [...pathTerms(ecosystem, player, factors), ...costTerms(ecosystem, player, factors)];
  const listed = new Set(ecosystem.paths.paths.map((p) => p.scenario));
  return {
    actors,
    game: unanimityGame(actors.length, terms),
    scale: options.npv ? 'npv' : 'total',
    leftOut: Object.keys(ecosystem.doc.scenarios ?? {}).filter((id) => !listed.has(id)),
  };
}

/** One term per path and set of actors it needs in some period: what the path creates in those periods. */
function* pathTerms(ecosystem: Ecosystem, player: ReadonlyMap<string, number>, factors: Float64Array): Generator<Term> {
  const { paths, width, occurrences, value, variableCosts } = ecosystem.paths;
  for (const path of paths) {
    // Who each of the path's transactions needs: both ends of its transfers, whoever bears a cost on it.
    const needs = new Map<number, Set<number>>();
    const rowOf = new Map(path.transactions.map((t) => [t.transaction, t.row]));
    const need = (row: number, actor: string) => {
      let set = needs.get(row);
      if (!set) needs.set(row, (set = new Set()));
      set.add(player.get(actor)!);
    };
    for (const flow of path.flows) {
      const row = rowOf.get(flow.transaction)!;
      need(row, flow.from);
      need(row, flow.to);
    }
    for (const cost of path.variableCosts) need(rowOf.get(cost.transaction)!, cost.actor);
    const byNeeds = new Map<string, Term>();
    for (let t = 1; t < width; t++) {
      let created = 0;
      for (const flow of path.flows) if (flow.nature !== 'money') created += value[flow.row * width + t]!;
      for (const cost of path.variableCosts) created -= variableCosts[cost.row * width + t]!;
      if (created === 0) continue;
      const members = new Set([player.get(path.actor)!]);
      for (const { row } of path.transactions) {
        if (occurrences[row * width + t] !== 0) for (const a of needs.get(row) ?? []) members.add(a);
      }
      const list = [...members].sort((a, b) => a - b);
      const key = list.join(',');
      const term = byNeeds.get(key);
      if (term) term.worth += created * factors[t]!;
      else byNeeds.set(key, { members: list, worth: created * factors[t]! });
    }
    yield* byNeeds.values();
  }
}

/** One term per actor with fixed or one-off costs: minus those costs, which only it needs. */
function* costTerms(ecosystem: Ecosystem, player: ReadonlyMap<string, number>, factors: Float64Array): Generator<Term> {
  const { rows, row, period, amount } = ecosystem.ledger.costs;
  const byActor = new Map<number, number>();
  for (let i = 0; i < row.length; i++) {
    const cost = rows[row[i]!]!;
    if (cost.kind === 'variable') continue; // on the paths, where they are caused
    const a = player.get(cost.actor)!;
    byActor.set(a, (byActor.get(a) ?? 0) - amount[i]! * factors[period[i]!]!);
  }
  for (const [a, worth] of byActor) yield { members: [a], worth };
}
