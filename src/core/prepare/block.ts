/**
 * A prepared model quantified for a block of draws at once (a Monte Carlo chunk, a sensitivity
 * design): every slot, quantity and ledger figure is a column of one number per draw, and each
 * step of runQuantities' period loop runs once for the whole block, its closures evaluating whole
 * columns (expression/block.ts). The dynamics, if any, still run draw by draw; their series are
 * copied into columns.
 *
 * Each draw's figures are those evaluate() gives it, bit for bit: the same operations in the
 * same order, only over many draws. A draw whose evaluation would say anything (a fault, a
 * negative count, fractions that do not add up, a figure that is not finite, an issue of its
 * dynamics) is not settled here: its lane is left `settled = 0` and the caller evaluates that
 * draw alone, with evaluate(), which says what it says. So the block needs none of evaluate()'s
 * issues, and a draw that is settled is one that evaluate() gives without an error.
 *
 * @example
 * const block = blockEvaluator(prepared, ['churn_rate', 'price'], 256)!;
 * const run = block.run(inputs, count, (i) => seedOf(i));
 * if (run.settled[0]) readLedger(run.ledgerOf(0));
 */
import { compileBlock, blockContext, holdsNaN, type BlockExpression } from '../expression/block.js';
import { hasErrors } from '../issues.js';
import type { Expr } from '../expression/index.js';
import { canonicalName } from '../model/index.js';
import { constantsOf, HORIZON_SLOT, T_SLOT, type PeriodSeries, type PreparedQuantity } from '../quantify.js';
import type { Prepared } from './index.js';

const FRACTION_TOLERANCE = 1e-9;
/** The most a block's columns take (a model with 10⁵ flow lines gets a few draws per block, or none). */
const BLOCK_BYTES = 48 * 2 ** 20;
const MIN_BLOCK = 16;

/** Nodes of an expression tree: each has a column of its own in a block. */
function nodesOf(expr: Expr): number {
  switch (expr.type) {
    case 'number':
    case 'name':
      return 1;
    case 'unary':
      return 1 + nodesOf(expr.operand);
    case 'binary':
      return 1 + nodesOf(expr.left) + nodesOf(expr.right);
    case 'call':
      return expr.args.reduce((n, arg) => n + nodesOf(arg), 1);
  }
}

/** What one draw of a block takes, in bytes: its slots, quantities, nodes, ledger and series columns. */
function bytesPerDraw(prepared: Prepared): number {
  const q = prepared.quantities;
  const seen = new Set<number>();
  let nodes = 0;
  const count = (p: PreparedQuantity | undefined) => {
    if (!p || seen.has(p.id)) return;
    seen.add(p.id);
    nodes += nodesOf(p.source.expr);
  };
  for (const p of q.parameters) count(p.value);
  for (const s of q.sizes) count(s.value);
  for (const c of q.costs) count(c.amount);
  for (const s of q.scenarios) count(s.count);
  for (const c of q.walk.count) count(c);
  for (const split of q.walk.splits) for (const f of split.fractions) count(f);
  for (const t of q.lineTransfers) {
    count(t.amount);
    count(t.worth);
  }
  const horizon = q.model.doc.horizon;
  const doubles = 2 * q.slotCount + 2 * q.quantityCount + 2 * nodes + q.countCount + q.walk.splits.length + q.sizes.length + 2 * q.lineTransfers.length
    + 2 * horizon * q.lines.length + q.dynamics.length * (horizon + 1) + 2 * q.costCapacity + q.parameters.length + 16;
  return 8 * doubles;
}

/** The columns of one draw's ledger that its figures read: flows by period and line, costs as entries. */
export interface DrawLedger {
  horizon: number;
  flows: { money: Float64Array; value: Float64Array };
  costs: { row: Int32Array; period: Int32Array; amount: Float64Array };
}

export interface BlockRun {
  /** Per lane (draw 0..count−1 of the block): 1 when its figures are here, 0 when it must be evaluated alone. */
  settled: Uint8Array;
  /**
   * Lane d's ledger columns, laid out as a Ledger's (flows (period − 1) × lines + line, costs in
   * the order charged), in arrays the block reuses: read them before the next call.
   */
  ledgerOf(lane: number): DrawLedger;
  /**
   * The same figures for every lane at once, lane d of entry k at k × stride + d: flows by
   * ((period − 1) × lines + line), costs by their order of charge (costCount[d] of them).
   */
  columns: BlockLedger;
}

export interface BlockLedger {
  stride: number;
  money: Float64Array;
  value: Float64Array;
  costRow: Int32Array;
  costPeriod: Int32Array;
  costAmount: Float64Array;
  costCount: Int32Array;
}

export interface BlockEvaluator {
  /** The most draws one run takes: the capacity asked for, or fewer for a large model. */
  capacity: number;
  /**
   * Quantifies `count` draws (count ≤ capacity): row i of `inputs` holds draw i's value of each
   * name, in the order the evaluator was made with; `seedOf(i)` the seed of its dynamics'
   * random builtins (as EvaluateOptions.seed).
   */
  run(inputs: ArrayLike<number>, count: number, seedOf?: (lane: number) => number | undefined): BlockRun;
}

/**
 * A block evaluator of the prepared model for overrides of these names (parameter ids or
 * constants of the dynamics section), or undefined when the model cannot be quantified at all
 * (evaluate() then refuses every draw, which the caller hears from it) or is so large that a
 * block of MIN_BLOCK draws would pass BLOCK_BYTES (evaluate() is made for those).
 */
export function blockEvaluator(prepared: Prepared, names: readonly string[], capacity = 256): BlockEvaluator | undefined {
  const q = prepared.quantities;
  if (!prepared.quantifiable || hasErrors(prepared.issues)) return undefined;
  // Where each name goes: a parameter's position, or a constant of the dynamics.
  const positions: number[] = [];
  const dynamicNames: Array<[number, string]> = [];
  for (const [j, name] of names.entries()) {
    const at = q.parameterPositions.get(name);
    if (at !== undefined) positions[j] = at;
    else if (prepared.dynamics?.constants.has(name)) {
      positions[j] = -1;
      dynamicNames.push([j, name]);
    } else return undefined;
  }
  if (new Set(names).size !== names.length) return undefined;
  const B = Math.min(capacity, Math.floor(BLOCK_BYTES / bytesPerDraw(prepared)));
  // So few draws at once gain nothing over evaluate(), which a model that large is made for.
  if (B < MIN_BLOCK) return undefined;
  const horizon = q.model.doc.horizon;
  const context = blockContext(B, q.slotCount);
  const { slots, fault, unsure } = context;
  const column = (slot: number) => slots.subarray(slot * B, (slot + 1) * B);
  const dynamicSlots = new Map(q.dynamics.map((d) => [d.name, d.slot]));
  const slotOf = (name: string): number | undefined => {
    if (name === 't') return T_SLOT;
    if (name === 'horizon') return HORIZON_SLOT;
    return q.parameterSlots.get(name) ?? dynamicSlots.get(canonicalName(name));
  };
  // One block closure per prepared quantity, made when first evaluated, and its column.
  const compiled = new Array<BlockExpression | undefined>(q.quantityCount);
  const results = new Array<Float64Array | undefined>(q.quantityCount);
  const memoPeriod = new Int32Array(q.quantityCount);
  const cached = new Uint8Array(q.quantityCount);
  const nan = new Float64Array(B).fill(Number.NaN);
  const lines = q.lines.length;
  const lineMoney = Uint8Array.from(q.lines, (l) => (l.nature === 'money' ? 1 : 0));
  const lineTransfers = q.lineTransfers;
  const scenarios = q.scenarios;
  const steps = q.walk;
  // Loops, not spreads: a spread of 10⁵ numbers would overflow the stack.
  let mostReach = 1, mostBranches = 1;
  for (const s of scenarios) mostReach = Math.max(mostReach, s.reachSlots);
  for (const split of steps.splits) mostBranches = Math.max(mostBranches, split.fractions.length);
  const work = {
    settled: new Uint8Array(B),
    /** Which parameter positions an input overrides (−1: none), and the input's column in `inputs`. */
    overridden: new Int32Array(q.parameters.length).fill(-1),
    inputs: new Float64Array(names.length * B),
    counts: new Float64Array(q.countCount * B),
    reach: new Float64Array(mostReach * B),
    sizes: new Float64Array(q.sizes.length * B),
    starts: new Float64Array(B),
    count: new Float64Array(B),
    fractions: new Float64Array(B * mostBranches),
    sums: new Float64Array(B),
    amounts: new Float64Array(lineTransfers.length * B),
    worths: new Float64Array(lineTransfers.length * B),
    money: new Float64Array(horizon * lines * B),
    value: new Float64Array(horizon * lines * B),
    series: new Float64Array(q.dynamics.length * (horizon + 1) * B),
    costRow: new Int32Array(q.costCapacity * B),
    costPeriod: new Int32Array(q.costCapacity * B),
    costAmount: new Float64Array(q.costCapacity * B),
    costCount: new Int32Array(B),
  };
  positions.forEach((at, j) => {
    if (at >= 0) work.overridden[at] = j;
  });
  const one = new Float64Array(B).fill(1);
  const zero = new Float64Array(B);
  const draw: DrawLedger = {
    horizon,
    flows: { money: new Float64Array(horizon * lines), value: new Float64Array(horizon * lines) },
    costs: { row: new Int32Array(q.costCapacity), period: new Int32Array(q.costCapacity), amount: new Float64Array(q.costCapacity) },
  };

  let period = 0;
  let quiet = true;
  let n = 0;
  const { settled } = work;
  /** Lanes whose quantity faulted, in a period that counts: not settled here. */
  const unsettleFaults = (): void => {
    for (let d = 0; d < n; d++) if (fault[d]) settled[d] = 0;
  };
  /** A quantity's column this period (runQuantities' value(): memo, constants kept from period 1 on). */
  const value = (p: PreparedQuantity | undefined): Float64Array => {
    if (!p) return nan;
    let out = results[p.id];
    if (out && (memoPeriod[p.id] === period || (p.constant && cached[p.id]))) return out;
    out ??= results[p.id] = new Float64Array(B);
    const run = (compiled[p.id] ??= compileBlock(p.source.expr, slotOf, context));
    run(n, out);
    if (!quiet) unsettleFaults();
    if (p.constant && period > 0) cached[p.id] = 1;
    memoPeriod[p.id] = period;
    return out;
  };
  /** Lanes where a checked figure is negative (runQuantities reports it) are not settled. */
  const nonNegative = (x: Float64Array): Float64Array => {
    for (let d = 0; d < n; d++) if (x[d]! < 0) settled[d] = 0;
    return x;
  };
  const charge = (row: number, amount: Float64Array, lane?: number): void => {
    const { costRow, costPeriod, costAmount, costCount } = work;
    const from = lane ?? 0, to = lane === undefined ? n : lane + 1;
    for (let d = from; d < to; d++) {
      const at = costCount[d]! * B + d;
      costRow[at] = row;
      costPeriod[at] = period;
      const x = amount[d]!;
      costAmount[at] = x;
      if (x - x !== 0) settled[d] = 0;
      costCount[d]!++;
    }
  };

  const fillSlots = (): void => {
    column(T_SLOT).fill(period, 0, n);
    column(HORIZON_SLOT).fill(horizon, 0, n);
    const width = horizon + 1;
    for (let c = 0; c < q.dynamics.length; c++) {
      const slot = q.dynamics[c]!.slot;
      const into = column(slot);
      into.set(work.series.subarray((c * width + period) * B, (c * width + period) * B + n));
      unsure[slot] = holdsNaN(into, n) ? 1 : 0;
    }
    const all = period <= 1;
    const list = q.variableParameters;
    const count = all ? q.parameters.length : list.length;
    for (let j = 0; j < count; j++) {
      const i = all ? j : list[j]!;
      const parameter = q.parameters[i]!;
      const into = column(parameter.slot);
      const input = work.overridden[i]!;
      if (input >= 0) into.set(work.inputs.subarray(input * B, input * B + n));
      else into.set(value(parameter.value).subarray(0, n));
      unsure[parameter.slot] = holdsNaN(into, n) ? 1 : 0;
    }
  };

  const walk = (from: number, to: number, into: number): void => {
    const { counts, reach } = work;
    for (let k = from; k < to; k++) {
      const at = steps.reach[k]! * B;
      if (!steps.or[k]) {
        const p = steps.count[k];
        const count = p ? nonNegative(value(p)) : one;
        const c = (into + steps.position[k]!) * B;
        for (let d = 0; d < n; d++) counts[c + d] = counts[c + d]! + reach[at + d]! * count[d]!;
        continue;
      }
      const split = steps.splits[steps.index[k]!]!;
      const branches = split.fractions;
      const { fractions, sums } = work;
      for (let i = 0; i < branches.length; i++) fractions.set(value(branches[i]).subarray(0, n), i * B);
      sums.fill(0, 0, n);
      for (let i = 0; i < branches.length; i++) {
        for (let d = 0; d < n; d++) {
          const f = fractions[i * B + d]!;
          if (!(f >= 0 && f <= 1)) settled[d] = 0;
          sums[d] = sums[d]! + f;
        }
      }
      for (let d = 0; d < n; d++) if (!(Math.abs(sums[d]! - 1) <= FRACTION_TOLERANCE)) settled[d] = 0;
      const branchReach = steps.branchReach[k]!;
      for (let i = 0; i < branches.length; i++) {
        const r = (branchReach + i) * B;
        for (let d = 0; d < n; d++) reach[r + d] = reach[at + d]! * fractions[i * B + d]!;
      }
    }
  };

  const flowsOf = (): void => {
    const { amounts, worths, counts, money, value: worth } = work;
    const all = period === 1;
    const count = all ? lineTransfers.length : q.variableTransfers.length;
    for (let j = 0; j < count; j++) {
      const t = all ? j : q.variableTransfers[j]!;
      const transfer = lineTransfers[t]!;
      amounts.set(transfer.amount ? nonNegative(value(transfer.amount)).subarray(0, n) : one.subarray(0, n), t * B);
      worths.set(transfer.nature !== 'money' && transfer.worth ? value(transfer.worth).subarray(0, n) : zero.subarray(0, n), t * B);
    }
    const base = (period - 1) * lines;
    for (let l = 0; l < lines; l++) {
      const t = q.transferOfLine[l]! * B;
      const c = q.lineCounts[l]! * B;
      const out = (base + l) * B;
      if (lineMoney[l]) {
        for (let d = 0; d < n; d++) {
          const count = counts[c + d]!;
          const x = count * amounts[t + d]!;
          money[out + d] = x;
          worth[out + d] = 0;
          if (count - count !== 0 || x - x !== 0) settled[d] = 0;
        }
      } else {
        for (let d = 0; d < n; d++) {
          const count = counts[c + d]!;
          const x = count * amounts[t + d]! * worths[t + d]!;
          money[out + d] = 0;
          worth[out + d] = x;
          if (count - count !== 0 || x - x !== 0) settled[d] = 0;
        }
      }
    }
  };

  /**
   * What the dynamics read, as constantsOf gives it, for every lane: each constant parameter in
   * order, its input or its expression over the constants before it (slots NaN but the horizon).
   * A lane where one fails is not settled: evaluate() would leave it out of the map, and then
   * report the same failure when its quantities are worked out.
   */
  const constantNames = [...q.constantParameters.map((i) => q.parameters[i]!.name), ...dynamicNames.map(([, name]) => name)];
  const constants = blockContext(B, q.slotCount);
  const constantColumns = new Float64Array(constantNames.length * B);
  const constantRuns = q.constantParameters.map((i) => {
    const parameter = q.parameters[i]!;
    return parameter.value ? compileBlock(parameter.value.source.expr, slotOf, constants) : undefined;
  });
  const constantsOfLanes = (): void => {
    const { slots: values, fault: failed } = constants;
    values.fill(Number.NaN);
    values.fill(horizon, HORIZON_SLOT * B, (HORIZON_SLOT + 1) * B);
    q.constantParameters.forEach((i, k) => {
      const parameter = q.parameters[i]!;
      const into = values.subarray(parameter.slot * B, (parameter.slot + 1) * B);
      const input = work.overridden[i]!;
      if (input >= 0) into.set(work.inputs.subarray(input * B, input * B + n));
      else if (constantRuns[k]) {
        constantRuns[k](n, into);
        for (let d = 0; d < n; d++) if (failed[d]) settled[d] = 0;
      } else settled.fill(0, 0, n);
      constantColumns.set(into.subarray(0, n), k * B);
    });
    const first = q.constantParameters.length;
    dynamicNames.forEach(([j], k) => constantColumns.set(work.inputs.subarray(j * B, j * B + n), (first + k) * B));
  };

  /** The dynamics of each lane, its series copied into columns (a lane they refuse is not settled). */
  const runDynamics = (inputs: ArrayLike<number>, seedOf: ((lane: number) => number | undefined) | undefined): void => {
    const dynamics = prepared.dynamics;
    if (!dynamics) return;
    if (dynamics.runBlock) {
      constantsOfLanes();
      const options = { read: prepared.reads, stride: B, into: work.series, lanes: settled, ...(seedOf ? { seedOf } : {}) };
      if (dynamics.runBlock(constantNames, constantColumns, n, options)) return;
    }
    const overrides = new Array<number>(q.parameters.length).fill(Number.NaN);
    const width = horizon + 1;
    let recycle: PeriodSeries | undefined;
    for (let d = 0; d < n; d++) {
      if (!settled[d]) continue;
      for (let j = 0; j < names.length; j++) if (positions[j]! >= 0) overrides[positions[j]!] = inputs[d * names.length + j]!;
      const constants = constantsOf(q, overrides);
      for (const [j, name] of dynamicNames) constants.set(name, inputs[d * names.length + j]!);
      const seed = seedOf?.(d);
      const run = dynamics.run(constants, { read: prepared.reads, ...(recycle ? { recycle } : {}), ...(seed !== undefined ? { seed } : {}) });
      if (!run.series || run.issues.length > 0) {
        settled[d] = 0;
        continue;
      }
      recycle = run.series;
      for (let c = 0; c < q.dynamics.length; c++) {
        const values = run.series.get(q.dynamics[c]!.name);
        for (let p = 0; p < width; p++) work.series[(c * width + p) * B + d] = values?.[p] ?? Number.NaN;
      }
    }
  };

  const run = (inputs: ArrayLike<number>, count: number, seedOf?: (lane: number) => number | undefined): BlockRun => {
    if (count > B) throw new RangeError(`a block holds ${B} draws, not ${count}`);
    n = count;
    settled.fill(0).fill(1, 0, n);
    // The inputs as columns; a value that is not a finite number is refused by evaluate().
    for (let j = 0; j < names.length; j++) {
      for (let d = 0; d < n; d++) {
        const x = inputs[d * names.length + j]!;
        work.inputs[j * B + d] = x;
        if (typeof x !== 'number' || x - x !== 0) settled[d] = 0;
      }
    }
    runDynamics(inputs, seedOf);
    // Zeros hold no NaN: each fill says whether it brought one.
    slots.fill(0);
    unsure.fill(0);
    memoPeriod.fill(-1);
    cached.fill(0);
    work.costCount.fill(0);
    const { counts, reach, sizes, starts } = work;
    for (period = 0; period <= horizon; period++) {
      quiet = period === 0;
      fillSlots();
      for (const c of q.investments) {
        const cost = q.costs[c]!;
        if (cost.at !== period) continue;
        charge(cost.row, nonNegative(value(cost.amount)));
      }
      if (period === 0) continue;
      for (let i = 0; i < q.sizes.length; i++) sizes.set(nonNegative(value(q.sizes[i]!.value)).subarray(0, n), i * B);
      counts.fill(0);
      for (const scenario of scenarios) {
        const s = nonNegative(value(scenario.count));
        if (scenario.segment) {
          for (let d = 0; d < n; d++) starts[d] = s[d]! * (scenario.sizeAt < 0 ? Number.NaN : sizes[scenario.sizeAt * B + d]!);
        } else starts.set(s.subarray(0, n));
        reach.set(starts.subarray(0, n));
        walk(scenario.walkStart, scenario.walkEnd, scenario.countOffset);
      }
      flowsOf();
      for (const c of q.operatingCosts) {
        const cost = q.costs[c]!;
        const amount = nonNegative(value(cost.amount));
        if (cost.kind === 'fixed') {
          charge(cost.row, amount);
          continue;
        }
        const { count: product } = work;
        for (const { count, row } of cost.charged) {
          for (let d = 0; d < n; d++) {
            const k = counts[count * B + d]!;
            if (k > 0) {
              product[d] = k * amount[d]!;
              charge(row, product, d);
            }
          }
        }
      }
    }
    return { settled, ledgerOf, columns };
  };

  const columns: BlockLedger = { stride: B, money: work.money, value: work.value, costRow: work.costRow, costPeriod: work.costPeriod, costAmount: work.costAmount, costCount: work.costCount };
  const ledgerOf = (lane: number): DrawLedger => {
    const { money, value } = draw.flows;
    for (let k = 0; k < money.length; k++) {
      money[k] = work.money[k * B + lane]!;
      value[k] = work.value[k * B + lane]!;
    }
    const entries = work.costCount[lane]!;
    const { row, period: periods, amount } = draw.costs;
    for (let i = 0; i < entries; i++) {
      row[i] = work.costRow[i * B + lane]!;
      periods[i] = work.costPeriod[i * B + lane]!;
      amount[i] = work.costAmount[i * B + lane]!;
    }
    return { horizon, flows: draw.flows, costs: { row: row.subarray(0, entries), period: periods.subarray(0, entries), amount: amount.subarray(0, entries) } };
  };

  return { capacity: B, run };
}
