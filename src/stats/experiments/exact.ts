/**
 * Exact tests of two conversion rates, for small samples where the normal test's conditions fail.
 * Group a is scipy's first column: a's counts are table[0][0] successes of table[0][0] +
 * table[1][0] trials. `less` means "a converts less than b".
 *
 * - Fisher's exact test conditions on both margins (the hypergeometric distribution of a's
 *   successes given the total); two-sided as scipy.stats.fisher_exact and R's fisher.test: the sum
 *   of the probabilities of the tables no more likely than the one observed.
 * - Barnard's and Boschloo's tests condition on the group sizes only: the p-value is the largest,
 *   over the common conversion rate π (the nuisance parameter), of the probability of a table at
 *   least as extreme. Barnard orders tables by the pooled Wald statistic, Boschloo by Fisher's
 *   one-sided p-value; Boschloo's is uniformly more powerful than Fisher's (Boschloo 1970,
 *   Statistica Neerlandica 24:1–35), so it is the default. Both follow scipy.stats.barnard_exact
 *   and boschloo_exact (two-sided Boschloo: twice the smaller one-sided p-value, at most 1).
 */
import { assertCounts, type Counts } from './counts.js';
import { binomialPmf, logChoose } from './special.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface ExactTest {
  readonly method: 'fisher' | 'barnard' | 'boschloo';
  readonly alternative: Alternative;
  /** Fisher: the sample odds ratio; Barnard: the pooled Wald statistic; Boschloo: Fisher's one-sided p-value. */
  readonly statistic: number;
  readonly pValue: number;
  /** Barnard and Boschloo: the common rate π at which the p-value is largest. */
  readonly nuisance?: number;
}

// Tables whose statistic equals the observed one up to rounding are as extreme as it. R uses a
// relative 1e-7 for Fisher, scipy 1e-14 (Fisher) and 1e-13 (Boschloo); sums of logs here drift more
// than scipy's, so ties are taken at 1e-7 for probabilities and 1e-10 for the ordering statistics.
const FISHER_TIES = 1 + 1e-7;
const ORDER_TIES = 1e-10;

/** The unconditional tests enumerate (n_a + 1)(n_b + 1) tables per value of π: this bounds the work. */
export const EXACT_UNCONDITIONAL_MAX_TABLES = 250_000;

/** Probabilities of a's successes x given m successes in all, x from lo to hi. */
function hypergeometric(na: number, nb: number, m: number): { lo: number; pmf: Float64Array } {
  const lo = Math.max(0, m - nb);
  const hi = Math.min(m, na);
  const pmf = new Float64Array(hi - lo + 1);
  const total = logChoose(na + nb, m);
  for (let x = lo; x <= hi; x++) pmf[x - lo] = Math.exp(logChoose(na, x) + logChoose(nb, m - x) - total);
  return { lo, pmf };
}

function oddsRatio(a: Counts, b: Counts): number {
  const fa = a.trials - a.successes;
  const fb = b.trials - b.successes;
  return a.successes * fb === 0 && b.successes * fa === 0 ? NaN : (a.successes * fb) / (b.successes * fa);
}

/** Fisher's exact test of a against b. */
export function fisherExact(a: Counts, b: Counts, alternative: Alternative = 'two-sided'): ExactTest {
  assertCounts(a, 'a');
  assertCounts(b, 'b');
  const { lo, pmf } = hypergeometric(a.trials, b.trials, a.successes + b.successes);
  const observed = a.successes - lo;
  let p = 0;
  pmf.forEach((q, i) => {
    if (alternative === 'less' ? i <= observed : alternative === 'greater' ? i >= observed : q <= pmf[observed]! * FISHER_TIES) p += q;
  });
  return { method: 'fisher', alternative, statistic: oddsRatio(a, b), pValue: Math.min(1, p) };
}

/** Which tables (x_a · (n_b + 1) + x_b) are at least as extreme as the observed one. */
type Region = Uint8Array;

/** max over π of Σ_{(x_a, x_b) in region} Bin(x_a; n_a, π) Bin(x_b; n_b, π). */
function largestTailProbability(na: number, nb: number, region: Region): { p: number; at: number } {
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

function checkUnconditional(a: Counts, b: Counts): void {
  assertCounts(a, 'a');
  assertCounts(b, 'b');
  const tables = (a.trials + 1) * (b.trials + 1);
  if (tables > EXACT_UNCONDITIONAL_MAX_TABLES) {
    throw new RangeError(`exact unconditional test: ${tables} tables exceed ${EXACT_UNCONDITIONAL_MAX_TABLES}; use the normal test`);
  }
}

/** The pooled Wald statistic of every table, 0 where both rates are equal (as scipy sets it). */
function waldStatistics(na: number, nb: number): Float64Array {
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

/** Barnard's exact test with the pooled Wald statistic (scipy's default `pooled=True`). */
export function barnardExact(a: Counts, b: Counts, alternative: Alternative = 'two-sided'): ExactTest {
  checkUnconditional(a, b);
  const stats = waldStatistics(a.trials, b.trials);
  const observed = stats[a.successes * (b.trials + 1) + b.successes]!;
  const slack = ORDER_TIES * Math.max(1, Math.abs(observed));
  const region = stats.map((t) =>
    alternative === 'two-sided' ? Number(Math.abs(t) >= Math.abs(observed) - slack) : alternative === 'less' ? Number(t <= observed + slack) : Number(t >= observed - slack),
  );
  const { p, at } = largestTailProbability(a.trials, b.trials, Uint8Array.from(region));
  return { method: 'barnard', alternative, statistic: observed, pValue: Math.min(1, p), nuisance: at };
}

/** Fisher's one-sided p-value of every table: P(X ≤ x_a | m) for `less`, P(X ≥ x_a | m) for `greater`. */
function fisherTails(na: number, nb: number, side: 'less' | 'greater'): Float64Array {
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

function boschlooOneSided(a: Counts, b: Counts, side: 'less' | 'greater'): ExactTest {
  const tails = fisherTails(a.trials, b.trials, side);
  const observed = tails[a.successes * (b.trials + 1) + b.successes]!;
  const region = Uint8Array.from(tails, (t) => Number(t <= observed * (1 + ORDER_TIES)));
  const { p, at } = largestTailProbability(a.trials, b.trials, region);
  return { method: 'boschloo', alternative: side, statistic: observed, pValue: Math.min(1, p), nuisance: at };
}

/** Boschloo's exact test: the unconditional test ordered by Fisher's p-value. */
export function boschlooExact(a: Counts, b: Counts, alternative: Alternative = 'two-sided'): ExactTest {
  checkUnconditional(a, b);
  if (alternative !== 'two-sided') return boschlooOneSided(a, b, alternative);
  const less = boschlooOneSided(a, b, 'less');
  const greater = boschlooOneSided(a, b, 'greater');
  const smaller = less.pValue < greater.pValue ? less : greater;
  return { ...smaller, alternative, pValue: Math.min(1, 2 * smaller.pValue) };
}
