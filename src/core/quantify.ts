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
import { compileExpression, EvaluationError, type CompiledExpression } from './expression/index.js';
import type { CompiledModel, CompiledQuantity, CompiledStep } from './compile.js';
import { issue, type Issue, type Path, type QuantityKind } from './issues.js';
import { canonicalName, type CostKind, type Nature } from './model/index.js';
import { emptyFigures, fillPeriod, preparePaths, type PathFigures, type PathScratch, type PreparedPaths } from './prepare/paths.js';

/** One value transfer of one transaction, in one period, for the occurrences one scenario causes. */
export interface Flow {
  period: number;
  scenario: string;
  transaction: string;
  transfer: number;
  from: string;
  to: string;
  object: string;
  nature: Nature;
  channel: string | undefined;
  occurrences: number;
  /** Money amount or units per occurrence. */
  perOccurrence: number;
  /** Total money moved (0 unless the object is money). */
  money: number;
  /** Total worth of a non-money object to its receiver (0 for money or when not valued). */
  value: number;
}

export interface CostLine {
  period: number;
  actor: string;
  /** Position in the actor's cost list (actors.ACTOR.costs[index]). */
  index: number;
  name: string;
  kind: CostKind;
  amount: number;
  /** For variable costs: the scenario whose occurrences caused it. */
  scenario?: string;
}

export interface Ledger {
  horizon: number;
  flows: Flow[];
  costs: CostLine[];
  /** occurrences[period].get(transaction) summed over scenarios; period 0 has none. */
  occurrences: Array<Map<string, number>>;
  /** Size of each segment in periods 1..horizon (index 0 is period 1). */
  sizes: Map<string, number[]>;
}

const FRACTION_TOLERANCE = 1e-9;

/** Values of the dynamics' variables per period (index 0..horizon), by canonical name. */
export type PeriodSeries = ReadonlyMap<string, ArrayLike<number>>;

/** What a quantity measures, for the issue that says it is negative. */
type Measured = { quantity: QuantityKind; name?: string };
const START_COUNT: Measured = { quantity: 'start-count' };
const AMOUNT: Measured = { quantity: 'amount' };
const COUNT: Measured = { quantity: 'count' };

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
const T_SLOT = 0;
const HORIZON_SLOT = 1;

export type PreparedStep =
  /** `index` numbers the step in the model, `position` its transaction in its scenario's order. */
  | { kind: 'transaction'; transaction: string; count: P; index: number; position: number }
  | { kind: 'and'; steps: PreparedStep[] }
  | { kind: 'or'; branches: Array<{ fraction: P; steps: PreparedStep[]; path: Path }>; path: Path; index: number };

export interface PreparedTransfer {
  /** Number of the transfer among every transfer of the model (scratch arrays). */
  key: number;
  index: number;
  from: string;
  to: string;
  object: string;
  nature: Nature;
  channel: string | undefined;
  amount: P;
  amountPath: Path;
  /** The receiver's valuation of a non-money object. */
  worth: P;
}

export interface PreparedScenario {
  id: string;
  actor: string;
  segment: boolean;
  count: P;
  countPath: Path;
  steps: PreparedStep[];
  /** Its transactions in the order its steps first reach them (the order of its flows). */
  order: string[];
  /** Where each transaction of `order` sits in PreparedQuantities.reached. */
  reachedAt: Int32Array;
  /** The transfers of each transaction of `order`; undefined for a transaction that does not exist. */
  transfers: Array<PreparedTransfer[] | undefined>;
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
  /** For a variable cost: the position of its transaction in each scenario's order, or -1. */
  positions: number[];
}

export interface PreparedQuantities {
  model: CompiledModel;
  slotCount: number;
  parameters: Array<{ name: string; slot: number; value: P }>;
  /** Slot of each parameter by name. */
  parameterSlots: ReadonlyMap<string, number>;
  /** Position of each parameter in `parameters` (and in runQuantities' overrides), by name. */
  parameterPositions: ReadonlyMap<string, number>;
  /** Dynamics names read (canonical) and their slot, filled from the series every period. */
  dynamics: Array<{ name: string; slot: number }>;
  sizes: Array<{ actor: string; value: P; path: Path; what: Measured }>;
  costs: PreparedCost[];
  scenarios: PreparedScenario[];
  /** Per transaction, its transfers whose object exists. */
  transactions: Map<string, PreparedTransfer[]>;
  /**
   * Every transaction some scenario reaches, in the order the scenarios first reach them: the
   * keys of each period's Ledger.occurrences, in their order.
   */
  reached: string[];
  /** Flows each period of operations gives: the transfers of every scenario's transactions. */
  flowsPerPeriod: number;
  transferCount: number;
  quantityCount: number;
  stepCount: number;
  orCount: number;
  paths: PreparedPaths;
}

/** Compiles every quantity of a model over slots; `seriesNames` are the names the dynamics give. */
export function prepareQuantities(model: CompiledModel, seriesNames: ReadonlySet<string> = new Set()): PreparedQuantities {
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
  const prepared = (q: CompiledQuantity | undefined): P =>
    q ? { path: q.path, run: compileExpression(q.expr, slotOf), source: q, id: quantityCount++, constant: q.names.every((n) => constantNames.has(n)) } : undefined;

  const parameters = model.parameters.map(({ name, value }) => ({ name, slot: parameterSlots.get(name)!, value: prepared(value) }));
  const sizes = [...model.sizes].map(([actor, q]) => ({ actor, value: prepared(q), path: q?.path ?? ['actors', actor], what: { quantity: 'segment-size', name: actor } as const }));
  const costs = model.costs.map((cost): PreparedCost => ({
    actor: cost.actor,
    index: cost.index,
    name: cost.name,
    kind: cost.kind,
    amount: prepared(cost.amount),
    per: cost.per,
    at: cost.at,
    path: cost.path,
    what: { quantity: cost.kind === 'investment' ? 'investment' : 'cost', name: cost.name },
    positions: [],
  }));
  let stepCount = 0;
  let orCount = 0;
  // Depth-first, every branch: the order in which a period's walk meets the steps.
  const steps = (list: CompiledStep[], order: string[]): PreparedStep[] =>
    list.map((step): PreparedStep => {
      if (step.kind === 'transaction') {
        if (!order.includes(step.transaction)) order.push(step.transaction);
        return { kind: 'transaction', transaction: step.transaction, count: prepared(step.count), index: stepCount++, position: order.indexOf(step.transaction) };
      }
      if (step.kind === 'and') return { kind: 'and', steps: steps(step.steps, order) };
      return {
        kind: 'or',
        path: step.path,
        index: orCount++,
        branches: step.branches.map((b) => ({ fraction: prepared(b.fraction), steps: steps(b.steps, order), path: b.path })),
      };
    });
  const transactions = new Map<string, PreparedTransfer[]>();
  let transferCount = 0;
  for (const [id, transaction] of Object.entries(doc.transactions)) {
    const transfers: PreparedTransfer[] = [];
    transaction.transfers.forEach((transfer, i) => {
      const object = doc.valueObjects[transfer.object];
      if (!object) return;
      const valuation = object.nature === 'money' ? undefined : model.valuations.get(transfer.object);
      const amount = model.amounts.get(id)?.[i];
      transfers.push({
        key: transferCount++,
        index: i,
        from: transfer.from,
        to: transfer.to,
        object: transfer.object,
        nature: object.nature,
        channel: transfer.channel ?? transaction.channel,
        amount: prepared(amount),
        amountPath: amount?.path ?? ['transactions', id, 'transfers', i],
        worth: prepared(valuation?.byReceiver.get(transfer.to) ?? valuation?.other),
      });
    });
    transactions.set(id, transfers);
  }
  const scenarios = model.scenarios.map((s): PreparedScenario => {
    const order: string[] = [];
    const walked = steps(s.steps, order);
    return {
      id: s.id,
      actor: s.actor,
      segment: doc.actors[s.actor]?.kind === 'segment',
      count: prepared(s.count),
      countPath: s.count?.path ?? ['scenarios', s.id],
      steps: walked,
      order,
      reachedAt: new Int32Array(order.length),
      transfers: order.map((t) => transactions.get(t)),
    };
  });
  for (const cost of costs) if (cost.kind === 'variable') cost.positions = scenarios.map((s) => s.order.indexOf(cost.per!));
  const reached: string[] = [];
  for (const scenario of scenarios) {
    scenario.order.forEach((transaction, k) => {
      if (!reached.includes(transaction)) reached.push(transaction);
      scenario.reachedAt[k] = reached.indexOf(transaction);
    });
  }
  return {
    model, slotCount: next, parameters, parameterSlots, dynamics,
    parameterPositions: new Map(parameters.map((p, i) => [p.name, i])), sizes, costs, scenarios, transactions, reached, transferCount,
    flowsPerPeriod: scenarios.reduce((sum, s) => sum + s.transfers.reduce((n, list) => n + (list?.length ?? 0), 0), 0), stepCount, orCount, quantityCount,
    paths: preparePaths(scenarios, transactions, costs),
  };
}

export interface Quantified {
  ledger: Ledger;
  /** Every scenario path with its figures per period (see prepare/paths.ts). */
  paths: PathFigures;
  issues: Issue[];
}

/**
 * The ledger of a prepared model. `overrides` replace parameters' values (by slot order of
 * prepared.parameters, NaN for none) in every period, as if the number were written in the model.
 */
export function runQuantities(prepared: PreparedQuantities, series: PeriodSeries, overrides?: Float64Array): Quantified {
  const { doc } = prepared.model;
  const horizon = doc.horizon;
  const issues: Issue[] = [];
  const reported = new Set<string>();
  const report = (found: Issue): void => {
    const key = `${found.code}|${JSON.stringify(found.path)}`;
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(found);
  };

  // Every period of operations gives one flow per transfer of each scenario's transactions.
  const flows: Flow[] = new Array(horizon * prepared.flowsPerPeriod);
  let flowCount = 0;
  const ledger: Ledger = { horizon, flows, costs: [], occurrences: [new Map()], sizes: new Map() };
  const values = new Float64Array(prepared.slotCount);
  const columns = prepared.dynamics.map((d) => ({ slot: d.slot, values: series.get(d.name) }));
  const scratch: PathScratch = {
    starts: new Float64Array(prepared.scenarios.length),
    counts: new Float64Array(prepared.stepCount),
    fractions: new Float64Array(prepared.paths.fractionCount),
    perOccurrence: new Float64Array(prepared.transferCount),
    worth: new Float64Array(prepared.transferCount),
    costAmounts: new Float64Array(prepared.costs.length),
  };
  const figures = emptyFigures(prepared.paths, horizon);
  const { orOffsets } = prepared.paths;
  const sizes = prepared.sizes.map(({ actor }) => {
    const list: number[] = [];
    ledger.sizes.set(actor, list);
    return list;
  });
  const sizeOf = new Map(prepared.sizes.map(({ actor }, i) => [actor, i]));
  // Occurrences of each transaction of each scenario's order, this period.
  const counts = prepared.scenarios.map((s) => new Float64Array(s.order.length));
  // Occurrences of each transaction of prepared.reached, summed over scenarios, this period.
  const reachedCounts = new Float64Array(prepared.reached.length);

  let period = 0;
  // Period 0 only holds investments, before t starts at 1: a parameter such as "12 / t" need
  // not make sense there, so its failures count only if an investment at 0 reads it.
  let quiet = true;
  // A constant quantity's value the first time it is evaluated in a period of operations, read
  // again later: the same number, and the same issue (reported once, for that first period, as
  // evaluating it every period would). Period 0 is not kept: its failures are quiet.
  const cache = new Float64Array(prepared.quantityCount);
  const cached = new Uint8Array(prepared.quantityCount);
  // Any quantity's value in the period it was last evaluated: the slots do not change within a
  // period once the parameters are in, so a transfer reached by several scenarios is worked out
  // once (its issues were reported the first time, for this same period).
  const memo = new Float64Array(prepared.quantityCount);
  const memoPeriod = new Int32Array(prepared.quantityCount).fill(-1);
  const value = (q: P, fallback = Number.NaN, silent = quiet): number => {
    if (!q) return fallback;
    if (memoPeriod[q.id] === period) return memo[q.id]!;
    if (q.constant && cached[q.id]) return cache[q.id]!;
    let result: number;
    try {
      result = q.run(values);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      // Unknown names mean a broken parameter already reported; everything else is new.
      if (!silent && error.fault.reason !== 'unknown-name') {
        report(issue('evaluation', q.path, { ...error.fault, period }, { offset: error.offset }));
      }
      result = Number.NaN;
    }
    if (q.constant && period > 0) {
      cache[q.id] = result;
      cached[q.id] = 1;
    }
    memo[q.id] = result;
    memoPeriod[q.id] = period;
    return result;
  };
  const nonNegative = (amount: number, what: Measured, path: Path): number => {
    if (amount < 0) report(issue('negative', path, { ...what, value: round(amount), period }));
    return amount;
  };
  let into = counts[0]!;
  const walk = (steps: readonly PreparedStep[], reaching: number): void => {
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k]!;
      if (step.kind === 'transaction') {
        const count = step.count ? nonNegative(value(step.count), COUNT, step.count.path) : 1;
        scratch.counts[step.index] = count;
        into[step.position] = into[step.position]! + reaching * count;
      } else if (step.kind === 'and') {
        walk(step.steps, reaching);
      } else {
        const { fractions } = scratch;
        const offset = orOffsets[step.index]!;
        const { branches } = step;
        for (let i = 0; i < branches.length; i++) fractions[offset + i] = value(branches[i]!.fraction);
        let sum = 0;
        for (let i = 0; i < branches.length; i++) {
          const f = fractions[offset + i]!;
          if (f < 0 || f > 1) report(issue('fraction-range', branches[i]!.fraction!.path, { value: round(f), period }));
          sum += f;
        }
        if (!Number.isNaN(sum) && Math.abs(sum - 1) > FRACTION_TOLERANCE) {
          report(issue('or-fractions', step.path, { sum: round(sum), period }, { atKey: true }));
        }
        for (let i = 0; i < branches.length; i++) walk(branches[i]!.steps, reaching * fractions[offset + i]!);
      }
    }
  };

  for (period = 0; period <= horizon; period++) {
    quiet = period === 0;
    values[T_SLOT] = period;
    values[HORIZON_SLOT] = horizon;
    for (let c = 0; c < columns.length; c++) values[columns[c]!.slot] = columns[c]!.values?.[period] ?? Number.NaN;
    for (let i = 0; i < prepared.parameters.length; i++) {
      const parameter = prepared.parameters[i]!;
      const given = overrides?.[i];
      // A constant parameter's slot keeps its period-1 value.
      if (period > 1 && parameter.value?.constant) continue;
      values[parameter.slot] = given !== undefined && !Number.isNaN(given) ? given : value(parameter.value);
    }

    for (let c = 0; c < prepared.costs.length; c++) {
      const cost = prepared.costs[c]!;
      if (cost.kind !== 'investment' || cost.at !== period) continue;
      const amount = nonNegative(value(cost.amount), cost.what, cost.amount?.path ?? cost.path);
      if (Number.isNaN(amount) && cost.amount && quiet) {
        report(issue('evaluation', cost.amount.path, { reason: 'before-start', period }));
      }
      ledger.costs.push({ period, actor: cost.actor, index: cost.index, name: cost.name, kind: 'investment', amount });
    }
    if (period === 0) continue;

    for (let i = 0; i < prepared.sizes.length; i++) {
      const size = prepared.sizes[i]!;
      sizes[i]!.push(nonNegative(value(size.value), size.what, size.path));
    }

    reachedCounts.fill(0);
    for (let s = 0; s < prepared.scenarios.length; s++) {
      const scenario = prepared.scenarios[s]!;
      into = counts[s]!;
      into.fill(0);
      let starts = nonNegative(value(scenario.count), START_COUNT, scenario.countPath);
      // A segment's need occurs `count` times per member: e3value's segment size × need occurrences.
      if (scenario.segment) {
        const i = sizeOf.get(scenario.actor);
        starts *= i === undefined ? Number.NaN : sizes[i]![period - 1]!;
      }
      scratch.starts[s] = starts;
      walk(scenario.steps, starts);
      const { reachedAt } = scenario;
      for (let k = 0; k < reachedAt.length; k++) reachedCounts[reachedAt[k]!] = reachedCounts[reachedAt[k]!]! + into[k]!;
    }
    const occurrences = new Map<string, number>();
    for (let r = 0; r < prepared.reached.length; r++) occurrences.set(prepared.reached[r]!, reachedCounts[r]!);
    ledger.occurrences.push(occurrences);

    for (let s = 0; s < prepared.scenarios.length; s++) {
      const scenario = prepared.scenarios[s]!;
      const n = counts[s]!;
      const { order } = scenario;
      for (let k = 0; k < order.length; k++) {
        const transfers = scenario.transfers[k];
        if (transfers) flowsOf(order[k]!, transfers, n[k]!, scenario.id);
      }
    }

    for (let c = 0; c < prepared.costs.length; c++) {
      const cost = prepared.costs[c]!;
      if (cost.kind === 'investment') continue;
      const amount = nonNegative(value(cost.amount), cost.what, cost.amount?.path ?? cost.path);
      scratch.costAmounts[c] = amount;
      if (cost.kind === 'fixed') {
        ledger.costs.push({ period, actor: cost.actor, index: cost.index, name: cost.name, kind: 'fixed', amount });
        continue;
      }
      const { positions } = cost;
      for (let s = 0; s < positions.length; s++) {
        const k = positions[s]!;
        const n = k < 0 ? 0 : counts[s]![k]!;
        if (n > 0) ledger.costs.push({ period, actor: cost.actor, index: cost.index, name: cost.name, kind: 'variable', amount: n * amount, scenario: prepared.scenarios[s]!.id });
      }
    }
    fillPeriod(prepared.paths, figures, scratch, period);
  }

  /** The flows of `n` occurrences of a transaction in one scenario, this period. */
  function flowsOf(transaction: string, transfers: readonly PreparedTransfer[], n: number, scenario: string): void {
    for (let i = 0; i < transfers.length; i++) {
      const transfer = transfers[i]!;
      const perOccurrence = nonNegative(value(transfer.amount, 1), AMOUNT, transfer.amountPath);
      const money = transfer.nature === 'money';
      const worth = !money && transfer.worth ? value(transfer.worth) : 0;
      scratch.perOccurrence[transfer.key] = perOccurrence;
      scratch.worth[transfer.key] = worth;
      flows[flowCount++] = {
        period,
        scenario,
        transaction,
        transfer: transfer.index,
        from: transfer.from,
        to: transfer.to,
        object: transfer.object,
        nature: transfer.nature,
        channel: transfer.channel,
        occurrences: n,
        perOccurrence,
        money: money ? n * perOccurrence : 0,
        value: money ? 0 : n * perOccurrence * worth,
      };
    }
  }

  flows.length = flowCount;
  // Every period of operations holds every reachable transaction, at 0 when nothing reached it.
  const reached = new Set(horizon >= 1 ? prepared.reached : []);
  for (const id of Object.keys(doc.transactions)) {
    if (!reached.has(id)) report(issue('unreached-transaction', ['transactions', id], { transaction: id }, { severity: 'warning', atKey: true }));
  }
  return { ledger, paths: figures, issues };
}

/** Prepares and runs in one go: the ledger of a compiled model for one set of series. */
export function quantify(model: CompiledModel, series: PeriodSeries = new Map()): Quantified {
  return runQuantities(prepareQuantities(model, new Set(series.keys())), series);
}

/**
 * The value of every constant parameter (see CompiledModel.constantParameters), the overridden
 * ones taking their given value: what the dynamics read.
 */
export function constantsOf(prepared: PreparedQuantities, overrides?: Float64Array): Map<string, number> {
  const values = new Float64Array(prepared.slotCount).fill(Number.NaN);
  values[HORIZON_SLOT] = prepared.model.doc.horizon;
  const out = new Map<string, number>();
  const constant = new Set(prepared.model.constantParameters);
  prepared.parameters.forEach((parameter, i) => {
    if (!constant.has(parameter.name) || !parameter.value) return;
    const given = overrides?.[i];
    if (given !== undefined && !Number.isNaN(given)) {
      values[parameter.slot] = given;
      out.set(parameter.name, given);
      return;
    }
    try {
      const value = parameter.value.run(values);
      values[parameter.slot] = value;
      out.set(parameter.name, value);
    } catch {
      // Reported by runQuantities, which evaluates every parameter in every period.
    }
  });
  return out;
}

/** The value of every constant parameter (see CompiledModel.constantParameters). */
export function constantValues(model: CompiledModel): Map<string, number> {
  return constantsOf(prepareQuantities(model));
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
