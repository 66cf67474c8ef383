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

/** What the paths needing one set of actors create, and what each of those actors captures of it. */
export interface NeededSet {
  /** Player numbers, in increasing order. */
  members: number[];
  worth: number;
  /** What members[j] captures on those paths: money in − money out (financing aside) + worth received − variable costs. */
  captured: number[];
  /** The data flows occurring on those paths (positions in EcosystemGame.dataFlows), in increasing order. */
  dataFlows: number[];
}

/** A transfer of a data object: one data flow, whichever paths it is on. */
export interface DataFlow {
  transaction: string;
  /** Position of the transfer in its transaction. */
  transfer: number;
  from: string;
  to: string;
  object: string;
  personal: boolean;
}

export interface EcosystemGame {
  /** The players: actor ids in the document's order (player i is actors[i]). */
  actors: string[];
  game: UnanimityGame;
  /** Every set of actors some path needs, with what it creates and who captures it (money that only moves included). */
  needed: NeededSet[];
  /** Each actor's fixed and one-off costs (a positive amount), discounted with `npv`. */
  ownCosts: Float64Array;
  /** Every data flow some path puts through. */
  dataFlows: DataFlow[];
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
  const dataFlows: DataFlow[] = [];
  const needed = neededSets(ecosystem, player, factors, dataFlows);
  const ownCosts = costsOf(ecosystem, player, factors);
  const terms: Term[] = [...needed, ...Array.from(ownCosts, (cost, a) => ({ members: [a], worth: -cost }))];
  const listed = new Set(ecosystem.paths.paths.map((p) => p.scenario));
  return {
    actors,
    game: unanimityGame(actors.length, terms),
    needed,
    ownCosts,
    dataFlows,
    scale: options.npv ? 'npv' : 'total',
    leftOut: Object.keys(ecosystem.doc.scenarios ?? {}).filter((id) => !listed.has(id)),
  };
}

/**
 * Every set of actors some path needs in some period, with what those paths create in those
 * periods and what each member captures of it: one pass over the paths' figures. Sets are kept
 * apart by the data flows occurring on them too (`dataFlows` is filled with those flows).
 */
function neededSets(ecosystem: Ecosystem, player: ReadonlyMap<string, number>, factors: Float64Array, dataFlows: DataFlow[]): NeededSet[] {
  const { doc } = ecosystem;
  const { paths, width, occurrences, money, value, variableCosts } = ecosystem.paths;
  const financing = (transaction: string) => doc.transactions[transaction]?.financing === true;
  const flowNumber = new Map<string, number>();
  const dataFlowOf = (flow: (typeof paths)[number]['flows'][number]): number => {
    const key = `${flow.transaction}\u0000${flow.transfer}`;
    let n = flowNumber.get(key);
    if (n === undefined) {
      flowNumber.set(key, (n = dataFlows.length));
      dataFlows.push({ transaction: flow.transaction, transfer: flow.transfer, from: flow.from, to: flow.to, object: flow.object, personal: doc.valueObjects[flow.object]?.personal === true });
    }
    return n;
  };
  const sets = new Map<string, { members: number[]; worth: number; captured: Map<number, number>; dataFlows: number[] }>();
  const capturedNow = new Map<number, number>();
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
    // The data flows of each transaction of the path.
    const data = new Map<number, number[]>();
    for (const flow of path.flows) {
      if (flow.nature !== 'data') continue;
      const row = rowOf.get(flow.transaction)!;
      data.set(row, [...(data.get(row) ?? []), dataFlowOf(flow)]);
    }
    const start = player.get(path.actor)!;
    for (let t = 1; t < width; t++) {
      let created = 0;
      let moved = false;
      capturedNow.clear();
      const add = (a: number, x: number) => {
        if (x === 0) return;
        moved = true;
        capturedNow.set(a, (capturedNow.get(a) ?? 0) + x);
      };
      for (const flow of path.flows) {
        const at = flow.row * width + t;
        if (flow.nature === 'money') {
          if (financing(flow.transaction)) continue;
          add(player.get(flow.from)!, -money[at]!);
          add(player.get(flow.to)!, money[at]!);
        } else {
          created += value[at]!;
          add(player.get(flow.to)!, value[at]!);
        }
      }
      for (const cost of path.variableCosts) {
        const x = variableCosts[cost.row * width + t]!;
        created -= x;
        add(player.get(cost.actor)!, -x);
      }
      if (!moved) continue;
      const members = new Set([start]);
      const flows = new Set<number>();
      for (const { row } of path.transactions) {
        if (occurrences[row * width + t] === 0) continue;
        for (const a of needs.get(row) ?? []) members.add(a);
        for (const f of data.get(row) ?? []) flows.add(f);
      }
      const list = [...members].sort((a, b) => a - b);
      const flowList = [...flows].sort((a, b) => a - b);
      const key = `${list.join(',')}|${flowList.join(',')}`;
      let set = sets.get(key);
      if (!set) sets.set(key, (set = { members: list, worth: 0, captured: new Map(), dataFlows: flowList }));
      const factor = factors[t]!;
      set.worth += created * factor;
      for (const [a, x] of capturedNow) set.captured.set(a, (set.captured.get(a) ?? 0) + x * factor);
    }
  }
  return [...sets.values()].map(({ members, worth, captured, dataFlows: flows }) => ({ members, worth, captured: members.map((a) => captured.get(a) ?? 0), dataFlows: flows }));
}

/** Each actor's fixed and one-off costs (variable ones are on the paths, where they are caused). */
function costsOf(ecosystem: Ecosystem, player: ReadonlyMap<string, number>, factors: Float64Array): Float64Array {
  const { rows, row, period, amount } = ecosystem.ledger.costs;
  const out = new Float64Array(player.size);
  for (let i = 0; i < row.length; i++) {
    const cost = rows[row[i]!]!;
    if (cost.kind !== 'variable') out[player.get(cost.actor)!]! += amount[i]! * factors[period[i]!]!;
  }
  return out;
}

/**
 * What each actor captures when only the actors kept take part: the sets of actors all kept,
 * less the kept actors' own costs (an actor not kept captures nothing). With everyone kept, it is
 * valueSharing's total of each actor. `happens` leaves out other sets too (a data flow stopped).
 */
export function capturedAmong(built: EcosystemGame, kept: ArrayLike<boolean>, happens: (set: NeededSet) => boolean = () => true): Float64Array {
  const out = new Float64Array(built.actors.length);
  for (const set of built.needed) {
    if (!set.members.every((a) => kept[a]) || !happens(set)) continue;
    set.members.forEach((a, j) => (out[a]! += set.captured[j]!));
  }
  for (let a = 0; a < out.length; a++) out[a] = kept[a] ? out[a]! - built.ownCosts[a]! : 0;
  return out;
}
