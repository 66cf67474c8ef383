/**
 * Every 2 × 2 table of two groups of sizes n_a and n_b, held flat at index x_a · (n_b + 1) + x_b:
 * the statistics that order them and the largest probability of a set of them over the common
 * rate π. Internal to the exact tests and exact power; not exported from the folder.
 */
import { binomialPmf, logChoose } from './special.js';

// Tables whose statistic equals the observed one up to rounding are as extreme as it. R uses a
// relative 1e-7 for Fisher, scipy 1e-14 (Fisher) and 1e-13 (Boschloo); sums of logs here drift more
// than scipy's, so ties are taken at 1e-7 for probabilities and 1e-10 for the ordering statistics.
export const FISHER_TIES = 1 + 1e-7;
export const ORDER_TIES = 1e-10;

/** Which tables are in a set (1) or not (0), flat as above. */
export type Region = Uint8Array;

/** Probabilities of a's successes x given m successes in all, x from lo to hi. */
export function hypergeometric(na: number, nb: number, m: number): { lo: number; pmf: Float64Array } {
  const lo = Math.max(0, m - nb);
  const hi = Math.min(m, na);
  const pmf = new Float64Array(hi - lo + 1);
  const total = logChoose(na + nb, m);
  for (let x = lo; x <= hi; x++) pmf[x - lo] = Math.exp(logChoose(na, x) + logChoose(nb, m - x) - total);
  return { lo, pmf };
}

/** The pooled Wald statistic of every table, 0 where both rates are equal (as scipy sets it). */
export function waldStatistics(na: number, nb: number): Float64Array {
  const out = new Float64Array((na + 1) * (nb + 1));
  for (let xa = 0; xa <= na; xa++) {
    for (let xb = 0; xb <= nb; xb++) {
      const pa = xa / na;
      const pb = xb / nb;
      const p = (xa + xb) / (na + nb);
      out[xa * (nb + 1) + xb] = pa === pb ? 0 : (pa - pb) / Math.sqrt(p * (1 - p) * (1 / na + 1 / nb));
    }
  }
  return out;
}

/** Fisher's one-sided p-value of every table: P(X ≤ x_a | m) for `less`, P(X ≥ x_a | m) for `greater`. */
export function fisherTails(na: number, nb: number, side: 'less' | 'greater'): Float64Array {
  const out = new Float64Array((na + 1) * (nb + 1));
  for (let m = 0; m <= na + nb; m++) {
    const { lo, pmf } = hypergeometric(na, nb, m);
    let cumulative = 0;
    const order = side === 'less' ? [...pmf.keys()] : [...pmf.keys()].reverse();
    for (const i of order) {
      cumulative += pmf[i]!;
      const xa = lo + i;
      out[xa * (nb + 1) + (m - xa)] = Math.min(1, cumulative);
    }
  }
  return out;
}

/** max over π of Σ_{(x_a, x_b) in region} Bin(x_a; n_a, π) Bin(x_b; n_b, π). */
export function largestTailProbability(na: number, nb: number, region: Region): { p: number; at: number } {
  const at = (pi: number): number => {
    const pa = binomialPmf(na, pi);
    const pb = binomialPmf(nb, pi);
    let sum = 0;
    for (let xa = 0; xa <= na; xa++) {
      let row = 0;
      const base = xa * (nb + 1);
      for (let xb = 0; xb <= nb; xb++) if (region[base + xb]) row += pb[xb]!;
      sum += pa[xa]! * row;
    }
    return sum;
  };
  return maximiseOnUnitInterval(at);
}

// The grid: π = 0, 0.001, …, 1 (1,001 points), then a golden-section search on the two grid steps
// around each of the five best local maxima, to a width of 1e-12. The tail probability is a
// polynomial in π of degree n_a + n_b; its peaks are at least a few grid steps wide for the sample
// sizes this bounds (scipy's shgo samples 32 Sobol points, then refines locally).
const GRID_STEPS = 1000;
const REFINED_PEAKS = 5;

export function maximiseOnUnitInterval(f: (x: number) => number): { p: number; at: number } {
  const values = new Float64Array(GRID_STEPS + 1);
  for (let i = 0; i <= GRID_STEPS; i++) values[i] = f(i / GRID_STEPS);
  const peaks: number[] = [];
  for (let i = 0; i <= GRID_STEPS; i++) {
    const left = i > 0 ? values[i - 1]! : -Infinity;
    const right = i < GRID_STEPS ? values[i + 1]! : -Infinity;
    if (values[i]! >= left && values[i]! >= right) peaks.push(i);
  }
  peaks.sort((i, j) => values[j]! - values[i]!);
  let best = { p: values[peaks[0]!]!, at: peaks[0]! / GRID_STEPS };
  for (const i of peaks.slice(0, REFINED_PEAKS)) {
    const found = goldenSection(f, Math.max(0, (i - 1) / GRID_STEPS), Math.min(1, (i + 1) / GRID_STEPS));
    if (found.p > best.p) best = found;
  }
  return best;
}

function goldenSection(f: (x: number) => number, lo: number, hi: number): { p: number; at: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = hi - r * (hi - lo);
  let d = lo + r * (hi - lo);
  let fc = f(c);
  let fd = f(d);
  while (hi - lo > 1e-12) {
    if (fc > fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - r * (hi - lo);
      fc = f(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + r * (hi - lo);
      fd = f(d);
    }
  }
  return fc > fd ? { p: fc, at: c } : { p: fd, at: d };
}

