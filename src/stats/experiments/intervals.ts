/**
 * Confidence intervals for conversion rates and their comparison:
 * - one rate: Wilson's score interval (Wilson 1927);
 * - difference a − b: Newcombe's hybrid score interval, his method 10 (Newcombe 1998, Statistics
 *   in Medicine 17:873–890), built from the two Wilson intervals;
 * - ratio a / b: Katz's log interval (Katz et al. 1978, Biometrics 34:469–474); with a zero count
 *   the log is undefined, and 0.5 is added to each count and each total, as statsmodels'
 *   `method='log-adjusted'` does.
 * The method is named in each result so a reader knows which interval is shown.
 */
import { assertCounts, rate, type Counts } from './counts.js';
import { normalQuantile } from './special.js';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface Estimate {
  readonly estimate: number;
  readonly interval: Interval;
  readonly level: number;
  readonly method: 'wilson' | 'newcombe-hybrid-score' | 'katz-log' | 'katz-log-adjusted';
}

function zFor(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must lie in (0, 1): ${level}`);
  return normalQuantile(1 - (1 - level) / 2);
}

/** Wilson's score interval for one rate: (x + z²/2 ± z √(x(n−x)/n + z²/4)) / (n + z²). */
export function wilsonInterval(c: Counts, level = 0.95): Estimate {
  assertCounts(c, 'counts');
  const z = zFor(level);
  const { successes: x, trials: n } = c;
  const centre = (x + (z * z) / 2) / (n + z * z);
  const half = (z / (n + z * z)) * Math.sqrt((x * (n - x)) / n + (z * z) / 4);
  // At x = 0 or x = n the bound is 0 or 1 exactly; rounding must not push it past.
  const low = x === 0 ? 0 : Math.max(0, centre - half);
  const high = x === n ? 1 : Math.min(1, centre + half);
  return { estimate: x / n, interval: { low, high }, level, method: 'wilson' };
}

/** The difference of rates a − b with Newcombe's hybrid score interval. */
export function rateDifference(a: Counts, b: Counts, level = 0.95): Estimate {
  const wa = wilsonInterval(a, level);
  const wb = wilsonInterval(b, level);
  const pa = rate(a);
  const pb = rate(b);
  const d = pa - pb;
  const low = d - Math.hypot(pa - wa.interval.low, wb.interval.high - pb);
  const high = d + Math.hypot(wa.interval.high - pa, pb - wb.interval.low);
  return { estimate: d, interval: { low, high }, level, method: 'newcombe-hybrid-score' };
}

/**
 * The ratio of rates a / b (the relative lift is ratio − 1) with Katz's log interval:
 * ln(ratio) ± z √(1/x_a − 1/n_a + 1/x_b − 1/n_b). With a zero count, 0.5 is added to both counts
 * and both totals (the adjusted ratio is then also the estimate given).
 */
export function rateRatio(a: Counts, b: Counts, level = 0.95): Estimate {
  assertCounts(a, 'a');
  assertCounts(b, 'b');
  const z = zFor(level);
  const adjust = a.successes === 0 || b.successes === 0 ? 0.5 : 0;
  const xa = a.successes + adjust;
  const na = a.trials + adjust;
  const xb = b.successes + adjust;
  const nb = b.trials + adjust;
  const ratio = xa / na / (xb / nb);
  const halfWidth = z * Math.sqrt(1 / xa - 1 / na + 1 / xb - 1 / nb);
  return {
    estimate: ratio,
    interval: { low: Math.exp(Math.log(ratio) - halfWidth), high: Math.exp(Math.log(ratio) + halfWidth) },
    level,
    method: adjust ? 'katz-log-adjusted' : 'katz-log',
  };
}
