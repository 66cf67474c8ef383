/**
 * Scenario paths: a path is one branch of a scenario from its start stimulus. It takes every AND
 * step and one choice at each OR split (e3value's dependency paths). Its occurrences are the
 * scenario's starts × the fractions of every choice it makes × each step's cardinality, so over
 * all paths of a scenario they add up to the scenario's occurrences (the fractions of a split sum
 * to 1). Each path's figures (occurrences, valued flows, variable costs) come per period, so the
 * value of any coalition of actors is a masked sum over paths, never a new quantification.
 *
 * What a path is made of is found once (preparePaths); each evaluation fills three flat arrays
 * of rows, one row per figure and one column per period, read as figures.money[row * width + p].
 */
import type { Path } from '../issues.js';
import type { Nature } from '../model/index.js';
import type { PreparedCost, PreparedStep, PreparedTransfer } from '../quantify.js';
import { LIMITS } from '../limits.js';

/** Most paths one scenario may have before its per-path figures are left out (with a warning). */
export const MAX_PATHS_PER_SCENARIO = LIMITS.scenarioPaths;

export interface PathFlow {
  transaction: string;
  /** Position of the transfer in its transaction. */
  transfer: number;
  from: string;
  to: string;
  object: string;
  nature: Nature;
  /** Row of its money moved (0 for a non-money object) and of its worth to the receiver. */
  row: number;
}

export interface PathCost {
  actor: string;
  /** Position in the actor's cost list, and the cost line's name. */
  index: number;
  name: string;
  /** The transaction whose occurrences it is charged on. */
  transaction: string;
  row: number;
}

export interface ScenarioPath {
  scenario: string;
  /** The start actor. */
  actor: string;
  /** The branch taken at each OR split on the way, as its path in the document. */
  branches: Path[];
  /** Each transaction on the path and the row of its occurrences. */
  transactions: Array<{ transaction: string; row: number }>;
  flows: PathFlow[];
  variableCosts: PathCost[];
}

/**
 * The figures of every path for one evaluation. Row r of an array holds periods 0..horizon at
 * [r * width, (r + 1) * width); period 0, before operations, holds nothing.
 */
export interface PathFigures {
  /** The same objects for every evaluation of one prepared model. */
  paths: readonly ScenarioPath[];
  /** horizon + 1 */
  width: number;
  /** Occurrences, by ScenarioPath.transactions[].row. */
  occurrences: Float64Array;
  /** Money moved and worth received, by PathFlow.row. */
  money: Float64Array;
  value: Float64Array;
  /** Variable costs, by PathCost.row. */
  variableCosts: Float64Array;
}

/** What the per-period fill reads, as flat lists (one entry per row or per choice). */
export interface PreparedPaths {
  paths: ScenarioPath[];
  /** Offset of each OR split's fractions in PathScratch.fractions, by split number. */
  orOffsets: number[];
  fractionCount: number;
  /** Scenarios with more than MAX_PATHS_PER_SCENARIO paths, left out of the per-path figures. */
  tooMany: string[];
  plans: {
    scenario: Int32Array;
    /** Choices of path i: choice[choiceStart[i] .. choiceStart[i + 1]), each an offset into fractions. */
    choiceStart: Int32Array;
    choice: Int32Array;
    /** Occurrence rows of path i: rowStart[i] .. rowStart[i + 1]. */
    rowStart: Int32Array;
    /** Steps of occurrence row r: step[stepStart[r] .. stepStart[r + 1]). */
    stepStart: Int32Array;
    step: Int32Array;
    flowOccurrenceRow: Int32Array;
    flowTransfer: Int32Array;
    flowMoney: Uint8Array;
    costOccurrenceRow: Int32Array;
    costIndex: Int32Array;
  };
}

/** What one period's quantification leaves for the paths to read (filled by runQuantities). */
export interface PathScratch {
  starts: Float64Array;
  /** Each transaction step's cardinality, by step number. */
  counts: Float64Array;
  /** Every OR split's fractions, at PreparedPaths.orOffsets[split] + branch. */
  fractions: Float64Array;
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
  const orOffsets: number[] = [];
  let fractionCount = 0;
  const countBranches = (steps: PreparedStep[]): void => {
    for (const step of steps) {
      if (step.kind === 'and') countBranches(step.steps);
      else if (step.kind === 'or') {
        orOffsets[step.index] = fractionCount;
        fractionCount += step.branches.length;
        for (const branch of step.branches) countBranches(branch.steps);
      }
    }
  };
  const paths: ScenarioPath[] = [];
  const tooMany: string[] = [];
  const lists = { scenario: [] as number[], choiceStart: [0], choice: [] as number[], rowStart: [0], stepStart: [0], step: [] as number[] };
  const flows = { row: [] as number[], transfer: [] as number[], money: [] as number[] };
  const charged = { row: [] as number[], index: [] as number[] };
  scenarios.forEach((scenario, s) => {
    countBranches(scenario.steps);
    const found = alternatives(scenario.steps);
    if (!found) {
      tooMany.push(scenario.id);
      return;
    }
    for (const alternative of found) {
      lists.scenario.push(s);
      for (const [node, branch] of alternative.choices) lists.choice.push(orOffsets[node]! + branch);
      lists.choiceStart.push(lists.choice.length);
      const byTransaction = new Map<string, number[]>();
      for (const step of alternative.steps) byTransaction.set(step.transaction, [...(byTransaction.get(step.transaction) ?? []), step.index]);
      const path: ScenarioPath = { scenario: scenario.id, actor: scenario.actor, branches: alternative.branches, transactions: [], flows: [], variableCosts: [] };
      const rowOf = new Map<string, number>();
      for (const [transaction, steps] of byTransaction) {
        const row = lists.stepStart.length - 1;
        rowOf.set(transaction, row);
        path.transactions.push({ transaction, row });
        lists.step.push(...steps);
        lists.stepStart.push(lists.step.length);
        for (const transfer of transactions.get(transaction) ?? []) {
          path.flows.push({ transaction, transfer: transfer.index, from: transfer.from, to: transfer.to, object: transfer.object, nature: transfer.nature, row: flows.row.length });
          flows.row.push(row);
          flows.transfer.push(transfer.key);
          flows.money.push(transfer.nature === 'money' ? 1 : 0);
        }
      }
      lists.rowStart.push(lists.stepStart.length - 1);
      costs.forEach((cost, index) => {
        const row = cost.kind === 'variable' && cost.per !== undefined ? rowOf.get(cost.per) : undefined;
        if (row === undefined) return;
        path.variableCosts.push({ actor: cost.actor, index: cost.index, name: cost.name, transaction: cost.per!, row: charged.row.length });
        charged.row.push(row);
        charged.index.push(index);
      });
      paths.push(path);
    }
  });
  const plans = {
    scenario: Int32Array.from(lists.scenario),
    choiceStart: Int32Array.from(lists.choiceStart),
    choice: Int32Array.from(lists.choice),
    rowStart: Int32Array.from(lists.rowStart),
    stepStart: Int32Array.from(lists.stepStart),
    step: Int32Array.from(lists.step),
    flowOccurrenceRow: Int32Array.from(flows.row),
    flowTransfer: Int32Array.from(flows.transfer),
    flowMoney: Uint8Array.from(flows.money),
    costOccurrenceRow: Int32Array.from(charged.row),
    costIndex: Int32Array.from(charged.index),
  };
  return { paths, orOffsets, fractionCount, tooMany, plans };
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
    const chosen = options;
    acc = acc.flatMap((a) => chosen.map((o) => ({ choices: [...a.choices, ...o.choices], branches: [...a.branches, ...o.branches], steps: [...a.steps, ...o.steps] })));
  }
  return acc;
}

/** Zeroed figures for one evaluation. */
export function emptyFigures(prepared: PreparedPaths, horizon: number): PathFigures {
  const width = horizon + 1;
  const { plans } = prepared;
  return {
    paths: prepared.paths,
    width,
    occurrences: new Float64Array((plans.stepStart.length - 1) * width),
    money: new Float64Array(plans.flowTransfer.length * width),
    value: new Float64Array(plans.flowTransfer.length * width),
    variableCosts: new Float64Array(plans.costIndex.length * width),
  };
}

/** Fills period `t` of every path's figures from what the period's quantification left. */
export function fillPeriod(prepared: PreparedPaths, figures: PathFigures, scratch: PathScratch, t: number): void {
  const p = prepared.plans;
  const { width, occurrences, money, value, variableCosts } = figures;
  for (let i = 0; i < p.scenario.length; i++) {
    let weight = scratch.starts[p.scenario[i]!]!;
    for (let c = p.choiceStart[i]!; c < p.choiceStart[i + 1]!; c++) weight *= scratch.fractions[p.choice[c]!]!;
    for (let r = p.rowStart[i]!; r < p.rowStart[i + 1]!; r++) {
      let n = 0;
      for (let s = p.stepStart[r]!; s < p.stepStart[r + 1]!; s++) n += weight * scratch.counts[p.step[s]!]!;
      occurrences[r * width + t] = n;
    }
  }
  for (let f = 0; f < p.flowTransfer.length; f++) {
    const n = occurrences[p.flowOccurrenceRow[f]! * width + t]!;
    const key = p.flowTransfer[f]!;
    if (p.flowMoney[f]) money[f * width + t] = n * scratch.perOccurrence[key]!;
    else value[f * width + t] = n * scratch.perOccurrence[key]! * scratch.worth[key]!;
  }
  for (let c = 0; c < p.costIndex.length; c++) {
    variableCosts[c * width + t] = occurrences[p.costOccurrenceRow[c]! * width + t]! * scratch.costAmounts[p.costIndex[c]!]!;
  }
}
