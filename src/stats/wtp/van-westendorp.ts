/**
 * Van Westendorp's price sensitivity meter (Van Westendorp 1976, "NSS Price Sensitivity Meter: a
 * new approach to study consumer perception of prices", ESOMAR congress). Each respondent gives
 * four prices: too cheap (quality doubted), cheap (a bargain), expensive (still considered) and
 * too expensive (not considered). Over the prices any respondent named, four shares:
 * - too cheap: share whose too-cheap price is above p; cheap: share whose cheap price is above p
 *   (both reversed, as in the original paper);
 * - expensive: share whose expensive price is at most p; too expensive: likewise;
 * and their complements "not cheap" = 1 − cheap and "not expensive" = 1 − expensive.
 * The four price points are where two curves cross, read by linear interpolation between the
 * prices named (definitions as in Alletsee's R package pricesensitivitymeter, psm_analysis):
 * - PMC, point of marginal cheapness (the lower end of the acceptable range): too cheap ∩ not cheap;
 * - PME, point of marginal expensiveness (the upper end): too expensive ∩ not expensive;
 * - OPP, optimal price point (fewest reject the price): too cheap ∩ too expensive;
 * - IPP, indifference price point (as many call it cheap as expensive): cheap ∩ expensive.
 * Respondents whose four prices do not rise strictly (too cheap < cheap < expensive < too
 * expensive) are set aside and counted, as psm_analysis(validate = TRUE) does. Pure.
 */

export interface PriceAnswers {
  readonly tooCheap: number;
  readonly cheap: number;
  readonly expensive: number;
  readonly tooExpensive: number;
}

export interface PriceCurves {
  /** The prices named by the consistent respondents, sorted, each once. */
  readonly prices: readonly number[];
  readonly tooCheap: readonly number[];
  readonly cheap: readonly number[];
  readonly expensive: readonly number[];
  readonly tooExpensive: readonly number[];
  readonly notCheap: readonly number[];
  readonly notExpensive: readonly number[];
}

export interface PriceSensitivity {
  readonly respondents: number;
  /** Set aside: their four prices do not rise strictly. */
  readonly inconsistent: number;
  readonly curves: PriceCurves;
  /** Each point is undefined when its two curves do not cross within the prices named. */
  readonly pmc: number | undefined;
  readonly pme: number | undefined;
  readonly opp: number | undefined;
  readonly ipp: number | undefined;
  /**
   * The same four points without interpolation: the first price named at which the two curves have
   * met or crossed, as psm_analysis does by default (interpolate = FALSE, intersection_method =
   * "min"). The interpolated points above lie between the price named before it and it.
   */
  readonly atNamedPrice: { readonly pmc: number | undefined; readonly pme: number | undefined; readonly opp: number | undefined; readonly ipp: number | undefined };
}

const consistent = (a: PriceAnswers) => a.tooCheap < a.cheap && a.cheap < a.expensive && a.expensive < a.tooExpensive;

/** Share of values above p, and share at most p, over each price of the grid. */
function above(values: readonly number[], prices: readonly number[]): number[] {
  return prices.map((p) => values.filter((v) => v > p).length / values.length);
}
function atMost(values: readonly number[], prices: readonly number[]): number[] {
  return prices.map((p) => values.filter((v) => v <= p).length / values.length);
}

/**
 * Where a falling curve meets a rising one: the first price at which falling − rising ≤ 0,
 * interpolated linearly from the price before it; undefined if it never gets there.
 */
/** Shares are counts over the respondents: a gap this small is a tie that rounding left on either side. */
const TIE = 1e-12;

export function crossing(prices: readonly number[], falling: readonly number[], rising: readonly number[]): number | undefined {
  const gap = prices.map((_, i) => (Math.abs(falling[i]! - rising[i]!) <= TIE ? 0 : falling[i]! - rising[i]!));
  const i = gap.findIndex((d) => d <= 0);
  if (i < 0) return undefined;
  if (i === 0) return prices[0];
  const [p0, p1, d0, d1] = [prices[i - 1]!, prices[i]!, gap[i - 1]!, gap[i]!];
  return p0 + ((p1 - p0) * d0) / (d0 - d1);
}

/** The first price at which falling − rising ≤ 0, with no interpolation; undefined if none. */
export function firstCrossingPrice(prices: readonly number[], falling: readonly number[], rising: readonly number[]): number | undefined {
  const i = prices.findIndex((_, k) => falling[k]! - rising[k]! <= TIE);
  return i < 0 ? undefined : prices[i];
}

export function priceSensitivity(answers: readonly PriceAnswers[]): PriceSensitivity {
  for (const a of answers) {
    if (![a.tooCheap, a.cheap, a.expensive, a.tooExpensive].every((x) => Number.isFinite(x) && x >= 0)) throw new RangeError('prices are finite numbers ≥ 0');
  }
  const kept = answers.filter(consistent);
  if (kept.length === 0) throw new RangeError('no respondent gave four rising prices');
  const prices = [...new Set(kept.flatMap((a) => [a.tooCheap, a.cheap, a.expensive, a.tooExpensive]))].sort((x, y) => x - y);
  const tooCheap = above(kept.map((a) => a.tooCheap), prices);
  const cheap = above(kept.map((a) => a.cheap), prices);
  const expensive = atMost(kept.map((a) => a.expensive), prices);
  const tooExpensive = atMost(kept.map((a) => a.tooExpensive), prices);
  const notCheap = cheap.map((x) => 1 - x);
  const notExpensive = expensive.map((x) => 1 - x);
  return {
    respondents: answers.length,
    inconsistent: answers.length - kept.length,
    curves: { prices, tooCheap, cheap, expensive, tooExpensive, notCheap, notExpensive },
    pmc: crossing(prices, tooCheap, notCheap),
    pme: crossing(prices, notExpensive, tooExpensive),
    opp: crossing(prices, tooCheap, tooExpensive),
    ipp: crossing(prices, cheap, expensive),
    atNamedPrice: {
      pmc: firstCrossingPrice(prices, tooCheap, notCheap),
      pme: firstCrossingPrice(prices, notExpensive, tooExpensive),
      opp: firstCrossingPrice(prices, tooCheap, tooExpensive),
      ipp: firstCrossingPrice(prices, cheap, expensive),
    },
  };
}
