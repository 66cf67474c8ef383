/**
 * Quantification: every period, evaluate the parameters, follow each scenario's dependency path
 * from its start stimulus to count the occurrences of every transaction (expected values, so
 * fractional), and turn them into money and valued flows between actors, plus each actor's costs.
 * This is the e3value method (Gordijn & Akkermans 2003) applied period by period.
 *
 * It runs in two steps so a model can be quantified again and again with other parameter values:
 * prepareQuantities() resolves every name to a slot and compiles every quantity to closures
 * (once), runQuantities() fills the slots period by period and builds the ledger (each time).
 */
import { compileExpression, type CompiledExpression, type Expr } from './expression/index.js';
import type { CompiledModel, CompiledQuantity, CompiledStep } from './compile.js';
import type { Path, QuantityKind } from './issues.js';
import { canonicalName, recordById, type CostKind, type Nature } from './model/index.js';
import type { Records } from './records.js';
import type { CostRow, FlowLine } from './ledger.js';
import { preparePaths, type PreparedPaths } from './prepare/paths.js';

export type { Flow, FlowLine, FlowColumns, CostLine, CostRow, CostColumns, OccurrenceColumns, Ledger } from './ledger.js';

/** Values of the dynamics' variables per period (index 0..horizon), by canonical name. */
export type PeriodSeries = ReadonlyMap<string, ArrayLike<number>>;

/** What a quantity measures, for the issue that says it is negative. */
export type Measured = { quantity: QuantityKind; name?: string };

/** A quantity compiled to run over the slots, where it sits, and what it reads. */
export interface PreparedQuantity {
  path: Path;
  run: CompiledExpression;
  source: CompiledQuantity;
  /** Number of the quantity, for the cache of constant values. */
  id: number;
  /**
   * Whether it reads nothing that changes from period to period (no t, no dynamics, only
   * constant parameters): one evaluation gives every period's value.
   */
  constant: boolean;
}
type P = PreparedQuantity | undefined;

/** Slot 0 holds t, slot 1 the horizon; then the parameters, then the dynamics names read. */
export const T_SLOT = 0;
export const HORIZON_SLOT = 1;

export type PreparedStep =
  /** `index` numbers the step in the model, `position` its transaction in its scenario's order. */
  | { kind: 'transaction'; transaction: string; count: P; index: number; position: number }
  | { kind: 'and'; steps: PreparedStep[] }
  | { kind: 'or'; branches: Array<{ fraction: P; steps: PreparedStep[]; path: Path }>; path: Path; index: number };

/**
 * Every scenario's walk as columns: its steps flattened depth first, one scenario after the
 * other (scenario s walks steps walkStart..walkEnd). `reach` is the slot of the occurrences
 * reaching a step (slot 0: the scenario's starts); an OR split sets one slot per branch, from
 * `branchReach` on, in the order of its branches.
 */
export interface Walk {
  /** 1 for an OR split, 0 for a transaction step. */
  or: Uint8Array;
  /** The transaction step's number, or the split's (its place in `splits`). */
  index: Int32Array;
  /** The transaction's position in the scenario's order (transaction steps). */
  position: Int32Array;
  reach: Int32Array;
  branchReach: Int32Array;
  /** The transaction step's cardinality. */
  count: P[];
  /** Each OR split's branch fractions and its place in the document, by split number. */
  splits: Array<{ fractions: P[]; path: Path }>;
}

export interface PreparedTransfer {
  /** Number of the transfer among every transfer of the model (scratch arrays). */
  key: number;
  index: number;
  from: string;
  to: string;
  object: string;
  nature: Nature;
  channel: string | undefined;
  /** Per occurrence; none is 1 (one unit of a non-money object). */
  amount: P;
  /** The receiver's valuation of a non-money object. */
  worth: P;
}

export interface PreparedScenario {
  id: string;
  actor: string;
  segment: boolean;
  /** Its actor's position in PreparedQuantities.sizes, or -1 when it has no size. */
  sizeAt: number;
  count: P;
  countPath: Path;
  /** Its steps in PreparedQuantities.walk, and how many reaching slots they use. */
  walkStart: number;
  walkEnd: number;
  reachSlots: number;
  /** Its transactions in the order its steps first reach them (the order of its flows). */
  order: string[];
  /**
   * Where its occurrences of `order[k]` sit in a period's counts: countOffset + k, which also
   * indexes PreparedQuantities.reachedAt and lineStart.
   */
  countOffset: number;
}

export interface PreparedCost {
  actor: string;
  index: number;
  name: string;
  kind: CostKind;
  amount: P;
  per: string | undefined;
  at: number;
  path: Path;
  what: Measured;
  /** Its row in the ledger's costs (for a variable cost, see `charged`). */
  row: number;
  /**
   * For a variable cost: each scenario that reaches its transaction, in the model's order, with
   * where that scenario's occurrences of it sit in a period's counts and its row in the ledger.
   */
  charged: Array<{ scenario: string; count: number; row: number }>;
}

export interface PreparedQuantities {
  model: CompiledModel;
  slotCount: number;
  parameters: Array<{ name: string; slot: number; value: P }>;
  /** Positions in `parameters` of those worked out again every period (not constant). */
  variableParameters: number[];
  /** Positions in `parameters` of the constant parameters that have a value (what the dynamics may read). */
  constantParameters: number[];
  /**
   * Whether a quantity other than a parameter or an investment reads t: if none does, a period
   * whose parameters and dynamics have the values of the period before has its figures too.
   */
  readsTime: boolean;
  /** Positions in `costs` of the investments, and of the other costs (charged every period). */
  investments: number[];
  operatingCosts: number[];
  /** Transactions no scenario reaches, in the document's order. */
  unreached: string[];
  /** Slot of each parameter by name. */
  parameterSlots: ReadonlyMap<string, number>;
  /** Position of each parameter in `parameters` (and in runQuantities' overrides), by name. */
  parameterPositions: ReadonlyMap<string, number>;
  /** Dynamics names read (canonical) and their slot, filled from the series every period. */
  dynamics: Array<{ name: string; slot: number }>;
  sizes: Array<{ actor: string; value: P; path: Path; what: Measured }>;
  costs: PreparedCost[];
  scenarios: PreparedScenario[];
  walk: Walk;
  /** By count (countOffset + k): where the transaction sits in `reached`. */
  reachedAt: Int32Array;
  /** By count: the first flow line of the transaction in its scenario (its transfers' lines follow), or -1. */
  lineStart: Int32Array;
  /** Per transaction, its transfers whose object exists. */
  transactions: Map<string, PreparedTransfer[]>;
  /**
   * Every transaction some scenario reaches, in the order the scenarios first reach them: the
   * keys of each period's Ledger.occurrences, in their order.
   */
  reached: string[];
  /** Position of each transaction in `reached`. */
  reachedIndex: ReadonlyMap<string, number>;
  /**
   * The flows each period of operations gives: the transfers of every scenario's transactions,
   * scenario by scenario in the order its steps reach them; with the transfer of each line and
   * where its occurrences sit in a period's counts.
   */
  lines: FlowLine[];
  lineCounts: Int32Array;
  /**
   * The transfers of the lines, each once, in the order the lines first reach them; the one of
   * each line; and which of them read something that changes from period to period.
   */
  lineTransfers: PreparedTransfer[];
  transferOfLine: Int32Array;
  variableTransfers: Int32Array;
  /** Occurrences each period: one per transaction of each scenario's order. */
  countCount: number;
  /** The ledger's cost rows, and the most entries an evaluation can charge. */
  costRows: CostRow[];
  costCapacity: number;
  transferCount: number;
  quantityCount: number;
  stepCount: number;
  orCount: number;
  paths: PreparedPaths;
}

/**
 * Compiles every quantity of a model over slots; `seriesNames` are the names the dynamics give,
 * `transactions` the document's as recordsOf lists them (when the caller has them).
 */
export function prepareQuantities(
  model: CompiledModel,
  seriesNames: ReadonlySet<string> = new Set(),
  transactionRecords: Records['transactions'] = Object.entries(model.doc.transactions),
): PreparedQuantities {
  const { doc } = model;
  const parameterSlots = new Map<string, number>();
  model.parameters.forEach(({ name }, i) => parameterSlots.set(name, 2 + i));
  const dynamics: Array<{ name: string; slot: number }> = [];
  const dynamicSlots = new Map<string, number>();
  let next = 2 + model.parameters.length;
  const slotOf = (name: string): number | undefined => {
    if (name === 't') return T_SLOT;
    if (name === 'horizon') return HORIZON_SLOT;
    const parameter = parameterSlots.get(name);
    if (parameter !== undefined) return parameter;
    const canonical = canonicalName(name);
    if (!seriesNames.has(canonical)) return undefined;
    let slot = dynamicSlots.get(canonical);
    if (slot === undefined) {
      slot = next++;
      dynamicSlots.set(canonical, slot);
      dynamics.push({ name: canonical, slot });
    }
    return slot;
  };
  const constantNames = new Set([...model.constantParameters, 'horizon']);
  let quantityCount = 0;
  let readsTime = false;
  // One prepared quantity per compiled one (a valuation read by every transfer of its object is
  // one quantity, worked out once a period), and one closure per tree: quantities written alike
  // share a tree (compile.ts), and every name binds to the same slot here.
  const preparedOf = new Map<CompiledQuantity, PreparedQuantity>();
  const runs = new Map<Expr, CompiledExpression>();
  const prepared = (q: CompiledQuantity | undefined, timeApart = false): P => {
    if (!q) return undefined;
    if (!timeApart && q.names.includes('t')) readsTime = true;
    let found = preparedOf.get(q);
    if (found) return found;
    let run = runs.get(q.expr);
    if (!run) runs.set(q.expr, (run = compileExpression(q.expr, slotOf)));
    found = { path: q.path, run, source: q, id: quantityCount++, constant: q.names.every((n) => constantNames.has(n)) };
    preparedOf.set(q, found);
    return found;
  };

  const parameters = model.parameters.map(({ name, value }) => ({ name, slot: parameterSlots.get(name)!, value: prepared(value, true) }));
  const sizes = [...model.sizes].map(([actor, q]) => ({ actor, value: prepared(q), path: q?.path ?? ['actors', actor], what: { quantity: 'segment-size', name: actor } as const }));
  const sizeAt = new Map(sizes.map(({ actor }, i) => [actor, i]));
  const costs = model.costs.map((cost): PreparedCost => ({
    actor: cost.actor,
    index: cost.index,
    name: cost.name,
    kind: cost.kind,
    amount: prepared(cost.amount, cost.kind === 'investment'),
    per: cost.per,
    at: cost.at,
    path: cost.path,
    what: { quantity: cost.kind === 'investment' ? 'investment' : 'cost', name: cost.name },
    row: -1,
    charged: [],
  }));
  let stepCount = 0;
  let orCount = 0;
  // Depth-first, every branch: the order in which a period's walk meets the steps.
  // `order` lists a scenario's transactions as its steps first reach them, `at` their positions.
  const steps = (list: CompiledStep[], order: string[], at: Map<string, number>): PreparedStep[] =>
    list.map((step): PreparedStep => {
      if (step.kind === 'transaction') {
        let position = at.get(step.transaction);
        if (position === undefined) at.set(step.transaction, (position = order.push(step.transaction) - 1));
        return { kind: 'transaction', transaction: step.transaction, count: prepared(step.count), index: stepCount++, position };
      }
      if (step.kind === 'and') return { kind: 'and', steps: steps(step.steps, order, at) };
      return {
        kind: 'or',
        path: step.path,
        index: orCount++,
        branches: step.branches.map((b) => ({ fraction: prepared(b.fraction), steps: steps(b.steps, order, at), path: b.path })),
      };
    });
  const transactions = new Map<string, PreparedTransfer[]>();
  let transferCount = 0;
  for (const [id, transaction] of transactionRecords) {
    const transfers: PreparedTransfer[] = [];
    transaction.transfers.forEach((transfer, i) => {
      const object = recordById(doc.valueObjects, transfer.object);
      if (!object) return;
      const valuation = object.nature === 'money' ? undefined : model.valuations.get(transfer.object);
      transfers.push({
        key: transferCount++,
        index: i,
        from: transfer.from,
        to: transfer.to,
        object: transfer.object,
        nature: object.nature,
        channel: transfer.channel ?? transaction.channel,
        amount: prepared(model.amounts.get(id)?.[i]),
        worth: prepared(valuation?.byReceiver.get(transfer.to) ?? valuation?.other),
      });
    });
    // Copied to its length: an array grown by push keeps room for 17, and there is one per transaction.
    transactions.set(id, transfers.slice());
  }
  let countCount = 0;
  // The scenarios' step trees are needed only to prepare the walk and the paths: not kept.
  const trees: PreparedStep[][] = [];
  const scenarios = model.scenarios.map((s): PreparedScenario => {
    const order: string[] = [];
    const tree = steps(s.steps, order, new Map());
    trees.push(tree);
    const countOffset = countCount;
    countCount += order.length;
    return {
      id: s.id,
      actor: s.actor,
      segment: recordById(doc.actors, s.actor)?.kind === 'segment',
      sizeAt: sizeAt.get(s.actor) ?? -1,
      count: prepared(s.count),
      countPath: s.count?.path ?? ['scenarios', s.id],
      walkStart: 0,
      walkEnd: 0,
      reachSlots: 1,
      order: order.slice(),
      countOffset,
    };
  });
  const walk = walkOf(scenarios, trees, stepCount, orCount);
  const reachedIndex = new Map<string, number>();
  const reachedAt = new Int32Array(countCount);
  for (const scenario of scenarios) {
    scenario.order.forEach((transaction, k) => {
      let at = reachedIndex.get(transaction);
      if (at === undefined) reachedIndex.set(transaction, (at = reachedIndex.size));
      reachedAt[scenario.countOffset + k] = at;
    });
  }
  const lines = flowLines(scenarios, transactions, countCount, transferCount);
  const { costRows, costCapacity } = costRowsOf(costs, scenarios, doc.horizon);
  return {
    model, slotCount: next, parameters, parameterSlots, dynamics, readsTime,
    variableParameters: parameters.flatMap((p, i) => (p.value?.constant ? [] : [i])),
    constantParameters: parameters.flatMap((p, i) => (p.value && constantNames.has(p.name) ? [i] : [])),
    investments: costs.flatMap((c, i) => (c.kind === 'investment' ? [i] : [])),
    operatingCosts: costs.flatMap((c, i) => (c.kind === 'investment' ? [] : [i])),
    unreached: transactionRecords.flatMap(([id]) => (reachedIndex.has(id) ? [] : [id])),
    parameterPositions: new Map(parameters.map((p, i) => [p.name, i])), sizes, costs, scenarios, walk, reachedAt, transactions, transferCount,
    reached: [...reachedIndex.keys()], reachedIndex, ...lines, countCount, costRows, costCapacity, stepCount, orCount, quantityCount,
    paths: preparePaths(scenarios, trees, transactions, costs, lines),
  };
}

/** Every scenario's steps as its walk visits them, depth first, as columns (see Walk). */
function walkOf(scenarios: PreparedScenario[], trees: readonly PreparedStep[][], stepCount: number, orCount: number): Walk {
  const size = stepCount + orCount;
  const walk: Walk = {
    or: new Uint8Array(size),
    index: new Int32Array(size),
    position: new Int32Array(size),
    reach: new Int32Array(size),
    branchReach: new Int32Array(size).fill(-1),
    count: new Array<P>(size),
    splits: new Array<Walk['splits'][number]>(orCount),
  };
  let k = 0;
  scenarios.forEach((scenario, s) => {
    let reachSlots = 1;
    const visit = (list: readonly PreparedStep[], reach: number): void => {
      for (const step of list) {
        if (step.kind === 'and') visit(step.steps, reach);
        else if (step.kind === 'transaction') {
          walk.index[k] = step.index;
          walk.position[k] = step.position;
          walk.reach[k] = reach;
          walk.count[k++] = step.count;
        } else {
          const branchReach = reachSlots;
          reachSlots += step.branches.length;
          walk.or[k] = 1;
          walk.index[k] = step.index;
          walk.position[k] = -1;
          walk.reach[k] = reach;
          walk.branchReach[k] = branchReach;
          walk.count[k++] = undefined;
          walk.splits[step.index] = { fractions: step.branches.map((b) => b.fraction), path: step.path };
          step.branches.forEach((branch, i) => visit(branch.steps, branchReach + i));
        }
      }
    };
    scenario.walkStart = k;
    visit(trees[s]!, 0);
    scenario.walkEnd = k;
    scenario.reachSlots = reachSlots;
  });
  return walk;
}

/** The flow lines of a period: every transfer of each scenario's transactions, in order. */
function flowLines(
  scenarios: readonly PreparedScenario[],
  transactions: ReadonlyMap<string, PreparedTransfer[]>,
  countCount: number,
  transferCount: number,
): Pick<PreparedQuantities, 'lines' | 'lineStart' | 'lineTransfers' | 'lineCounts' | 'transferOfLine' | 'variableTransfers'> {
  const lines: FlowLine[] = [];
  const lineStart = new Int32Array(countCount).fill(-1);
  const lineTransfers: PreparedTransfer[] = [];
  // Each transfer's place in lineTransfers, by its key.
  const position = new Int32Array(transferCount).fill(-1);
  const transferOfLine: number[] = [];
  const counts: number[] = [];
  for (const scenario of scenarios) {
    scenario.order.forEach((transaction, k) => {
      const transfers = transactions.get(transaction);
      if (!transfers) return;
      const count = scenario.countOffset + k;
      lineStart[count] = lines.length;
      for (const transfer of transfers) {
        const { index, from, to, object, nature, channel } = transfer;
        lines.push({ scenario: scenario.id, transaction, transfer: index, from, to, object, nature, channel });
        if (position[transfer.key] === -1) {
          position[transfer.key] = lineTransfers.length;
          lineTransfers.push(transfer);
        }
        transferOfLine.push(position[transfer.key]!);
        counts.push(count);
      }
    });
  }
  const variable = (q: PreparedQuantity | undefined) => q !== undefined && !q.constant;
  const variableTransfers = lineTransfers.flatMap((t, i) => (variable(t.amount) || (t.nature !== 'money' && variable(t.worth)) ? [i] : []));
  return { lines, lineStart, lineTransfers, lineCounts: Int32Array.from(counts), transferOfLine: Int32Array.from(transferOfLine), variableTransfers: Int32Array.from(variableTransfers) };
}

/**
 * The ledger's cost rows: one per investment and fixed cost, one per scenario reaching its
 * transaction for a variable cost (which `row` and `charged` of each cost record).
 */
function costRowsOf(costs: PreparedCost[], scenarios: readonly PreparedScenario[], horizon: number): { costRows: CostRow[]; costCapacity: number } {
  // Which scenarios reach each transaction a variable cost is charged on, in the model's order,
  // and where its count sits.
  const reaching = new Map<string, Array<{ scenario: string; count: number }>>();
  for (const cost of costs) if (cost.kind === 'variable' && cost.per !== undefined) reaching.set(cost.per, []);
  if (reaching.size > 0) {
    for (const scenario of scenarios) {
      scenario.order.forEach((transaction, k) => reaching.get(transaction)?.push({ scenario: scenario.id, count: scenario.countOffset + k }));
    }
  }
  const costRows: CostRow[] = [];
  let costCapacity = 0;
  for (const cost of costs) {
    const { actor, index, name, kind } = cost;
    if (kind !== 'variable') {
      cost.row = costRows.length;
      costRows.push({ actor, index, name, kind });
      costCapacity += kind === 'investment' ? 1 : horizon;
      continue;
    }
    for (const { scenario, count } of reaching.get(cost.per!) ?? []) {
      cost.charged.push({ scenario, count, row: costRows.length });
      costRows.push({ actor, index, name, kind, scenario });
      costCapacity += horizon;
    }
  }
  return { costRows, costCapacity };
}

/**
 * The value of every constant parameter (see CompiledModel.constantParameters), the overridden
 * ones taking their given value: what the dynamics read.
 */
export function constantsOf(prepared: PreparedQuantities, overrides?: ArrayLike<number>): Map<string, number> {
  const values = new Float64Array(prepared.slotCount).fill(Number.NaN);
  values[HORIZON_SLOT] = prepared.model.doc.horizon;
  const out = new Map<string, number>();
  for (const i of prepared.constantParameters) {
    const parameter = prepared.parameters[i]!;
    const given = overrides?.[i];
    if (given !== undefined && !Number.isNaN(given)) {
      values[parameter.slot] = given;
      out.set(parameter.name, given);
      continue;
    }
    try {
      const value = parameter.value!.run(values);
      values[parameter.slot] = value;
      out.set(parameter.name, value);
    } catch {
      // Reported by runQuantities, which evaluates every parameter in every period.
    }
  }
  return out;
}

/** The value of every constant parameter (see CompiledModel.constantParameters). */
export function constantValues(model: CompiledModel): Map<string, number> {
  return constantsOf(prepareQuantities(model));
}
