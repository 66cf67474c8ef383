/**
 * Gabor–Granger (Gabor & Granger, "Price as an indicator of quality", Economica 33:43–70, 1966;
 * "Price sensitivity of the consumer", J. Advertising Research 4:40–44, 1964): each respondent
 * says, at each of a list of prices, whether they would buy. At each price the demand is the
 * share who would, with its Wilson interval, and the revenue per respondent asked is price ×
 * demand; the revenue-maximising price is the price of the largest revenue (the first of equals).
 * An answer left blank counts for neither side at that price. Pure.
 */
import { wilsonInterval, type Interval } from '../experiments/index.js';

export interface PriceDemand {
  readonly price: number;
  /** Respondents who answered at this price, and those who would buy. */
  readonly asked: number;
  readonly buyers: number;
  readonly demand: number;
  readonly interval: Interval;
  /** price × demand: the revenue per respondent. */
  readonly revenue: number;
}

export interface DemandCurve {
  readonly points: readonly PriceDemand[];
  /** The price of the largest revenue; undefined when nobody would buy at any price. */
  readonly bestPrice: number | undefined;
  readonly level: number;
}

/** `answers[r][j]` is respondent r's answer at prices[j]: true (buys), false (does not) or undefined (blank). */
export function demandCurve(prices: readonly number[], answers: readonly (readonly (boolean | undefined)[])[], level = 0.95): DemandCurve {
  if (prices.length === 0) throw new RangeError('a demand curve needs at least one price');
  if (prices.some((p) => !(Number.isFinite(p) && p >= 0))) throw new RangeError('prices are finite numbers ≥ 0');
  const order = [...prices.keys()].sort((i, j) => prices[i]! - prices[j]!);
  const points = order.map((j) => {
    const said = answers.map((a) => a[j]).filter((x): x is boolean => x !== undefined);
    const buyers = said.filter(Boolean).length;
    const asked = said.length;
    const demand = asked === 0 ? 0 : buyers / asked;
    const interval = asked === 0 ? { low: 0, high: 1 } : wilsonInterval({ successes: buyers, trials: asked }, level).interval;
    return { price: prices[j]!, asked, buyers, demand, interval, revenue: prices[j]! * demand };
  });
  const best = points.reduce<PriceDemand | undefined>((b, p) => (p.revenue > (b?.revenue ?? 0) ? p : b), undefined);
  return { points, bestPrice: best?.price, level };
}
