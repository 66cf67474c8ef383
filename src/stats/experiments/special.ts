/**
 * The special functions the experiment statistics stand on, to double precision: log-gamma
 * (Lanczos), the regularised incomplete gamma function (series and continued fraction, Numerical
 * Recipes 3rd ed. §6.1–6.2), the standard normal distribution and quantile, the chi-square
 * survival function, and binomial / hypergeometric probabilities in logs. Pure.
 */

// Lanczos coefficients for g = 7, n = 9 (Godfrey's set; relative error below 1e-15 for x > 0).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// ln k! for the small integers counts take, tabulated as they are asked for (exact sums of logs
// drift less than Lanczos for the thousands of calls an exact test makes).
const logFactorials: number[] = [0];

/** ln n! for a whole n ≥ 0. */
export function logFactorial(n: number): number {
  if (n < logFactorials.length) return logFactorials[n]!;
  if (n > 100_000) return logGamma(n + 1);
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

const EPS = 1e-16;
const TINY = 1e-300;

/** The regularised lower incomplete gamma P(a, x) and upper Q(a, x) = 1 − P, for a > 0, x ≥ 0. */
export function gammaPQ(a: number, x: number): { p: number; q: number } {
  if (x <= 0) return { p: 0, q: 1 };
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    // Series: P = e^{-x} x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n)).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    const p = sum * front;
    return { p, q: 1 - p };
  }
  // Continued fraction for Q, modified Lentz.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const q = front * h;
  return { p: 1 - q, q };
}

/** Φ(x), the standard normal distribution function, to about 1e-15 (through erfc = Q(½, x²)). */
export function normalCdf(x: number): number {
  if (x === 0) return 0.5;
  const { q } = gammaPQ(0.5, (x * x) / 2);
  return x < 0 ? q / 2 : 1 - q / 2;
}

/** 1 − Φ(x) without cancellation for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/** Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation, then one Halley step on the exact Φ. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // Halley: e = Φ(x) − p, u = e·√(2π)·exp(x²/2).
  const e = (p < 0.5 ? normalCdf(x) - p : -(normalSf(x) - (1 - p)));
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** P(χ²_df ≥ x), the chi-square survival function. */
export function chiSquareSf(x: number, df: number): number {
  return gammaPQ(df / 2, x / 2).q;
}
