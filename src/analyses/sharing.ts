/**
 * The value an ecosystem creates and the share each actor captures. Money moved between actors
 * creates nothing by itself (what one pays another receives), so the value created is the worth
 * of the non-money objects to those who receive them, less every actor's costs. Each actor
 * captures its net cash (money in − money out − costs) plus the worth of what it receives.
 */
import type { Ecosystem } from '../core/index.js';
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

export interface ValueSharing {
  currency: string;
  horizon: number;
  /** Σ non-money worth received − Σ costs = Σ of every actor's total. */
  valueCreated: number;
  totals: { money: number; nonMoney: number; costs: number };
  actors: ActorShare[];
}

export function valueSharing(ecosystem: Ecosystem): ValueSharing {
  const rows = eachSheet(ecosystem, (sheet) => {
    const nonMoney = sheet.totals.valueReceived.reduce((a, b) => a + b, 0);
    return { actor: sheet.actor, money: sheet.totalNet, nonMoney, total: sheet.totalNet + nonMoney, npv: sheet.npv };
  });
  const money = sum(rows.map((r) => r.money));
  const nonMoney = sum(rows.map((r) => r.nonMoney));
  const costs = sum(ecosystem.ledger.costs.amount);
  const valueCreated = money + nonMoney;
  // Shares of money are taken of the positive money captured: the ecosystem's money total is
  // minus its costs, which would make every share's sign meaningless.
  const moneyCaptured = sum(rows.map((r) => Math.max(r.money, 0)));
  const share = (x: number, total: number) => (total > 0 ? x / total : undefined);
  return {
    currency: ecosystem.doc.currency,
    horizon: ecosystem.doc.horizon,
    valueCreated,
    totals: { money, nonMoney, costs },
    actors: rows.map((r) => ({
      ...r,
      moneyShare: r.money > 0 ? share(r.money, moneyCaptured) : undefined,
      nonMoneyShare: share(r.nonMoney, nonMoney),
      totalShare: share(r.total, valueCreated),
    })),
  };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
