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
import { FISHER_TIES, fisherTails, hypergeometric, largestTailProbability, ORDER_TIES, waldStatistics } from './tables.js';

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

/** The unconditional tests enumerate (n_a + 1)(n_b + 1) tables per value of π: this bounds the work. */
export const EXACT_UNCONDITIONAL_MAX_TABLES = 250_000;

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

function checkUnconditional(a: Counts, b: Counts): void {
  assertCounts(a, 'a');
  assertCounts(b, 'b');
  const tables = (a.trials + 1) * (b.trials + 1);
  if (tables > EXACT_UNCONDITIONAL_MAX_TABLES) {
    throw new RangeError(`exact unconditional test: ${tables} tables exceed ${EXACT_UNCONDITIONAL_MAX_TABLES}; use the normal test`);
  }
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
