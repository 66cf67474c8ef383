/**
 * Special functions that the distributions need: the log-gamma function, the normal CDF and its
 * inverse, the regularised incomplete beta function and its inverse. Pure, double precision;
 * each is checked against scipy.special in special.test.ts.
 */

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients, as in Numerical Recipes 3rd ed.
// §6.1 and Python's reference implementations): relative error near 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  // Reflection keeps the series in its accurate range: Γ(x)Γ(1−x) = π / sin(πx).
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The regularised lower incomplete gamma function P(a, x): its series for x < a + 1, else one
 * minus Q(a, x) by Lentz's continued fraction (Numerical Recipes 3rd ed. §6.2).
 */
function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let term = 1 / a, sum = term;
  for (let n = 1; n < 1000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

function gammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/** Φ(x), the standard normal CDF, through erfc(t) = Q(1/2, t²) so both tails keep their digits. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const t = (x * x) / 2;
  return x < 0 ? 0.5 * gammaQ(0.5, t) : 1 - 0.5 * gammaQ(0.5, t);
}

/** φ(x), the standard normal density. */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

// Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988, 477–484): Φ⁻¹ to about 1e-16.
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i]!;
  return value;
}

/** Φ⁻¹(p), the standard normal quantile; −∞ at 0 and +∞ at 1. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_A, r)) / polynomial(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const x = r <= 5
    ? polynomial(AS241_C, (r -= 1.6)) / polynomial(AS241_D, r)
    : polynomial(AS241_E, (r -= 5)) / polynomial(AS241_F, r);
  return q < 0 ? -x : x;
}

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** I_x(a, b), the regularised incomplete beta function (the Beta(a, b) CDF), a, b > 0. */
export function betaCdf(x: number, a: number, b: number): number {
  return betaCdfWith(x, a, b, lnBeta(a, b));
}

/** I_x(a, b) given ln B(a, b), which a quantile search computes once rather than at every step. */
function betaCdfWith(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  // The continued fraction converges fast for x < (a+1)/(a+b+2); past it, use I_x(a,b) = 1 − I_{1−x}(b,a).
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

// Lentz's method for the incomplete beta's continued fraction (Numerical Recipes 3rd ed. §6.4).
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1000; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + even / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + odd / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/**
 * The Beta(a, b) quantile: the x in [0, 1] with I_x(a, b) = p. Bisection keeps a bracket, and a
 * Newton step is taken whenever it lands inside it, so it converges for every a, b > 0.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return betaSearch(p, a, b, lnBeta(a, b), 0, 1, betaGuess(p, a, b));
}

/** Bracketed Newton for I_x(a, b) = p from `x` in [lo, hi]; bisection when a step leaves the bracket. */
function betaSearch(p: number, a: number, b: number, lnB: number, lo: number, hi: number, x: number): number {
  for (let i = 0; i < 200; i++) {
    const f = betaCdfWith(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x; else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo < 1e-300) return next;
    x = next;
  }
  return x;
}

/** Nodes of a quantile function's table: F⁻¹ at k/NODES, k = 0..NODES. */
const NODES = 1024;

/**
 * The Beta(a, b) quantile function for many p (a sampling run's draws). The quantiles x_k at
 * k/1024 and their slopes dx/dp = 1/density(x_k) are found once; each p then starts from the
 * cubic Hermite interpolant between the two nodes around it, already within about 1e-10 of the
 * root, and takes one Newton step on I_x(a, b) = p. A Newton step from an error e leaves one of
 * order e²·|ρ'/ρ|/2 (ρ the density), so when that is below 1e-16·x the root is reached to the
 * last digits and the step is the answer: one evaluation of the incomplete beta a draw, where a search
 * from a linear start took three. Otherwise (the two end intervals, where a slope is infinite or
 * zero, or a step too long) the bracketed search goes on from there. The same root as
 * betaQuantile to 1e-14 relative (special.test.ts).
 */
export function betaQuantileFunction(a: number, b: number): (p: number) => number {
  const lnB = lnBeta(a, b);
  const density = (x: number) => Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
  const nodes = new Float64Array(NODES + 1);
  const slopes = new Float64Array(NODES + 1);
  for (let k = 0; k <= NODES; k++) {
    nodes[k] = betaQuantile(k / NODES, a, b);
    slopes[k] = 1 / (NODES * density(nodes[k]!)); // dx/dk: dx/dp over a node's step
  }
  return (p) => {
    if (!(p > 0 && p < 1)) return betaQuantile(p, a, b);
    const at = p * NODES;
    const k = Math.min(NODES - 1, Math.floor(at));
    const lo = nodes[k]!, hi = nodes[k + 1]!;
    if (!(hi > lo)) return lo;
    const t = at - k;
    const linear = lo + (hi - lo) * t;
    if (k === 0 || k === NODES - 1) return betaSearch(p, a, b, lnB, lo, hi, linear);
    const t2 = t * t, t3 = t2 * t;
    let x = (2 * t3 - 3 * t2 + 1) * lo + (t3 - 2 * t2 + t) * slopes[k]! + (3 * t2 - 2 * t3) * hi + (t3 - t2) * slopes[k + 1]!;
    if (!(x > lo && x < hi)) x = linear;
    const f = betaCdfWith(x, a, b, lnB) - p;
    if (f === 0) return x;
    const step = f / density(x);
    const next = x - step;
    // What the step leaves: about step²·|ρ'/ρ|/2, ρ the density, ρ'/ρ = (a − 1)/x − (b − 1)/(1 − x).
    const left = step * step * Math.abs((a - 1) / x - (b - 1) / (1 - x));
    if (left <= 2e-16 * x && next > lo && next < hi) return next;
    return f < 0 ? betaSearch(p, a, b, lnB, x, hi, next > x && next < hi ? next : (x + hi) / 2) : betaSearch(p, a, b, lnB, lo, x, next > lo && next < x ? next : (lo + x) / 2);
  };
}

/**
 * A first guess at the Beta(a, b) quantile, for a, b ≥ 1 (a PERT's shapes): the normal
 * approximation of Cran, Martin & Thomas (Applied Statistics algorithm AS 109, 1977, after
 * Abramowitz & Stegun 26.5.22), good to two or three digits, so the search above needs a few
 * Newton steps rather than many. The mean a/(a + b) otherwise.
 */
function betaGuess(p: number, a: number, b: number): number {
  if (a < 1 || b < 1) return a / (a + b);
  const tail = p < 0.5 ? p : 1 - p;
  const r = Math.sqrt(-2 * Math.log(tail));
  let z = (2.30753 + 0.27061 * r) / (1 + r * (0.99229 + 0.04481 * r)) - r;
  if (p < 0.5) z = -z;
  const al = (z * z - 3) / 6;
  const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
  const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
  const x = a / (a + b * Math.exp(2 * w));
  return x > 0 && x < 1 ? x : a / (a + b);
}
