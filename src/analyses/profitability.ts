/**
 * The profitability sheet of an actor, period by period: revenues by source, payments to other
 * actors, costs, net cash flow, cumulative position, NPV, break-even period and deepest position.
 *
 * Financing (transactions marked `financing`: equity, loans) is kept apart: it is not revenue, so
 * net cash flow, NPV, break-even and the deepest position are operating figures, and the cash
 * position adds the financing to them.
 *
 * Conventions (those of the e3value user guide, ch. 7): period 0 holds only investments made before
 * operations start and is not discounted; cash flows of period p happen at its end and are
 * discounted by (1 + r)^p, r being the model's annual rate turned into a per-period rate.
 */
import { annualDiscountRate, PERIODS_PER_YEAR, type CostKind, type Ecosystem } from '../core/index.js';
import { actorsLedger, type ActorEntries } from './actor-entries.js';

/**
 * What a sheet line is: the money of one transaction with one counterparty in one direction, or
 * one cost line of the actor (actors.ACTOR.costs[index]). Never its label: two transactions that
 * share a name are two lines.
 */
export type SheetLineKey =
  | { kind: 'transaction'; transaction: string; counterparty: string; direction: 'in' | 'out' }
  | { kind: 'cost'; actor: string; index: number; costKind: CostKind };

export type SheetLine = SheetLineKey & {
  /** One value per period, index = period (0..horizon). */
  values: number[];
  total: number;
};

export interface ProfitabilitySheet {
  actor: string;
  currency: string;
  /** 0..horizon */
  periods: number[];
  revenues: SheetLine[];
  payments: SheetLine[];
  costs: SheetLine[];
  /** Money of financing transactions (equity, loans): in positive, out negative. */
  financing: SheetLine[];
  totals: {
    revenue: number[];
    payments: number[];
    costs: number[];
    net: number[];
    cumulative: number[];
    discounted: number[];
    /** Worth of the non-money objects received, by the actor's valuations (not cash). */
    valueReceived: number[];
    /** Net financing per period, and the cash position: cumulative operating cash plus financing. */
    financing: number[];
    cash: number[];
  };
  /** Net present value of the net cash flows at the model's discount rate. */
  npv: number;
  /** Sum of the net cash flows, undiscounted. */
  totalNet: number;
  /**
   * First period from which the cumulative position stays at or above zero to the horizon;
   * 0 when it never goes below zero; null when it is below zero at the horizon.
   */
  breakEven: number | null;
  /** Lowest cumulative position (0 or below) and the period it is reached. */
  deepest: { amount: number; period: number };
}

export function periodRate(annualRate: number, period: keyof typeof PERIODS_PER_YEAR): number {
  return (1 + annualRate) ** (1 / PERIODS_PER_YEAR[period]) - 1;
}

export function profitability(ecosystem: Ecosystem, actor: string): ProfitabilitySheet {
  return sheetOf(ecosystem, actor, actorsLedger(ecosystem.ledger, actor).get(actor), periodsOf(ecosystem.ledger.horizon));
}

/** Every actor's sheet, in the document's order: one pass over the ledger for all of them. */
export function profitabilityOfAll(ecosystem: Ecosystem): ProfitabilitySheet[] {
  return eachSheet(ecosystem, (sheet) => sheet);
}

/**
 * What `read` takes of each actor's sheet, in the document's order; each sheet is made in
 * turn and can be dropped once read (an ecosystem of many actors never holds every sheet).
 */
export function eachSheet<T>(ecosystem: Ecosystem, read: (sheet: ProfitabilitySheet) => T): T[] {
  const entries = actorsLedger(ecosystem.ledger);
  const periods = periodsOf(ecosystem.ledger.horizon);
  return Object.keys(ecosystem.doc.actors).map((id) => read(sheetOf(ecosystem, id, entries.get(id), periods)));
}

/** 0..horizon, which each sheet gets a copy of. */
function periodsOf(horizon: number): readonly number[] {
  return Array.from({ length: horizon + 1 }, (_, p) => p);
}

/** The sheet of an actor from its flow lines and cost entries (read in the ledger's order). */
function sheetOf(ecosystem: Ecosystem, actor: string, entries: ActorEntries | undefined, periodList: readonly number[]): ProfitabilitySheet {
  const { doc, ledger } = ecosystem;
  const periods = periodList.slice();
  const revenues = new Lines(periods.length);
  const payments = new Lines(periods.length);
  const costs = new Lines(periods.length);
  const financing = new Lines(periods.length);
  const valueReceived = zeros(periods.length);

  // Flow line by flow line, every period: each sheet cell still adds its flows in the ledger's
  // order (the lines of a period in order), and sheet lines come in order of first appearance.
  const { lines, money, value } = ledger.flows;
  const width = lines.length;
  const add = (values: number[], l: number, sign: 1 | -1): void => {
    for (let p = 1; p <= ledger.horizon; p++) values[p]! += sign === 1 ? money[(p - 1) * width + l]! : -money[(p - 1) * width + l]!;
  };
  for (const l of entries?.lines ?? []) {
    const flow = lines[l]!;
    if (flow.nature === 'money') {
      const financed = doc.transactions[flow.transaction]?.financing === true;
      const { transaction } = flow;
      if (flow.to === actor) add((financed ? financing : revenues).values({ kind: 'transaction', transaction, counterparty: flow.from, direction: 'in' }), l, 1);
      if (flow.from === actor) {
        const line = { kind: 'transaction', transaction, counterparty: flow.to, direction: 'out' } as const;
        if (financed) add(financing.values(line), l, -1);
        else add(payments.values(line), l, 1);
      }
    } else if (flow.to === actor) {
      for (let p = 1; p <= ledger.horizon; p++) valueReceived[p]! += value[(p - 1) * width + l]!;
    }
  }
  const { rows, row, period, amount } = ledger.costs;
  const costLines = new Map<number, number[]>();
  for (const i of entries?.costs ?? []) {
    let values = costLines.get(row[i]!);
    if (!values) {
      const cost = rows[row[i]!]!;
      costLines.set(row[i]!, (values = costs.values({ kind: 'cost', actor, index: cost.index, costKind: cost.kind })));
    }
    values[period[i]!]! += amount[i]!;
  }

  const revenue = revenues.sum();
  const paid = payments.sum();
  const spent = costs.sum();
  const net = periods.map((p) => revenue[p]! - paid[p]! - spent[p]!);
  const cumulative = runningSum(net);
  const rate = periodRate(annualDiscountRate(doc.discountRate), doc.period);
  const discounted = net.map((x, p) => x / (1 + rate) ** p);
  const financed = financing.sum();
  const cash = runningSum(net.map((x, p) => x + financed[p]!));
  return {
    actor,
    currency: doc.currency,
    periods,
    revenues: revenues.lines(),
    payments: payments.lines(),
    costs: costs.lines(),
    financing: financing.lines(),
    totals: { revenue, payments: paid, costs: spent, net, cumulative, discounted, valueReceived, financing: financed, cash },
    npv: discounted.reduce((a, b) => a + b, 0),
    totalNet: net.reduce((a, b) => a + b, 0),
    breakEven: breakEvenPeriod(cumulative),
    deepest: deepestPosition(cumulative),
  };
}

/** What counts as zero in a cumulative position: rounding noise relative to its scale. */
function tolerance(cumulative: readonly number[]): number {
  let scale = 1;
  for (const x of cumulative) scale = Math.max(scale, Math.abs(x));
  return 1e-9 * scale;
}

export function breakEvenPeriod(cumulative: readonly number[]): number | null {
  const EPS = tolerance(cumulative);
  if (cumulative.length === 0 || cumulative[cumulative.length - 1]! < -EPS) return null;
  let p = cumulative.length - 1;
  while (p > 0 && cumulative[p - 1]! >= -EPS) p--;
  return p;
}

export function deepestPosition(cumulative: readonly number[]): { amount: number; period: number } {
  const EPS = tolerance(cumulative);
  let deepest = { amount: 0, period: 0 };
  cumulative.forEach((amount, period) => {
    if (amount < deepest.amount && amount < -EPS) deepest = { amount, period };
  });
  return deepest;
}

function runningSum(values: readonly number[]): number[] {
  let total = 0;
  return values.map((x) => (total += x));
}

/** `length` zeros. */
function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}

/**
 * A sheet line from its key, its values and their total. Written out field by field: an object
 * spread followed by more fields (`{ ...key, values }`) leaves V8's fast path and costs about a
 * microsecond, once per line of every sheet.
 */
function sheetLine(key: SheetLineKey, values: number[], total: number): SheetLine {
  return key.kind === 'transaction'
    ? { kind: key.kind, transaction: key.transaction, counterparty: key.counterparty, direction: key.direction, values, total }
    : { kind: key.kind, actor: key.actor, index: key.index, costKind: key.costKind, values, total };
}

/** Sheet lines keyed by what they are, in order of first appearance. */
class Lines {
  /** Made with the first line: most actors of a large model have no line of most kinds. */
  private byKey: Map<string, SheetLine> | undefined;
  constructor(private readonly length: number) {}

  /** The values of the line with this key, made (at zero) the first time. */
  values(key: SheetLineKey): number[] {
    const id = key.kind === 'transaction' ? `t\u0000${key.transaction}\u0000${key.counterparty}\u0000${key.direction}` : `c\u0000${key.actor}\u0000${key.index}`;
    this.byKey ??= new Map();
    let line = this.byKey.get(id);
    if (!line) this.byKey.set(id, (line = sheetLine(key, zeros(this.length), 0)));
    return line.values;
  }

  lines(): SheetLine[] {
    return this.byKey ? [...this.byKey.values()].map((line) => sheetLine(line, line.values, line.values.reduce((a, b) => a + b, 0))) : [];
  }

  sum(): number[] {
    const total = zeros(this.length);
    for (const { values } of this.byKey?.values() ?? []) values.forEach((x, p) => (total[p]! += x));
    return total;
  }
}
