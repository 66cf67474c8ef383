/**
 * The value of data (issue 16, item 5), on the sharing game's needed sets:
 *
 * - each data flow (a transfer of a data object) stopped: the transaction carrying it cannot
 *   happen (a transaction's transfers happen together or not at all), so the paths it is on are
 *   lost in the periods it occurs; then the actors who now capture less than nothing (and did not
 *   before) leave, round after round, and their paths with them (what cascades);
 * - a fair split of the data-dependent value among the data sources: the players are the actors
 *   that are the source of some data flow, and a coalition T is worth v(every actor) with only
 *   T's data flows kept, less v with none (the value that depends on no data is nobody's to
 *   share). Each needed set then needs the sources of the data flows on it: a unanimity game
 *   again, shared in closed form.
 */
import type { Ecosystem } from '../core/index.js';
import { banzhafOfTerms, shapleyOfTerms, unanimityGame, type Term } from '../stats/index.js';
import { collapse } from './checks.js';
import { capturedAmong, ecosystemGame, type DataFlow } from './game.js';

export interface DataFlowValue extends DataFlow {
  /** The value of the paths it is on: what is lost at once when it stops. */
  direct: number;
  /** The value left once the actors left losing have gone too, and who they are, round by round. */
  valueAfter: number;
  lost: number;
  collapsed: string[];
}

export interface DataSourceShare {
  actor: string;
  shapley: number;
  /** Of the data-dependent value, when it is not zero. */
  share: number | undefined;
  banzhaf: number;
}

export interface DataValue {
  currency: string;
  scale: 'total' | 'npv';
  valueCreated: number;
  /** v(every actor) − v(every actor, no data flow kept). */
  dataDependent: number;
  /** Every data flow, the one whose loss costs most first. */
  flows: DataFlowValue[];
  sources: DataSourceShare[];
}

export function dataValue(ecosystem: Ecosystem, options: { npv?: boolean } = {}): DataValue {
  const built = ecosystemGame(ecosystem, options);
  const everyone = built.actors.map(() => true);
  const before = capturedAmong(built, everyone);
  const valueCreated = before.reduce((a, b) => a + b, 0);
  const tolerance = 1e-9 * (1 + Math.abs(valueCreated) + built.ownCosts.reduce((a, b) => a + b, 0));
  const flows = built.dataFlows.map((flow, f): DataFlowValue => {
    const happens = (set: { dataFlows: number[] }) => !set.dataFlows.includes(f);
    const direct = built.needed.reduce((a, set) => a + (happens(set) ? 0 : set.worth), 0);
    // Only those pushed below zero by the stop leave: those already there are the sharing's own finding.
    const result = collapse(built, capturedAmong(built, everyone, happens), happens, (captured, a) => captured < -tolerance && before[a]! >= -tolerance);
    return { ...flow, direct, valueAfter: result.valueAfter, lost: valueCreated - result.valueAfter, collapsed: result.rounds.flat().map((r) => r.actor) };
  });
  flows.sort((a, b) => b.lost - a.lost);
  // The data sources' game: each needed set needs the sources of its data flows.
  const sources = [...new Set(built.dataFlows.map((f) => f.from))];
  const number = new Map(sources.map((actor, i) => [actor, i]));
  const terms: Term[] = [];
  for (const set of built.needed) {
    const members = [...new Set(set.dataFlows.map((f) => number.get(built.dataFlows[f]!.from)!))];
    if (members.length > 0) terms.push({ members, worth: set.worth });
  }
  const game = unanimityGame(sources.length, terms);
  const dataDependent = terms.reduce((a, t) => a + t.worth, 0);
  const shapley = shapleyOfTerms(game);
  const banzhaf = banzhafOfTerms(game);
  return {
    currency: ecosystem.doc.currency,
    scale: options.npv ? 'npv' : 'total',
    valueCreated,
    dataDependent,
    flows,
    sources: sources.map((actor, i) => ({ actor, shapley: shapley[i]!, share: Math.abs(dataDependent) > tolerance ? shapley[i]! / dataDependent : undefined, banzhaf: banzhaf[i]! })),
  };
}
