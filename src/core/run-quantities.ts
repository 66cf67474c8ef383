/**
 * One quantification of a prepared model (see quantify.ts): the slots filled period by period,
 * the scenarios walked, and every figure written into the ledger's columns. Nothing here makes
 * a record per flow: what a flow is was fixed at prepare time, so a period writes numbers only,
 * and the per-path figures are filled in one pass at the end from what the periods left.
 *
 * The working arrays (slots, per-period counts, the memo of quantities) are made once per
 * prepared model and reused by every run. What the periods leave for the paths (the history) is
 * made for each run and let go after it: at 10⁵ actors it takes 45 MB, which a model evaluated
 * once would otherwise hold to the end. The figures a run returns are its own, in one buffer,
 * and stay as they were when the model is evaluated again.
 */
import { EvaluationError } from './expression/index.js';
import { issue, type Issue, type Path } from './issues.js';
import type { Ledger } from './ledger.js';
import { figuresSize, fillPaths, pathFigures, type PathFigures, type PathHistory } from './prepare/paths.js';
import { HORIZON_SLOT, T_SLOT, type Measured, type PeriodSeries, type PreparedQuantities, type PreparedQuantity } from './quantify.js';

export interface Quantified {
  ledger: Ledger;
  /** Every scenario path with its figures per period (see prepare/paths.ts). */
  paths: PathFigures;
  issues: Issue[];
}

const FRACTION_TOLERANCE = 1e-9;
const START_COUNT: Measured = { quantity: 'start-count' };
const AMOUNT: Measured = { quantity: 'amount' };
const COUNT: Measured = { quantity: 'count' };

/** A run's working arrays, kept with the prepared model (JavaScript runs one at a time). */
interface Scratch {
  values: Float64Array;
  /** The slots of the last period worked out. */
  previous: Float64Array;
  /** Occurrences of each transaction of each scenario's order, this period (countOffset + k). */
  counts: Float64Array;
  memo: Float64Array;
  memoPeriod: Int32Array;
  cache: Float64Array;
  cached: Uint8Array;
  /** The occurrences reaching each step of the scenario being walked (Walk.reach). */
  reach: Float64Array;
  /** Each line transfer's amount per occurrence and worth, this period. */
  amounts: Float64Array;
  worths: Float64Array;
  /** A path's weight in each period (fillPaths). */
  weight: Float64Array;
}

/** What each period leaves for the paths, but the per-line amounts (the ledger's column), for one run. */
function historyOf(prepared: PreparedQuantities): Omit<PathHistory, 'perOccurrence'> {
  const width = prepared.model.doc.horizon + 1;
  return {
    starts: new Float64Array(prepared.scenarios.length * width),
    counts: new Float64Array(prepared.stepCount * width),
    fractions: new Float64Array(prepared.paths.fractionCount * width),
    worth: new Float64Array(prepared.lines.length * (width - 1)),
    costAmounts: new Float64Array(prepared.costs.length * width),
  };
}

const scratches = new WeakMap<PreparedQuantities, Scratch>();

function scratchOf(prepared: PreparedQuantities): Scratch {
  let scratch = scratches.get(prepared);
  if (scratch) return scratch;
  const width = prepared.model.doc.horizon + 1;
  const q = prepared.quantityCount;
  scratch = {
    values: new Float64Array(prepared.slotCount),
    previous: new Float64Array(prepared.slotCount),
    counts: new Float64Array(prepared.countCount),
    memo: new Float64Array(q),
    memoPeriod: new Int32Array(q),
    cache: new Float64Array(q),
    cached: new Uint8Array(q),
    reach: new Float64Array(mostReachSlots(prepared)),
    amounts: new Float64Array(prepared.lineTransfers.length),
    worths: new Float64Array(prepared.lineTransfers.length),
    weight: new Float64Array(width),
  };
  scratches.set(prepared, scratch);
  return scratch;
}

/**
 * The ledger of a prepared model. `overrides` replace parameters' values (by slot order of
 * prepared.parameters, NaN for none) in every period, as if the number were written in the model.
 * `recycle`, the result of an earlier run of the same prepared model that is no longer needed,
 * lends its buffer: its figures are overwritten (a draw after draw spares making a new one).
 */
export function runQuantities(prepared: PreparedQuantities, series: PeriodSeries, overrides?: ArrayLike<number>, recycle?: Omit<Quantified, 'issues'>): Quantified {
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

  const { ledger, paths: figures } = emptyFigures(prepared, horizon, recycle);
  const { flows, costs, occurrences } = ledger;
  let costCount = 0;
  const scratch = scratchOf(prepared);
  const { values, previous, counts, memo, memoPeriod, cache, cached, reach, amounts, worths } = scratch;
  const history = historyOf(prepared);
  values.fill(0);
  memoPeriod.fill(-1);
  cached.fill(0);
  const columns = prepared.dynamics.map((d) => ({ slot: d.slot, values: series.get(d.name) }));
  const { orOffsets } = prepared.paths;
  const sizes = prepared.sizes.map(({ actor }) => {
    const list: number[] = [];
    ledger.sizes.set(actor, list);
    return list;
  });
  const lineCount = prepared.lines.length;
  const scenarioCount = prepared.scenarios.length;
  const { stepCount } = prepared;
  const fractionCount = prepared.paths.fractionCount;
  const costTotal = prepared.costs.length;
  const reachedCount = prepared.reached.length;
  const { reachedAt } = prepared;
  // The cost entries of the last period worked out, past its investments: a period that repeats
  // it charges them again.
  let operatingStart = 0;
  let operatingEnd = 0;

  let period = 0;
  // Period 0 only holds investments, before t starts at 1: a parameter such as "12 / t" need
  // not make sense there, so its failures count only if an investment at 0 reads it.
  let quiet = true;
  // A constant quantity's value the first time it is evaluated in a period of operations, read
  // again later: the same number, and the same issue (reported once, for that first period, as
  // evaluating it every period would). Period 0 is not kept: its failures are quiet.
  // Any quantity's value in the period it was last evaluated (memo): the slots do not change
  // within a period once the parameters are in, so a transfer reached by several scenarios is
  // worked out once (its issues were reported the first time, for this same period).
  const value = (q: PreparedQuantity | undefined, fallback = Number.NaN): number => {
    if (!q) return fallback;
    if (memoPeriod[q.id] === period) return memo[q.id]!;
    if (q.constant && cached[q.id]) return cache[q.id]!;
    let result: number;
    try {
      result = q.run(values);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      // Unknown names mean a broken parameter already reported; everything else is new.
      if (!quiet && error.fault.reason !== 'unknown-name') {
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
  // Where the scenario being walked keeps its counts, and this period's history.
  let into = 0;
  let stepsAt = 0;
  let fractionsAt = 0;
  /** A scenario's walk (its steps from..to of the walk): each transaction's occurrences, into its counts. */
  const steps = prepared.walk;
  const walk = (from: number, to: number): void => {
    const { fractions } = history;
    for (let k = from; k < to; k++) {
      if (!steps.or[k]) {
        const q = steps.count[k];
        const count = q ? nonNegative(value(q), COUNT, q.path) : 1;
        history.counts[stepsAt + steps.index[k]!] = count;
        const at = into + steps.position[k]!;
        counts[at] = counts[at]! + reach[steps.reach[k]!]! * count;
        continue;
      }
      const split = steps.splits[steps.index[k]!]!;
      const offset = fractionsAt + orOffsets[steps.index[k]!]!;
      const branches = split.fractions;
      for (let i = 0; i < branches.length; i++) fractions[offset + i] = value(branches[i]);
      let sum = 0;
      for (let i = 0; i < branches.length; i++) {
        const f = fractions[offset + i]!;
        if (f < 0 || f > 1) report(issue('fraction-range', branches[i]!.path, { value: round(f), period }));
        sum += f;
      }
      if (!Number.isNaN(sum) && Math.abs(sum - 1) > FRACTION_TOLERANCE) {
        report(issue('or-fractions', split.path, { sum: round(sum), period }, { atKey: true }));
      }
      const branchReach = steps.branchReach[k]!;
      const reached = reach[steps.reach[k]!]!;
      for (let i = 0; i < branches.length; i++) reach[branchReach + i] = reached * fractions[offset + i]!;
    }
  };

  /** The slots of this period: t, the dynamics, and the parameters that change (all of them at first). */
  const fillSlots = (): void => {
    values[T_SLOT] = period;
    values[HORIZON_SLOT] = horizon;
    for (let c = 0; c < columns.length; c++) values[columns[c]!.slot] = columns[c]!.values?.[period] ?? Number.NaN;
    const all = period <= 1;
    const list = prepared.variableParameters;
    const n = all ? prepared.parameters.length : list.length;
    for (let j = 0; j < n; j++) {
      const i = all ? j : list[j]!;
      const parameter = prepared.parameters[i]!;
      const given = overrides?.[i];
      values[parameter.slot] = given !== undefined && !Number.isNaN(given) ? given : value(parameter.value);
    }
  };

  /** A cost charged this period, on one of the ledger's cost rows. */
  const charge = (row: number, amount: number): void => {
    costs.row[costCount] = row;
    costs.period[costCount] = period;
    costs.amount[costCount++] = amount;
  };

  for (period = 0; period <= horizon; period++) {
    quiet = period === 0;
    fillSlots();
    for (const c of prepared.investments) {
      const cost = prepared.costs[c]!;
      if (cost.at !== period) continue;
      const amount = nonNegative(value(cost.amount), cost.what, cost.amount?.path ?? cost.path);
      if (Number.isNaN(amount) && cost.amount && quiet) {
        report(issue('evaluation', cost.amount.path, { reason: 'before-start', period }));
      }
      charge(cost.row, amount);
    }
    if (period === 0) continue;
    if (period > 1 && !prepared.readsTime && sameSlots(values, previous)) {
      repeatPeriod();
      continue;
    }
    previous.set(values);

    for (let i = 0; i < prepared.sizes.length; i++) {
      const size = prepared.sizes[i]!;
      sizes[i]!.push(nonNegative(value(size.value), size.what, size.path));
    }

    counts.fill(0);
    const reachedAt0 = period * reachedCount;
    stepsAt = period * stepCount;
    fractionsAt = period * fractionCount;
    for (let s = 0; s < scenarioCount; s++) {
      const scenario = prepared.scenarios[s]!;
      into = scenario.countOffset;
      let starts = nonNegative(value(scenario.count), START_COUNT, scenario.countPath);
      // A segment's need occurs `count` times per member: e3value's segment size × need occurrences.
      if (scenario.segment) starts *= scenario.sizeAt < 0 ? Number.NaN : sizes[scenario.sizeAt]![period - 1]!;
      history.starts[period * scenarioCount + s] = starts;
      reach[0] = starts;
      walk(scenario.walkStart, scenario.walkEnd);
      const reached = occurrences.counts;
      for (let k = into; k < into + scenario.order.length; k++) reached[reachedAt0 + reachedAt[k]!] = reached[reachedAt0 + reachedAt[k]!]! + counts[k]!;
    }
    flowsOf();

    operatingStart = costCount;
    for (const c of prepared.operatingCosts) {
      const cost = prepared.costs[c]!;
      const amount = nonNegative(value(cost.amount), cost.what, cost.amount?.path ?? cost.path);
      history.costAmounts[period * costTotal + c] = amount;
      if (cost.kind === 'fixed') {
        charge(cost.row, amount);
        continue;
      }
      const { charged } = cost;
      for (let s = 0; s < charged.length; s++) {
        const n = counts[charged[s]!.count]!;
        if (n > 0) charge(charged[s]!.row, n * amount);
      }
    }
    operatingEnd = costCount;
  }

  /**
   * The flows of this period: each line's occurrences in its scenario, by its transfer's amount
   * and worth (worked out once a period for all the lines of a transfer, in the order the lines
   * first reach them; after the first period, only for transfers whose figures can change).
   */
  function flowsOf(): void {
    const { lineTransfers, lineCounts, transferOfLine, variableTransfers } = prepared;
    const all = period === 1;
    const n = all ? lineTransfers.length : variableTransfers.length;
    for (let j = 0; j < n; j++) {
      const t = all ? j : variableTransfers[j]!;
      const transfer = lineTransfers[t]!;
      amounts[t] = transfer.amount ? nonNegative(value(transfer.amount), AMOUNT, transfer.amount.path) : 1;
      worths[t] = transfer.nature !== 'money' && transfer.worth ? value(transfer.worth) : 0;
    }
    const base = (period - 1) * lineCount;
    for (let l = 0; l < lineCount; l++) {
      const t = transferOfLine[l]!;
      const count = counts[lineCounts[l]!]!;
      const perOccurrence = amounts[t]!;
      const worth = worths[t]!;
      history.worth[base + l] = worth;
      flows.occurrences[base + l] = count;
      flows.perOccurrence[base + l] = perOccurrence;
      if (lineTransfers[t]!.nature === 'money') {
        flows.money[base + l] = count * perOccurrence;
        flows.value[base + l] = 0;
      } else {
        flows.money[base + l] = 0;
        flows.value[base + l] = count * perOccurrence * worth;
      }
    }
  }

  /**
   * This period's figures are the last period's: the same slots give the same numbers (and
   * the same issues, already reported). Copied rather than worked out again.
   */
  function repeatPeriod(): void {
    for (const list of sizes) list.push(list[period - 2]!);
    const again = (array: Float64Array, size: number, at: number): void => {
      const from = (at - 1) * size;
      const to = at * size;
      // A few numbers are copied faster one by one than through a call to copyWithin.
      if (size > 32) array.copyWithin(to, from, to);
      else for (let i = 0; i < size; i++) array[to + i] = array[from + i]!;
    };
    again(flows.occurrences, lineCount, period - 1);
    again(flows.perOccurrence, lineCount, period - 1);
    again(flows.money, lineCount, period - 1);
    again(flows.value, lineCount, period - 1);
    again(history.worth, lineCount, period - 1);
    again(occurrences.counts, reachedCount, period);
    again(history.starts, scenarioCount, period);
    again(history.counts, stepCount, period);
    again(history.fractions, fractionCount, period);
    again(history.costAmounts, costTotal, period);
    const start = costCount;
    for (let i = operatingStart; i < operatingEnd; i++) charge(costs.row[i]!, costs.amount[i]!);
    operatingStart = start;
    operatingEnd = costCount;
  }

  costs.row = costs.row.subarray(0, costCount);
  costs.period = costs.period.subarray(0, costCount);
  costs.amount = costs.amount.subarray(0, costCount);
  if (horizon >= 1) {
    fillPaths(prepared.paths, figures, { ...history, perOccurrence: flows.perOccurrence }, { scenarios: scenarioCount, steps: stepCount, lines: lineCount, costs: costTotal }, scratch.weight);
  }
  // A figure that overflows (a segment of 1e308 people buying 30 times a month) is the model's
  // fault, said once per transfer or cost line, at the first period it happens; it would print as
  // ∞, and as NaN in every sum. Only infinities are said: a NaN follows from a fault reported where
  // it is (a parameter without a value), or from an infinity reported on its own line.
  reportOverflows(ledger, report);
  // Every period of operations holds every reachable transaction, at 0 when nothing reached it.
  for (const id of horizon >= 1 ? prepared.unreached : Object.keys(doc.transactions)) {
    report(issue('unreached-transaction', ['transactions', id], { transaction: id }, { severity: 'warning', atKey: true }));
  }
  return { ledger, paths: figures, issues };
}

/** The most reaching slots a scenario's walk uses (a loop: a spread of 10⁵ numbers would overflow the stack). */
function mostReachSlots(prepared: PreparedQuantities): number {
  let most = 1;
  for (const scenario of prepared.scenarios) most = Math.max(most, scenario.reachSlots);
  return most;
}

/** Whether two periods' slots hold the same numbers, t apart (Object.is: 0 and −0 differ). */
function sameSlots(values: Float64Array, previous: Float64Array): boolean {
  for (let i = HORIZON_SLOT; i < values.length; i++) {
    const a = values[i]!;
    const b = previous[i]!;
    if (a !== b || (a === 0 && 1 / a !== 1 / b)) return false;
  }
  return true;
}

/**
 * A run's ledger and path figures, zeroed, in one buffer: a new one, or the one of an earlier
 * run's figures of the same model (the cost entries are cut to length at the end of the run).
 */
function emptyFigures(prepared: PreparedQuantities, horizon: number, recycle: Omit<Quantified, 'issues'> | undefined): { ledger: Ledger; paths: PathFigures } {
  const flowCount = horizon * prepared.lines.length;
  const { costCapacity } = prepared;
  const occurrenceCount = (horizon + 1) * prepared.reached.length;
  const doubles = 4 * flowCount + occurrenceCount + costCapacity + figuresSize(prepared.paths, horizon);
  const bytes = 8 * doubles + 8 * costCapacity;
  const lent = recycle?.ledger.flows.lines === prepared.lines ? recycle.ledger.flows.occurrences.buffer : undefined;
  const buffer = lent instanceof ArrayBuffer && lent.byteLength === bytes ? lent : new ArrayBuffer(bytes);
  if (buffer === lent) new Uint8Array(buffer).fill(0);
  let at = 0;
  const take = (length: number): Float64Array => {
    const array = new Float64Array(buffer, at, length);
    at += 8 * length;
    return array;
  };
  const ints = (length: number): Int32Array => {
    const array = new Int32Array(buffer, at, length);
    at += 4 * length;
    return array;
  };
  const flows = { lines: prepared.lines, occurrences: take(flowCount), perOccurrence: take(flowCount), money: take(flowCount), value: take(flowCount) };
  const occurrences = { transactions: prepared.reached, index: prepared.reachedIndex, counts: take(occurrenceCount) };
  const amount = take(costCapacity);
  const paths = pathFigures(prepared.paths, horizon, take);
  const costs = { rows: prepared.costRows, amount, row: ints(costCapacity), period: ints(costCapacity) };
  return { ledger: { horizon, flows, costs, occurrences, sizes: new Map() }, paths };
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Each transfer and cost line with an infinite figure, as an `evaluation` issue. */
function reportOverflows(ledger: Ledger, report: (found: Issue) => void): void {
  const { flows, costs } = ledger;
  const lineCount = flows.lines.length;
  for (let k = 0; k < flows.money.length; k++) {
    const occurrences = flows.occurrences[k]!;
    const money = flows.money[k]!;
    const value = flows.value[k]!;
    // The first infinite one of the three, in this order.
    const bad = isInfinite(occurrences) ? occurrences : isInfinite(money) ? money : isInfinite(value) ? value : undefined;
    if (bad === undefined) continue;
    const line = flows.lines[k % lineCount]!;
    const period = Math.floor(k / lineCount) + 1;
    report(issue('evaluation', ['transactions', line.transaction, 'transfers', line.transfer], { reason: 'not-finite', value: String(bad), period }));
  }
  for (let i = 0; i < costs.amount.length; i++) {
    const amount = costs.amount[i]!;
    if (!isInfinite(amount)) continue;
    const row = costs.rows[costs.row[i]!]!;
    report(issue('evaluation', ['actors', row.actor, 'costs', row.index], { reason: 'not-finite', value: String(amount), period: costs.period[i]! }));
  }
}

const isInfinite = (x: number) => x === Infinity || x === -Infinity;
