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
import { PERIODS_PER_YEAR, type Ecosystem } from '../core/index.js';
import { actorName, transactionName } from './names.js';

export interface SheetLine {
  label: string;
  /** One value per period, index = period (0..horizon). */
  values: number[];
  total: number;
}

export interface ProfitabilitySheet {
  actor: string;
  name: string;
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
  const { doc, ledger } = ecosystem;
  const periods = Array.from({ length: ledger.horizon + 1 }, (_, p) => p);
  const revenues = new Lines(periods.length);
  const payments = new Lines(periods.length);
  const costs = new Lines(periods.length);
  const financing = new Lines(periods.length);
  const valueReceived = periods.map(() => 0);

  for (const flow of ledger.flows) {
    if (flow.nature === 'money' && doc.transactions[flow.transaction]?.financing) {
      const transaction = transactionName(doc, flow.transaction);
      if (flow.to === actor) financing.add(`${transaction} ← ${actorName(doc, flow.from)}`, flow.period, flow.money);
      if (flow.from === actor) financing.add(`${transaction} → ${actorName(doc, flow.to)}`, flow.period, -flow.money);
    } else if (flow.nature === 'money') {
      const transaction = transactionName(doc, flow.transaction);
      if (flow.to === actor) revenues.add(`${transaction} ← ${actorName(doc, flow.from)}`, flow.period, flow.money);
      if (flow.from === actor) payments.add(`${transaction} → ${actorName(doc, flow.to)}`, flow.period, flow.money);
    } else if (flow.to === actor) {
      valueReceived[flow.period]! += flow.value;
    }
  }
  for (const cost of ledger.costs) {
    if (cost.actor === actor) costs.add(`${cost.name} (${cost.kind})`, cost.period, cost.amount);
  }

  const revenue = revenues.sum();
  const paid = payments.sum();
  const spent = costs.sum();
  const net = periods.map((p) => revenue[p]! - paid[p]! - spent[p]!);
  const cumulative = runningSum(net);
  const rate = periodRate(doc.discountRate ?? 0, doc.period);
  const discounted = net.map((x, p) => x / (1 + rate) ** p);
  const financed = financing.sum();
  const cash = runningSum(net.map((x, p) => x + financed[p]!));
  return {
    actor,
    name: actorName(doc, actor),
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

/** Every actor's sheet, in the document's order. */
export function profitabilityOfAll(ecosystem: Ecosystem): ProfitabilitySheet[] {
  return Object.keys(ecosystem.doc.actors).map((id) => profitability(ecosystem, id));
}

/** What counts as zero in a cumulative position: rounding noise relative to its scale. */
function tolerance(cumulative: readonly number[]): number {
  return 1e-9 * Math.max(1, ...cumulative.map(Math.abs));
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

/** Sheet lines keyed by label, in order of first appearance. */
class Lines {
  private readonly byLabel = new Map<string, number[]>();
  constructor(private readonly length: number) {}

  add(label: string, period: number, amount: number): void {
    let values = this.byLabel.get(label);
    if (!values) this.byLabel.set(label, (values = new Array<number>(this.length).fill(0)));
    values[period]! += amount;
  }

  lines(): SheetLine[] {
    return [...this.byLabel].map(([label, values]) => ({ label, values, total: values.reduce((a, b) => a + b, 0) }));
  }

  sum(): number[] {
    const total = new Array<number>(this.length).fill(0);
    for (const values of this.byLabel.values()) values.forEach((x, p) => (total[p]! += x));
    return total;
  }
}
