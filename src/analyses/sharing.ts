/**
 * The value an ecosystem creates and the share each actor captures. Money moved between actors
 * creates nothing by itself (what one pays another receives), so the value created is the worth
 * of the non-money objects to those who receive them, less every actor's costs. Each actor
 * captures its net cash (money in − money out − costs) plus the worth of what it receives.
 * Financing (equity, loans) is neither: it stays out of the net cash, as in profitability.
 * With `npv`, every figure is discounted as NPV is (the scale of the sharing game's `npv`).
 *
 * Concentration is read on what each actor captures, an actor that loses counting as capturing
 * nothing (an index of shares needs shares that are not negative).
 */
import type { Ecosystem } from '../core/index.js';
import { gini, giniReading, herfindahl, hhiReading, type GiniReading, type HhiReading } from '../stats/index.js';
import { periodFactors } from './game.js';
import { eachSheet } from './profitability.js';

export interface ActorShare {
  actor: string;
  /** Net cash over the horizon: revenues − payments − costs. */
  money: number;
  /** Worth of the non-money objects received over the horizon. */
  nonMoney: number;
  /** money + nonMoney */
  total: number;
  /**
   * Shares of the ecosystem totals (undefined when that total is not positive). The cash share
   * is of the positive net cash captured, and only for actors that capture some.
   */
  moneyShare: number | undefined;
  nonMoneyShare: number | undefined;
  totalShare: number | undefined;
  npv: number;
}

export interface Concentration {
  /** Herfindahl–Hirschman index of the value captured, 0–10,000, and its reading. */
  hhi: number | undefined;
  hhiReading: HhiReading | undefined;
  /** Gini coefficient of the value captured, 0 to (n − 1)/n, and its reading. */
  gini: number | undefined;
  giniReading: GiniReading | undefined;
}

export interface SharingOptions {
  /** Every figure discounted at the model's rate, as NPV is (default: the undiscounted total). */
  npv?: boolean;
}

export interface ValueSharing {
  currency: string;
  horizon: number;
  scale: 'total' | 'npv';
  /** Σ non-money worth received − Σ costs = Σ of every actor's total. */
  valueCreated: number;
  totals: { money: number; nonMoney: number; costs: number };
  actors: ActorShare[];
  concentration: Concentration;
}

export function valueSharing(ecosystem: Ecosystem, options: SharingOptions = {}): ValueSharing {
  const factors = options.npv ? periodFactors(ecosystem, true) : undefined;
  const discounted = (values: readonly number[]) => (factors ? values.reduce((a, x, p) => a + x * factors[p]!, 0) : values.reduce((a, b) => a + b, 0));
  const rows = eachSheet(ecosystem, (sheet) => {
    const nonMoney = discounted(sheet.totals.valueReceived);
    const money = factors ? sheet.npv : sheet.totalNet;
    return { actor: sheet.actor, money, nonMoney, total: money + nonMoney, npv: sheet.npv };
  });
  const money = sum(rows.map((r) => r.money));
  const nonMoney = sum(rows.map((r) => r.nonMoney));
  const { amount, period } = ecosystem.ledger.costs;
  const costs = factors ? amount.reduce((a, x, i) => a + x * factors[period[i]!]!, 0) : sum(amount);
  const valueCreated = money + nonMoney;
  // Shares of money are taken of the positive money captured: the ecosystem's money total is
  // minus its costs, which would make every share's sign meaningless.
  const moneyCaptured = sum(rows.map((r) => Math.max(r.money, 0)));
  const share = (x: number, total: number) => (total > 0 ? x / total : undefined);
  return {
    currency: ecosystem.doc.currency,
    horizon: ecosystem.doc.horizon,
    scale: options.npv ? 'npv' : 'total',
    valueCreated,
    totals: { money, nonMoney, costs },
    actors: rows.map((r) => ({
      ...r,
      moneyShare: r.money > 0 ? share(r.money, moneyCaptured) : undefined,
      nonMoneyShare: share(r.nonMoney, nonMoney),
      totalShare: share(r.total, valueCreated),
    })),
    concentration: concentrationOf(rows.map((r) => Math.max(r.total, 0))),
  };
}

function concentrationOf(captured: number[]): Concentration {
  const hhi = herfindahl(captured);
  const g = gini(captured);
  return { hhi, hhiReading: hhi === undefined ? undefined : hhiReading(hhi), gini: g, giniReading: g === undefined ? undefined : giniReading(g) };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
