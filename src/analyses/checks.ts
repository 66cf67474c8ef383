/**
 * Sustainability checks (issue 16, item 3): what in a sharing makes an ecosystem fragile, each
 * finding a code, a severity and the figures behind it (the words are made in src/i18n).
 *
 * - negative-net-value: an actor capturing less than nothing will leave. The game is played again
 *   without it (its paths gone, their occurrences lost), and again, until nobody else falls below
 *   zero: `collapse` says what fell with it and how much value is left (an error when more than
 *   `failureShare` of the value is gone).
 * - data-nothing-back: personal data given by an individual or a segment of people on a path along
 *   which it receives nothing valued (neither money nor an object it values above zero). A segment
 *   whose members are organisations (`members: organisations`: data providers, banks) passes on
 *   its customers' data: it is not the person the data is about.
 * - capture: an actor capturing more than `maxShare` of the value created, or more than its
 *   Shapley value by over `maxGap` of the value created.
 * - single-point-of-failure: an actor without which more than `failureShare` of the value is gone.
 * - subsidised-side: a side a platform serves that pays it less than the variable costs of
 *   serving it (or is paid by it), while another side pays more than its own. A cost charged on a
 *   transaction with several served sides is split evenly among them.
 */
import { membersOf, type Actor, type Ecosystem } from '../core/index.js';
import { fairShareInput, fairShare, type FairShare } from './fair-share.js';
import { capturedAmong, periodFactors, type EcosystemGame, type NeededSet } from './game.js';

export type Severity = 'info' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export interface CheckOptions {
  npv?: boolean;
  /** Default 0.5: more than half the value created. */
  maxShare?: number;
  /** Default 0.25 of the value created above the Shapley value. */
  maxGap?: number;
  /** Default 0.5: more than half the value gone. */
  failureShare?: number;
}

export type Finding =
  | { code: 'negative-net-value'; severity: Severity; actor: string; captured: number }
  | { code: 'collapse'; severity: Severity; rounds: Array<Array<{ actor: string; captured: number }>>; collapsed: string[]; valueBefore: number; valueAfter: number; lost: number }
  | { code: 'data-nothing-back'; severity: Severity; actor: string; object: string; transaction: string; scenario: string; units: number; elsewhere: number }
  | { code: 'capture-share'; severity: Severity; actor: string; captured: number; share: number; limit: number }
  | { code: 'capture-gap'; severity: Severity; actor: string; captured: number; shapley: number; gap: number; limit: number }
  | { code: 'single-point-of-failure'; severity: Severity; actor: string; valueWithout: number; lost: number; share: number }
  | { code: 'subsidised-side'; severity: Severity; platform: string; actor: string; paid: number; costs: number; by: Array<{ actor: string; paid: number; costs: number }> };

export type CheckName = 'negative-net-value' | 'data-nothing-back' | 'capture' | 'single-point-of-failure' | 'subsidised-side';
export const CHECKS: readonly CheckName[] = ['negative-net-value', 'data-nothing-back', 'capture', 'single-point-of-failure', 'subsidised-side'];

export interface CheckResult {
  check: CheckName;
  passed: boolean;
  findings: Finding[];
}

export interface SustainabilityChecks {
  currency: string;
  scale: 'total' | 'npv';
  valueCreated: number;
  options: Required<Omit<CheckOptions, 'npv'>>;
  checks: CheckResult[];
}

export function sustainabilityChecks(ecosystem: Ecosystem, options: CheckOptions = {}, shares?: FairShare): SustainabilityChecks {
  const limits = { maxShare: options.maxShare ?? 0.5, maxGap: options.maxGap ?? 0.25, failureShare: options.failureShare ?? 0.5 };
  const npv = options.npv === true;
  const input = fairShareInput(ecosystem, { npv });
  const result = shares ?? fairShare(ecosystem, { npv, input });
  const built = input.game;
  const tolerance = 1e-9 * (1 + Math.abs(result.valueCreated) + built.ownCosts.reduce((a, b) => a + b, 0));
  const found: Record<CheckName, Finding[]> = {
    'negative-net-value': leaving(built, input.split, result.valueCreated, limits.failureShare, tolerance),
    'data-nothing-back': dataNothingBack(ecosystem, npv),
    capture: capture(result, limits, tolerance),
    'single-point-of-failure': singlePoints(built, result.valueCreated, limits.failureShare),
    'subsidised-side': subsidisedSides(ecosystem, npv, tolerance),
  };
  return {
    currency: result.currency,
    scale: result.scale,
    valueCreated: result.valueCreated,
    options: limits,
    checks: CHECKS.map((check) => ({ check, passed: found[check].length === 0, findings: found[check] })),
  };
}

/** Whether some finding is at `threshold` or above. */
export function failsAt(checks: SustainabilityChecks, threshold: Severity): boolean {
  const at = SEVERITIES.indexOf(threshold);
  return checks.checks.some((c) => c.findings.some((f) => SEVERITIES.indexOf(f.severity) >= at));
}

/** The actors below zero, and what falls with them, round after round. */
function leaving(built: EcosystemGame, split: Float64Array, value: number, failureShare: number, tolerance: number): Finding[] {
  const { rounds, valueAfter } = collapse(built, split, () => true, (captured) => captured < -tolerance);
  if (rounds.length === 0) return [];
  const findings: Finding[] = rounds[0]!.map(({ actor, captured }) => ({ code: 'negative-net-value', severity: 'warning', actor, captured }));
  const lost = value - valueAfter;
  const severe = value > 0 && lost > failureShare * value;
  findings.push({ code: 'collapse', severity: severe ? 'error' : 'warning', rounds, collapsed: rounds.slice(1).flat().map((r) => r.actor), valueBefore: value, valueAfter, lost });
  return findings;
}

export interface Collapse {
  /** The actors leaving in each round, with what they captured when they left. */
  rounds: Array<Array<{ actor: string; captured: number }>>;
  /** Who is left, and the value they create. */
  kept: boolean[];
  valueAfter: number;
}

/**
 * The game played again and again: every actor for whom `leaves(captured, actor)` holds leaves,
 * the paths it was needed on are gone (and those `happens` rules out), until nobody else leaves.
 */
export function collapse(built: EcosystemGame, captured: ArrayLike<number>, happens: (set: NeededSet) => boolean, leaves: (captured: number, actor: number) => boolean): Collapse {
  const kept = built.actors.map(() => true);
  const rounds: Collapse['rounds'] = [];
  let now = captured;
  for (;;) {
    const out = built.actors.flatMap((actor, a) => (kept[a] && leaves(now[a]!, a) ? [{ actor, captured: now[a]!, a }] : []));
    if (out.length === 0) break;
    rounds.push(out.map(({ actor, captured }) => ({ actor, captured })));
    for (const { a } of out) kept[a] = false;
    now = capturedAmong(built, kept, happens);
  }
  let valueAfter = 0;
  for (let a = 0; a < now.length; a++) valueAfter += now[a]!;
  return { rounds, kept, valueAfter };
}

/** Whether an actor is a person, or a segment of people: the one whose personal data it gives. */
function isPerson(actor: Actor | undefined): boolean {
  return actor?.kind === 'individual' || (actor?.kind === 'segment' && membersOf(actor) === 'people');
}

/** Personal data given along a path by an individual or a segment of people that gets nothing valued back on it. */
function dataNothingBack(ecosystem: Ecosystem, npv: boolean): Finding[] {
  const { doc } = ecosystem;
  const { paths, width, occurrences, money, value } = ecosystem.paths;
  const factors = periodFactors(ecosystem, npv);
  const person = (actor: string) => isPerson(doc.actors[actor]);
  // What each actor receives in all (to say whether it gets something elsewhere).
  const receivedAll = new Map<string, number>();
  const received = (flow: { row: number; nature: string }, t: number) => (flow.nature === 'money' ? money[flow.row * width + t]! : Math.max(0, value[flow.row * width + t]!));
  for (const path of paths) {
    for (const flow of path.flows) for (let t = 1; t < width; t++) receivedAll.set(flow.to, (receivedAll.get(flow.to) ?? 0) + received(flow, t) * factors[t]!);
  }
  const byKey = new Map<string, Extract<Finding, { code: 'data-nothing-back' }> & { back: number }>();
  for (const path of paths) {
    const rowOf = new Map(path.transactions.map((t) => [t.transaction, t.row]));
    for (const flow of path.flows) {
      if (flow.nature !== 'data' || doc.valueObjects[flow.object]?.personal !== true || !person(flow.from)) continue;
      let units = 0;
      let back = 0;
      for (let t = 1; t < width; t++) {
        const given = occurrences[rowOf.get(flow.transaction)! * width + t]!;
        if (given === 0) continue;
        units += given;
        for (const other of path.flows) if (other.to === flow.from) back += received(other, t);
      }
      if (units === 0) continue;
      const key = [flow.from, flow.object, flow.transaction, path.scenario].join('\u0000');
      const entry = byKey.get(key) ?? { code: 'data-nothing-back', severity: 'warning', actor: flow.from, object: flow.object, transaction: flow.transaction, scenario: path.scenario, units: 0, elsewhere: 0, back: 0 };
      entry.units += units;
      entry.back += back;
      byKey.set(key, entry);
    }
  }
  // A flow is flagged when, on every path it takes, nothing valued comes back.
  return [...byKey.values()].filter((e) => e.back === 0).map(({ back: _back, ...finding }) => ({ ...finding, elsewhere: receivedAll.get(finding.actor) ?? 0 }));
}

function capture(result: FairShare, limits: { maxShare: number; maxGap: number }, tolerance: number): Finding[] {
  const findings: Finding[] = [];
  const value = result.valueCreated;
  for (const a of result.actors) {
    if (value > tolerance && a.captured / value > limits.maxShare) findings.push({ code: 'capture-share', severity: 'warning', actor: a.actor, captured: a.captured, share: a.captured / value, limit: limits.maxShare });
    if (Math.abs(value) > tolerance && a.gap > limits.maxGap * Math.abs(value)) findings.push({ code: 'capture-gap', severity: 'warning', actor: a.actor, captured: a.captured, shapley: a.shapley, gap: a.gap, limit: limits.maxGap });
  }
  return findings;
}

/** v(everyone but a) = v(everyone) less every term a belongs to (its paths, and its own costs). */
function singlePoints(built: EcosystemGame, value: number, failureShare: number): Finding[] {
  if (!(value > 0)) return [];
  const { game, actors } = built;
  const touching = new Float64Array(actors.length);
  for (let k = 0; k < game.worth.length; k++) for (let j = game.start[k]!; j < game.start[k + 1]!; j++) touching[game.members[j]!]! += game.worth[k]!;
  return actors
    .map((actor, a) => ({ actor, lost: touching[a]! }))
    .filter((x) => x.lost > failureShare * value)
    .sort((x, y) => y.lost - x.lost)
    .map(({ actor, lost }) => ({ code: 'single-point-of-failure', severity: 'info', actor, valueWithout: value - lost, lost, share: lost / value }));
}

/** Each platform's served sides: what each pays it net, against the variable costs of serving it. */
function subsidisedSides(ecosystem: Ecosystem, npv: boolean, tolerance: number): Finding[] {
  const { doc, ledger } = ecosystem;
  const factors = periodFactors(ecosystem, npv);
  const findings: Finding[] = [];
  const { lines, money } = ledger.flows;
  for (const [platform, record] of Object.entries(doc.actors)) {
    if (record.kind !== 'platform') continue;
    // The sides of each transaction: actors the platform gives something other than money to.
    const sidesOf = new Map<string, Set<string>>();
    for (const line of lines) {
      if (line.from === platform && line.to !== platform && line.nature !== 'money') {
        let set = sidesOf.get(line.transaction);
        if (!set) sidesOf.set(line.transaction, (set = new Set()));
        set.add(line.to);
      }
    }
    const paid = new Map<string, number>();
    const costs = new Map<string, number>();
    lines.forEach((line, l) => {
      if (line.nature !== 'money' || doc.transactions[line.transaction]?.financing) return;
      const sides = sidesOf.get(line.transaction);
      const side = line.to === platform ? line.from : line.from === platform ? line.to : undefined;
      if (!sides || side === undefined || !sides.has(side)) return;
      let total = 0;
      for (let p = 1; p <= ledger.horizon; p++) total += money[(p - 1) * lines.length + l]! * factors[p]!;
      paid.set(side, (paid.get(side) ?? 0) + (line.to === platform ? total : -total));
    });
    const { rows, row, period, amount } = ledger.costs;
    for (let i = 0; i < row.length; i++) {
      const cost = rows[row[i]!]!;
      if (cost.actor !== platform || cost.kind !== 'variable') continue;
      const per = doc.actors[platform]?.costs?.[cost.index]?.per;
      const sides = per === undefined ? undefined : sidesOf.get(per);
      if (!sides || sides.size === 0) continue;
      for (const side of sides) costs.set(side, (costs.get(side) ?? 0) + (amount[i]! * factors[period[i]!]!) / sides.size);
    }
    const sides = [...new Set([...paid.keys(), ...costs.keys()])].map((actor) => ({ actor, paid: paid.get(actor) ?? 0, costs: costs.get(actor) ?? 0 }));
    const margin = (s: { paid: number; costs: number }) => s.paid - s.costs;
    const payers = sides.filter((s) => margin(s) > tolerance);
    for (const side of sides.filter((s) => margin(s) < -tolerance)) {
      if (payers.length > 0) findings.push({ code: 'subsidised-side', severity: 'info', platform, actor: side.actor, paid: side.paid, costs: side.costs, by: payers });
    }
  }
  return findings;
}
