/**
 * Scenario paths: a path is one branch of a scenario from its start stimulus. It takes every AND
 * step and one choice at each OR split (e3value's dependency paths). Its occurrences are the
 * scenario's starts × the fractions of every choice it makes × each step's cardinality, so over
 * all paths of a scenario they add up to the scenario's occurrences (the fractions of a split sum
 * to 1). Each path's figures (occurrences, valued flows, variable costs) come per period, so the
 * value of any coalition of actors is a masked sum over paths, never a new quantification.
 */
import type { Path } from '../issues.js';
import type { Nature } from '../model/index.js';
import type { PreparedCost, PreparedStep, PreparedTransfer } from '../quantify.js';

/** Most paths one scenario may have before its per-path figures are left out (with a warning). */
export const MAX_PATHS_PER_SCENARIO = 10_000;

export interface PathFlow {
  transaction: string;
  /** Position of the transfer in its transaction. */
  transfer: number;
  from: string;
  to: string;
  object: string;
  nature: Nature;
  /** Money moved per period (index = period; 0 for a non-money object). */
  money: Float64Array;
  /** Worth to the receiver per period (0 for money or an object nobody values). */
  value: Float64Array;
}

export interface PathCost {
  actor: string;
  /** The cost line's name. */
  name: string;
  /** The transaction whose occurrences it is charged on. */
  transaction: string;
  amount: Float64Array;
}

export interface ScenarioPath {
  scenario: string;
  /** The start actor. */
  actor: string;
  /** The branch taken at each OR split on the way, as its path in the document. */
  branches: Path[];
  /** Occurrences of each transaction on the path, per period (index = period; 0 holds none). */
  occurrences: Map<string, Float64Array>;
  flows: PathFlow[];
  variableCosts: PathCost[];
}

interface Plan {
  scenario: number;
  id: string;
  actor: string;
  choices: Array<[orNode: number, branch: number]>;
  branches: Path[];
  transactions: Array<{ transaction: string; steps: number[] }>;
  flows: Array<{ transfer: PreparedTransfer; at: number; transaction: string }>;
  costs: Array<{ cost: PreparedCost; index: number; at: number }>;
}

export interface PreparedPaths {
  plans: Plan[];
  /** Number of branches of each OR split, by its number. */
  orBranches: number[];
  /** Scenarios with more than MAX_PATHS_PER_SCENARIO paths, left out of the per-path figures. */
  tooMany: string[];
}

/** What one period's quantification leaves for the paths to read (filled by runQuantities). */
export interface PathScratch {
  starts: Float64Array;
  /** Each transaction step's cardinality, by step number. */
  counts: Float64Array;
  /** Each OR split's fractions, by split number. */
  fractions: Float64Array[];
  /** Each transfer's amount per occurrence and worth, by transfer key. */
  perOccurrence: Float64Array;
  worth: Float64Array;
  /** Each cost line's amount, by its position among the model's costs. */
  costAmounts: Float64Array;
}

type Alternative = { choices: Array<[number, number]>; branches: Path[]; steps: Array<{ index: number; transaction: string }> };

/** Every path of every scenario, with what its figures are made of. */
export function preparePaths(
  scenarios: ReadonlyArray<{ id: string; actor: string; steps: PreparedStep[] }>,
  transactions: ReadonlyMap<string, PreparedTransfer[]>,
  costs: readonly PreparedCost[],
): PreparedPaths {
  const orBranches: number[] = [];
  const countBranches = (steps: PreparedStep[]): void => {
    for (const step of steps) {
      if (step.kind === 'and') countBranches(step.steps);
      else if (step.kind === 'or') {
        orBranches[step.index] = step.branches.length;
        for (const branch of step.branches) countBranches(branch.steps);
      }
    }
  };
  const plans: Plan[] = [];
  const tooMany: string[] = [];
  scenarios.forEach((scenario, s) => {
    countBranches(scenario.steps);
    const found = alternatives(scenario.steps);
    if (!found) {
      tooMany.push(scenario.id);
      return;
    }
    for (const alternative of found) plans.push(plan(s, scenario, alternative, transactions, costs));
  });
  return { plans, orBranches, tooMany };
}

/** The ways through a list of steps, or undefined past MAX_PATHS_PER_SCENARIO. */
function alternatives(steps: readonly PreparedStep[]): Alternative[] | undefined {
  let acc: Alternative[] = [{ choices: [], branches: [], steps: [] }];
  for (const step of steps) {
    let options: Alternative[] | undefined;
    if (step.kind === 'transaction') options = [{ choices: [], branches: [], steps: [{ index: step.index, transaction: step.transaction }] }];
    else if (step.kind === 'and') options = alternatives(step.steps);
    else {
      options = [];
      for (const [b, branch] of step.branches.entries()) {
        const inner = alternatives(branch.steps);
        if (!inner) return undefined;
        for (const a of inner) options.push({ choices: [[step.index, b], ...a.choices], branches: [branch.path, ...a.branches], steps: a.steps });
      }
    }
    if (!options || acc.length * options.length > MAX_PATHS_PER_SCENARIO) return undefined;
    acc = acc.flatMap((a) => options.map((o) => ({ choices: [...a.choices, ...o.choices], branches: [...a.branches, ...o.branches], steps: [...a.steps, ...o.steps] })));
  }
  return acc;
}

function plan(
  s: number,
  scenario: { id: string; actor: string },
  alternative: Alternative,
  transactions: ReadonlyMap<string, PreparedTransfer[]>,
  costs: readonly PreparedCost[],
): Plan {
  const byTransaction = new Map<string, number[]>();
  for (const step of alternative.steps) byTransaction.set(step.transaction, [...(byTransaction.get(step.transaction) ?? []), step.index]);
  const list = [...byTransaction].map(([transaction, steps]) => ({ transaction, steps }));
  const position = new Map(list.map((t, i) => [t.transaction, i]));
  const flows = list.flatMap((t, at) => (transactions.get(t.transaction) ?? []).map((transfer) => ({ transfer, at, transaction: t.transaction })));
  const charged = costs.flatMap((cost, index) => {
    const at = cost.kind === 'variable' && cost.per !== undefined ? position.get(cost.per) : undefined;
    return at === undefined ? [] : [{ cost, index, at }];
  });
  return { scenario: s, id: scenario.id, actor: scenario.actor, choices: alternative.choices, branches: alternative.branches, transactions: list, flows, costs: charged };
}

/** Empty figures for every path, and how one period fills them. */
export function pathFigures(prepared: PreparedPaths, horizon: number): { paths: ScenarioPath[]; period: (scratch: PathScratch, period: number) => void } {
  const size = horizon + 1;
  const filled = prepared.plans.map((p) => {
    const occurrences = p.transactions.map(() => new Float64Array(size));
    const flows = p.flows.map(({ transfer, transaction }): PathFlow => ({
      transaction,
      transfer: transfer.index,
      from: transfer.from,
      to: transfer.to,
      object: transfer.object,
      nature: transfer.nature,
      money: new Float64Array(size),
      value: new Float64Array(size),
    }));
    const variableCosts = p.costs.map(({ cost, at }): PathCost => ({ actor: cost.actor, name: cost.name, transaction: p.transactions[at]!.transaction, amount: new Float64Array(size) }));
    const path: ScenarioPath = {
      scenario: p.id,
      actor: p.actor,
      branches: p.branches,
      occurrences: new Map(p.transactions.map((t, i) => [t.transaction, occurrences[i]!])),
      flows,
      variableCosts,
    };
    return { plan: p, path, occurrences };
  });
  const period = (scratch: PathScratch, t: number): void => {
    for (const { plan: p, path, occurrences } of filled) {
      let weight = scratch.starts[p.scenario]!;
      for (const [node, branch] of p.choices) weight *= scratch.fractions[node]![branch]!;
      p.transactions.forEach((transaction, i) => {
        let n = 0;
        for (const step of transaction.steps) n += weight * scratch.counts[step]!;
        occurrences[i]![t] = n;
      });
      p.flows.forEach(({ transfer, at }, i) => {
        const n = occurrences[at]![t]!;
        const perOccurrence = scratch.perOccurrence[transfer.key]!;
        const flow = path.flows[i]!;
        if (transfer.nature === 'money') flow.money[t] = n * perOccurrence;
        else flow.value[t] = n * perOccurrence * scratch.worth[transfer.key]!;
      });
      p.costs.forEach(({ index, at }, i) => {
        path.variableCosts[i]!.amount[t] = occurrences[at]![t]! * scratch.costAmounts[index]!;
      });
    }
  };
  return { paths: filled.map((f) => f.path), period };
}
