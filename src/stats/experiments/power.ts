/**
 * Planning a two-group conversion test before it runs: the power of a design, the sample size
 * for a minimum detectable effect, and the effect a given sample can detect. Two-sided tests at
 * level α; group a is the control (rate p_a), group b the variant (rate p_b), n_b = ratio · n_a.
 *
 * Methods, each named in its result:
 * - `normal`: the pooled z test's power by the normal approximation, variance pooled under the
 *   null and unpooled under the alternative (Fleiss, Levin & Paik 2003 §4.2; statsmodels'
 *   power_proportions_2indep and samplesize_proportions_2indep_onetail);
 * - `normal-continuity`: the same with Fleiss, Tytun & Ury's continuity correction (1980,
 *   Biometrics 36:343–346): n' = n/4 · (1 + √(1 + 2(r + 1)/(n r |Δ|)))²;
 * - `arcsine`: Cohen's h = 2 asin √p_b − 2 asin √p_a, whose estimate has variance 1/n_a + 1/n_b
 *   (Cohen 1988, ch. 6; statsmodels' NormalIndPower with proportion_effectsize);
 * - exact power by enumeration (exact-power.ts).
 */
import { normalCdf, normalQuantile, normalSf } from './special.js';

export interface PlannedRates {
  /** The control's conversion rate p_a. */
  readonly control: number;
  /** The variant's conversion rate p_b, the effect the test should detect. */
  readonly variant: number;
}

export interface PowerOptions {
  /** Two-sided significance level, 0.05 unless given. */
  readonly alpha?: number;
}

export type SampleSizeMethod = 'normal' | 'normal-continuity' | 'arcsine';

function checkRate(p: number, label: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${label} must be a rate from 0 to 1: ${p}`);
}

function checkPlan(rates: PlannedRates, alpha: number): void {
  checkRate(rates.control, 'control rate');
  checkRate(rates.variant, 'variant rate');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1): ${alpha}`);
}

/** Cohen's effect size h for two rates. */
export function cohensH(control: number, variant: number): number {
  return 2 * Math.asin(Math.sqrt(variant)) - 2 * Math.asin(Math.sqrt(control));
}

/** Power of the two-sided pooled z test by the normal approximation (both rejection tails). */
export function normalPower(rates: PlannedRates, trialsA: number, trialsB: number, options: PowerOptions = {}): number {
  const alpha = options.alpha ?? 0.05;
  checkPlan(rates, alpha);
  const { control: pa, variant: pb } = rates;
  const pooled = (trialsA * pa + trialsB * pb) / (trialsA + trialsB);
  const sdNull = Math.sqrt(pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB));
  const sdAlt = Math.sqrt((pa * (1 - pa)) / trialsA + (pb * (1 - pb)) / trialsB);
  const crit = normalQuantile(1 - alpha / 2);
  const delta = Math.abs(pb - pa);
  if (sdAlt === 0) return delta > 0 ? 1 : alpha;
  return normalSf((crit * sdNull - delta) / sdAlt) + normalCdf((-crit * sdNull - delta) / sdAlt);
}

/** Power by Cohen's arcsine transformation (both rejection tails). */
export function arcsinePower(rates: PlannedRates, trialsA: number, trialsB: number, options: PowerOptions = {}): number {
  const alpha = options.alpha ?? 0.05;
  checkPlan(rates, alpha);
  const h = Math.abs(cohensH(rates.control, rates.variant));
  const shift = h / Math.sqrt(1 / trialsA + 1 / trialsB);
  const crit = normalQuantile(1 - alpha / 2);
  return normalSf(crit - shift) + normalCdf(-crit - shift);
}

export interface SampleSize {
  readonly method: SampleSizeMethod;
  /** Trials in the control group, unrounded, and rounded up. */
  readonly exactA: number;
  readonly trialsA: number;
  /** Trials in the variant group, ratio · trialsA rounded up. */
  readonly trialsB: number;
  readonly power: number;
  readonly alpha: number;
}

export interface SampleSizeOptions extends PowerOptions {
  /** The power wanted, 0.8 unless given. */
  readonly power?: number;
  /** n_b / n_a, 1 unless given. */
  readonly ratio?: number;
}

/**
 * The trials per group that give the wanted power against a planned effect, by a named method.
 * The normal methods use the one rejection tail toward the effect (the other holds less than
 * α/2 · 10⁻³ of the power at any useful design), as Fleiss's formula and statsmodels do.
 */
export function sampleSize(rates: PlannedRates, method: SampleSizeMethod, options: SampleSizeOptions = {}): SampleSize {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const r = options.ratio ?? 1;
  checkPlan(rates, alpha);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must lie in (0, 1): ${power}`);
  if (!(r > 0)) throw new RangeError(`ratio must be positive: ${r}`);
  const { control: pa, variant: pb } = rates;
  const delta = Math.abs(pb - pa);
  if (delta === 0) throw new RangeError('the planned rates are equal: no sample size detects no effect');
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  let n: number;
  if (method === 'arcsine') {
    n = ((za + zb) / cohensH(pa, pb)) ** 2 * (1 + 1 / r);
  } else {
    const pooled = (pa + r * pb) / (1 + r);
    const numerator = za * Math.sqrt(pooled * (1 - pooled) * (1 + 1 / r)) + zb * Math.sqrt(pa * (1 - pa) + (pb * (1 - pb)) / r);
    n = (numerator / delta) ** 2;
    if (method === 'normal-continuity') n = (n / 4) * (1 + Math.sqrt(1 + (2 * (r + 1)) / (n * r * delta))) ** 2;
  }
  const trialsA = Math.ceil(n - 1e-9);
  return { method, exactA: n, trialsA, trialsB: Math.ceil(r * trialsA - 1e-9), power, alpha };
}

export interface DetectableRate {
  readonly method: 'normal' | 'arcsine';
  /** The smallest variant rate above the control's that the design detects with the wanted power; undefined if none up to 100 %. */
  readonly variant: number | undefined;
  readonly power: number;
  readonly alpha: number;
}

/** The smallest rate above the control's that trialsA and trialsB detect with the wanted power. */
export function detectableRate(control: number, trialsA: number, trialsB: number, method: 'normal' | 'arcsine', options: SampleSizeOptions = {}): DetectableRate {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  checkPlan({ control, variant: control }, alpha);
  const powerAt = method === 'normal' ? normalPower : arcsinePower;
  const at = (variant: number) => powerAt({ control, variant }, trialsA, trialsB, { alpha });
  if (at(1) < power) return { method, variant: undefined, power, alpha };
  // Power rises with the variant rate above the control's: bisection to 1e-12.
  let lo = control;
  let hi = 1;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (at(mid) < power) lo = mid;
    else hi = mid;
  }
  return { method, variant: hi, power, alpha };
}
