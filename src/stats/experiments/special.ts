/**
 * The special functions the experiment statistics stand on beside those of ../special.ts (log-gamma,
 * the incomplete gamma function, the normal distribution and quantile, shared with the
 * distributions): the chi-square survival function, and binomial probabilities in logs. Pure.
 */
import { gammaQ, lnGamma, normalCdf, normalQuantile } from '../special.js';

export { normalCdf, normalQuantile };

// ln k! for the small integers counts take, tabulated as they are asked for (exact sums of logs
// drift less than Lanczos for the thousands of calls an exact test makes).
const logFactorials: number[] = [0];

/** ln n! for a whole n ≥ 0. */
export function logFactorial(n: number): number {
  if (n < logFactorials.length) return logFactorials[n]!;
  if (n > 100_000) return lnGamma(n + 1);
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1]! + Math.log(k);
  return logFactorials[n]!;
}

/** ln C(n, k). */
export function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** P(X = k) for X ~ Binomial(n, p), every k from 0 to n. */
export function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  if (p <= 0) out[0] = 1;
  else if (p >= 1) out[n] = 1;
  else {
    const lp = Math.log(p);
    const lq = Math.log1p(-p);
    for (let k = 0; k <= n; k++) out[k] = Math.exp(logChoose(n, k) + k * lp + (n - k) * lq);
  }
  return out;
}

/** 1 − Φ(x) without cancellation for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/** P(χ²_df ≥ x), the chi-square survival function. */
export function chiSquareSf(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}
