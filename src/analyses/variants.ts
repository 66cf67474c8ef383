/**
 * Variants side by side: for each, every actor's NPV, net cash, break-even and deepest position,
 * and where the model has dynamics, each stock's value at the horizon.
 */
import { canonicalName, type Ecosystem } from '../core/index.js';
import { eachSheet } from './profitability.js';

export interface VariantOutcome {
  variant: string;
  name: string;
  actors: Array<{
    actor: string;
    npv: number;
    net: number;
    /** Worth of the non-money objects received over the horizon: with `net`, a segment's gain. */
    valueReceived: number;
    breakEven: number | null;
    deepest: { amount: number; period: number };
  }>;
  /** Stocks of the dynamics at the horizon (canonical names). */
  stocks: Record<string, number>;
}

export function variantOutcome(variant: string, name: string, ecosystem: Ecosystem): VariantOutcome {
  const stocks: Record<string, number> = {};
  for (const stock of Object.keys(ecosystem.doc.dynamics?.stocks ?? {})) {
    const series = ecosystem.series.get(canonicalName(stock));
    if (series) stocks[stock] = series[ecosystem.doc.horizon]!;
  }
  return {
    variant,
    name,
    actors: eachSheet(ecosystem, (s) => ({
      actor: s.actor,
      npv: s.npv,
      net: s.totalNet,
      valueReceived: s.totals.valueReceived.reduce((a, b) => a + b, 0),
      breakEven: s.breakEven,
      deepest: s.deepest,
    })),
    stocks,
  };
}
