/**
 * Scenario paths: a path is one branch of a scenario from its start stimulus. It takes every AND
 * step and one choice at each OR split (e3value's dependency paths). Its occurrences are the
 * scenario's starts × the fractions of every choice it makes × each step's cardinality, so over
 * all paths of a scenario they add up to the scenario's occurrences (the fractions of a split sum
 * to 1). Each path's figures (occurrences, valued flows, variable costs) come per period, so the
 * value of any coalition of actors is a masked sum over paths, never a new quantification.
 *
 * What a path is made of is found once (preparePaths); each evaluation fills flat arrays of
 * rows, one row per figure and one column per period, read as figures.money[row * width + p],
 * in one pass over what the periods' quantification left (fillPaths).
 */
import type { Path } from '../issues.js';
import type { FlowLine } from '../ledger.js';
import type { PreparedCost, PreparedStep, PreparedTransfer } from '../quantify.js';
import { LIMITS } from '../limits.js';

/** Most paths one scenario may have before its per-path figures are left out (with a warning). */
export const MAX_PATHS_PER_SCENARIO = LIMITS.scenarioPaths;

/** One transfer along a path: what a ledger flow line is, without its scenario and channel. */
export interface PathFlow extends Omit<FlowLine, 'scenario' | 'channel'> {
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
  /**
   * Every path as a record, made when first read: what the figures are made of is in `plans`,
   * and a command that reads only the ledger never needs the records (at 10⁵ scenarios they
   * would take about 70 MB).
   */
  readonly paths: ScenarioPath[];
  /** Offset of each OR split's fractions in a period's fractions (PathHistory), by split number. */
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
    /** Flows of path i: flowStart[i] .. flowStart[i + 1]; each one's occurrence row and ledger line. */
    flowStart: Int32Array;
    flowOccurrenceRow: Int32Array;
    /** The ledger's flow line of each path flow: its scenario's line for that transfer. */
    flowLine: Int32Array;
    flowMoney: Uint8Array;
    /** Variable costs of path i: costStart[i] .. costStart[i + 1]; each one's occurrence row and cost. */
    costStart: Int32Array;
    costOccurrenceRow: Int32Array;
    costIndex: Int32Array;
  };
}

/**
 * What every period's quantification leaves for the paths to read (filled by runQuantities),
 * period by period: entry i of period t at [t × (entries a period) + i], periods 0..horizon,
 * except the per-line arrays, which are laid out as the ledger's flows ((t − 1) × lines + line).
 */
export interface PathHistory {
  /** Each scenario's starts. */
  starts: Float64Array;
  /** Each transaction step's cardinality, by step number. */
  counts: Float64Array;
  /** Every OR split's fractions, at PreparedPaths.orOffsets[split] + branch. */
  fractions: Float64Array;
  /** Each flow line's amount per occurrence (the ledger's column) and worth to its receiver. */
  perOccurrence: Float64Array;
  worth: Float64Array;
  /** Each cost's amount, by its position among the model's costs. */
  costAmounts: Float64Array;
}

type Alternative = { choices: Array<[number, number]>; branches: Path[]; steps: Array<Extract<PreparedStep, { kind: 'transaction' }>> };

/** Every path of every scenario, with what its figures are made of (`trees`: each scenario's steps). */
export function preparePaths(
  scenarios: ReadonlyArray<{ id: string; actor: string; countOffset: number }>,
  trees: ReadonlyArray<readonly PreparedStep[]>,
  transactions: ReadonlyMap<string, PreparedTransfer[]>,
  costs: readonly PreparedCost[],
  lines: { lines: readonly FlowLine[]; lineStart: Int32Array },
): PreparedPaths {
  const orOffsets: number[] = [];
  /** The document path of each OR branch, by its offset in a period's fractions. */
  const branchPaths: Path[] = [];
  let fractionCount = 0;
  const countBranches = (steps: readonly PreparedStep[]): void => {
    for (const step of steps) {
      if (step.kind === 'and') countBranches(step.steps);
      else if (step.kind === 'or') {
        orOffsets[step.index] = fractionCount;
        for (const branch of step.branches) branchPaths[fractionCount++] = branch.path;
        for (const branch of step.branches) countBranches(branch.steps);
      }
    }
  };
  const tooMany: string[] = [];
  const lists = { scenario: [] as number[], choiceStart: [0], choice: [] as number[], rowStart: [0], stepStart: [0], step: [] as number[], flowStart: [0], costStart: [0] };
  /** The transaction of each occurrence row. */
  const rowTransaction: string[] = [];
  const flows = { row: [] as number[], line: [] as number[], money: [] as number[] };
  const charged = { row: [] as number[], index: [] as number[] };
  // The variable costs charged on each transaction, in the model's order.
  const variableCosts = new Map<string, number[]>();
  costs.forEach((cost, index) => {
    if (cost.kind !== 'variable' || cost.per === undefined) return;
    const list = variableCosts.get(cost.per);
    if (list) list.push(index);
    else variableCosts.set(cost.per, [index]);
  });
  scenarios.forEach((scenario, s) => {
    const tree = trees[s]!;
    countBranches(tree);
    const found = alternatives(tree);
    if (!found) {
      tooMany.push(scenario.id);
      return;
    }
    for (const alternative of found) {
      lists.scenario.push(s);
      for (const [node, branch] of alternative.choices) lists.choice.push(orOffsets[node]! + branch);
      lists.choiceStart.push(lists.choice.length);
      // One occurrence row per transaction on the path, in order of first appearance, with its steps.
      const byTransaction = new Map<string, { row: number; position: number; steps: number[] }>();
      for (const step of alternative.steps) {
        let entry = byTransaction.get(step.transaction);
        if (!entry) {
          byTransaction.set(step.transaction, (entry = { row: rowTransaction.length, position: step.position, steps: [] }));
          rowTransaction.push(step.transaction);
        }
        entry.steps.push(step.index);
      }
      for (const [transaction, { row, position, steps }] of byTransaction) {
        for (const index of steps) lists.step.push(index);
        lists.stepStart.push(lists.step.length);
        const first = lines.lineStart[scenario.countOffset + position]!;
        (transactions.get(transaction) ?? []).forEach((transfer, i) => {
          flows.row.push(row);
          flows.line.push(first + i);
          flows.money.push(transfer.nature === 'money' ? 1 : 0);
        });
      }
      lists.rowStart.push(lists.stepStart.length - 1);
      lists.flowStart.push(flows.row.length);
      const onPath = [...byTransaction.keys()].flatMap((transaction) => variableCosts.get(transaction) ?? []).sort((a, b) => a - b);
      for (const index of onPath) {
        charged.row.push(byTransaction.get(costs[index]!.per!)!.row);
        charged.index.push(index);
      }
      lists.costStart.push(charged.row.length);
    }
  });
  const plans = {
    scenario: Int32Array.from(lists.scenario),
    choiceStart: Int32Array.from(lists.choiceStart),
    choice: Int32Array.from(lists.choice),
    rowStart: Int32Array.from(lists.rowStart),
    stepStart: Int32Array.from(lists.stepStart),
    step: Int32Array.from(lists.step),
    flowStart: Int32Array.from(lists.flowStart),
    flowOccurrenceRow: Int32Array.from(flows.row),
    flowLine: Int32Array.from(flows.line),
    flowMoney: Uint8Array.from(flows.money),
    costStart: Int32Array.from(lists.costStart),
    costOccurrenceRow: Int32Array.from(charged.row),
    costIndex: Int32Array.from(charged.index),
  };
  return withRecords({ orOffsets, fractionCount, tooMany, plans }, { scenarios, plans, branchPaths, rowTransaction, lines: lines.lines, costs });
}

/** What the path records are made from, beside the plans. */
interface RecordSources {
  scenarios: ReadonlyArray<{ id: string; actor: string }>;
  plans: PreparedPaths['plans'];
  branchPaths: readonly Path[];
  rowTransaction: readonly string[];
  lines: readonly FlowLine[];
  costs: readonly PreparedCost[];
}

/**
 * The prepared paths with their records made when first read. A function of its own, so that
 * the getter holds only what the records are made from (a closure keeps every variable of the
 * scope it is made in that any closure there reads).
 */
function withRecords(paths: Omit<PreparedPaths, 'paths'>, made: RecordSources): PreparedPaths {
  let records: ScenarioPath[] | undefined;
  return {
    get paths() {
      return (records ??= pathRecords(made));
    },
    ...paths,
  };
}

/** The paths as records, from what their figures are made of. */
function pathRecords(made: RecordSources): ScenarioPath[] {
  const { scenarios, plans: p, branchPaths, rowTransaction, lines, costs } = made;
  return Array.from(p.scenario, (s, i): ScenarioPath => {
    const scenario = scenarios[s]!;
    const branches: Path[] = [];
    for (let c = p.choiceStart[i]!; c < p.choiceStart[i + 1]!; c++) branches.push(branchPaths[p.choice[c]!]!);
    const transactions: ScenarioPath['transactions'] = [];
    for (let row = p.rowStart[i]!; row < p.rowStart[i + 1]!; row++) transactions.push({ transaction: rowTransaction[row]!, row });
    const flows: PathFlow[] = [];
    for (let row = p.flowStart[i]!; row < p.flowStart[i + 1]!; row++) {
      const { transaction, transfer, from, to, object, nature } = lines[p.flowLine[row]!]!;
      flows.push({ transaction, transfer, from, to, object, nature, row });
    }
    const variableCosts: PathCost[] = [];
    for (let row = p.costStart[i]!; row < p.costStart[i + 1]!; row++) {
      const cost = costs[p.costIndex[row]!]!;
      variableCosts.push({ actor: cost.actor, index: cost.index, name: cost.name, transaction: cost.per!, row });
    }
    return { scenario: scenario.id, actor: scenario.actor, branches, transactions, flows, variableCosts };
  });
}

/** The ways through a list of steps, or undefined past MAX_PATHS_PER_SCENARIO. */
function alternatives(steps: readonly PreparedStep[]): Alternative[] | undefined {
  let acc: Alternative[] = [{ choices: [], branches: [], steps: [] }];
  for (const step of steps) {
    // A transaction step is on every way so far: added to each in place (each is only here).
    if (step.kind === 'transaction') {
      for (const a of acc) a.steps.push(step);
      continue;
    }
    let options: Alternative[] | undefined;
    if (step.kind === 'and') options = alternatives(step.steps);
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
    if (chosen.length === 1) {
      const [only] = chosen as [Alternative];
      for (const a of acc) {
        append(a.choices, only.choices);
        append(a.branches, only.branches);
        append(a.steps, only.steps);
      }
      continue;
    }
    acc = acc.flatMap((a) => chosen.map((o) => ({ choices: [...a.choices, ...o.choices], branches: [...a.branches, ...o.branches], steps: [...a.steps, ...o.steps] })));
  }
  return acc;
}

/** Appends in a loop: a spread of a list of 10⁵ steps would overflow the stack. */
function append<T>(into: T[], from: readonly T[]): void {
  for (const x of from) into.push(x);
}

/** How many numbers one evaluation's figures take (see pathFigures). */
export function figuresSize(prepared: PreparedPaths, horizon: number): number {
  const { plans } = prepared;
  return (plans.stepStart.length - 1 + 2 * plans.flowLine.length + plans.costIndex.length) * (horizon + 1);
}

/** Zeroed figures for one evaluation, taken from `take` (figuresSize numbers in all). */
export function pathFigures(prepared: PreparedPaths, horizon: number, take: (length: number) => Float64Array): PathFigures {
  const width = horizon + 1;
  const { plans } = prepared;
  return {
    // Read from the prepared paths when first asked for (see PreparedPaths.paths).
    get paths() {
      return prepared.paths;
    },
    width,
    occurrences: take((plans.stepStart.length - 1) * width),
    money: take(plans.flowLine.length * width),
    value: take(plans.flowLine.length * width),
    variableCosts: take(plans.costIndex.length * width),
  };
}

/**
 * Fills every path's figures, periods 1..horizon, from what the periods' quantification left:
 * row by row, each number worked out as the period would have (the same operations in the same
 * order), into zeroed figures.
 */
export function fillPaths(
  prepared: PreparedPaths,
  figures: PathFigures,
  history: PathHistory,
  sizes: { scenarios: number; steps: number; lines: number; costs: number },
  /** Room for one number per period (0..horizon). */
  weight: Float64Array,
): void {
  const p = prepared.plans;
  const { width, occurrences, money, value, variableCosts } = figures;
  const { starts, counts, fractions, perOccurrence, worth, costAmounts } = history;
  const { scenarios, steps, lines, costs } = sizes;
  const fractionCount = prepared.fractionCount;
  for (let i = 0; i < p.scenario.length; i++) {
    const s = p.scenario[i]!;
    for (let t = 1; t < width; t++) weight[t] = starts[t * scenarios + s]!;
    for (let c = p.choiceStart[i]!; c < p.choiceStart[i + 1]!; c++) {
      const choice = p.choice[c]!;
      for (let t = 1; t < width; t++) weight[t] = weight[t]! * fractions[t * fractionCount + choice]!;
    }
    for (let r = p.rowStart[i]!; r < p.rowStart[i + 1]!; r++) {
      const row = r * width;
      for (let k = p.stepStart[r]!; k < p.stepStart[r + 1]!; k++) {
        const step = p.step[k]!;
        for (let t = 1; t < width; t++) occurrences[row + t] = occurrences[row + t]! + weight[t]! * counts[t * steps + step]!;
      }
    }
  }
  for (let f = 0; f < p.flowLine.length; f++) {
    const row = p.flowOccurrenceRow[f]! * width;
    const line = p.flowLine[f]!;
    const out = f * width;
    if (p.flowMoney[f]) {
      for (let t = 1; t < width; t++) money[out + t] = occurrences[row + t]! * perOccurrence[(t - 1) * lines + line]!;
    } else {
      for (let t = 1; t < width; t++) value[out + t] = occurrences[row + t]! * perOccurrence[(t - 1) * lines + line]! * worth[(t - 1) * lines + line]!;
    }
  }
  for (let c = 0; c < p.costIndex.length; c++) {
    const row = p.costOccurrenceRow[c]! * width;
    const cost = p.costIndex[c]!;
    const out = c * width;
    for (let t = 1; t < width; t++) variableCosts[out + t] = occurrences[row + t]! * costAmounts[t * costs + cost]!;
  }
}
