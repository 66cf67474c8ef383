/**
 * Exact power of a planned two-group test by enumeration: the probability, under the planned
 * rates, of every table the test rejects at level α, Σ Bin(x_a; n_a, p_a) Bin(x_b; n_b, p_b) over
 * the rejection region. Unlike the normal approximation it is the power of the test that will
 * actually be run, discreteness and all (exact tests at n = 50 are conservative).
 */
import { boschlooExact } from './exact.js';
import type { PlannedRates, PowerOptions } from './power.js';
import { binomialPmf, normalSf } from './special.js';
import { FISHER_TIES, fisherTails, hypergeometric, ORDER_TIES, type Region } from './tables.js';

export type PlannedTest = 'fisher' | 'boschloo' | 'z';

/** Enumeration covers (n_a + 1)(n_b + 1) tables; Boschloo's takes a 1,001-point grid for each. */
export const EXACT_POWER_MAX_TABLES: Record<PlannedTest, number> = { fisher: 1_000_000, z: 1_000_000, boschloo: 40_000 };

export interface ExactPower {
  readonly test: PlannedTest;
  readonly power: number;
  /** The test's real size: its rejection probability when both rates equal the control's. */
  readonly size: number;
  readonly alpha: number;
}

/** Two-sided Fisher p-values of every table: per total m, the tables no more likely than each. */
function fisherRegion(na: number, nb: number, alpha: number): Region {
  const region = new Uint8Array((na + 1) * (nb + 1));
  for (let m = 0; m <= na + nb; m++) {
    const { lo, pmf } = hypergeometric(na, nb, m);
    const sorted = Float64Array.from(pmf).sort();
    const cumulative = new Float64Array(sorted.length);
    sorted.reduce((sum, q, i) => (cumulative[i] = sum + q), 0);
    pmf.forEach((q, i) => {
      // The last sorted index whose probability is at most q · (1 + 1e-7).
      let k = sorted.length - 1;
      while (k >= 0 && sorted[k]! > q * FISHER_TIES) k--;
      if (k >= 0 && cumulative[k]! <= alpha) region[(lo + i) * (nb + 1) + (m - lo - i)] = 1;
    });
  }
  return region;
}

function zRegion(na: number, nb: number, alpha: number): Region {
  const region = new Uint8Array((na + 1) * (nb + 1));
  for (let xa = 0; xa <= na; xa++) {
    for (let xb = 0; xb <= nb; xb++) {
      const p = (xa + xb) / (na + nb);
      const se = Math.sqrt(p * (1 - p) * (1 / na + 1 / nb));
      if (se > 0 && 2 * normalSf(Math.abs(xa / na - xb / nb) / se) <= alpha) region[xa * (nb + 1) + xb] = 1;
    }
  }
  return region;
}

/**
 * Boschloo's two-sided p-value of every table at once: for each π of the grid π = 0, 0.001, …, 1,
 * the tables sorted by Fisher's one-sided p-value and their probabilities summed in that order
 * give every table's tail at π; the p-value is the largest tail. Tables whose grid p-value lies
 * within 1 % below α are settled by boschlooExact (grid plus refinement), so none is let in by
 * the grid's coarseness.
 */
function boschlooRegion(na: number, nb: number, alpha: number): Region {
  const size = (na + 1) * (nb + 1);
  const sides = (['less', 'greater'] as const).map((side) => {
    const stat = fisherTails(na, nb, side);
    const order = [...stat.keys()].sort((i, j) => stat[i]! - stat[j]!);
    return { stat, order, largest: new Float64Array(size) };
  });
  for (let g = 0; g <= 1000; g++) {
    const pa = binomialPmf(na, g / 1000);
    const pb = binomialPmf(nb, g / 1000);
    for (const { stat, order, largest } of sides) {
      let sum = 0;
      let start = 0;
      // Walk groups of tied statistics: every table of a group gets the sum through its group.
      while (start < order.length) {
        let end = start;
        const bound = stat[order[start]!]! * (1 + ORDER_TIES);
        while (end < order.length && stat[order[end]!]! <= bound) {
          const t = order[end]!;
          sum += pa[Math.floor(t / (nb + 1))]! * pb[t % (nb + 1)]!;
          end++;
        }
        for (let k = start; k < end; k++) if (sum > largest[order[k]!]!) largest[order[k]!] = sum;
        start = end;
      }
    }
  }
  const region = new Uint8Array(size);
  for (let t = 0; t < size; t++) {
    const p = Math.min(1, 2 * Math.min(sides[0]!.largest[t]!, sides[1]!.largest[t]!));
    if (p > alpha) continue;
    if (p < 0.99 * alpha) region[t] = 1;
    else {
      const xa = Math.floor(t / (nb + 1));
      const xb = t % (nb + 1);
      region[t] = Number(boschlooExact({ successes: xa, trials: na }, { successes: xb, trials: nb }).pValue <= alpha);
    }
  }
  return region;
}

function regionProbability(region: Region, na: number, nb: number, pa: number, pb: number): number {
  const ba = binomialPmf(na, pa);
  const bb = binomialPmf(nb, pb);
  let sum = 0;
  for (let xa = 0; xa <= na; xa++) for (let xb = 0; xb <= nb; xb++) if (region[xa * (nb + 1) + xb]) sum += ba[xa]! * bb[xb]!;
  return sum;
}

/** The exact power (and size) of a two-sided test of the planned design, by enumeration. */
export function exactPower(rates: PlannedRates, trialsA: number, trialsB: number, test: PlannedTest, options: PowerOptions = {}): ExactPower {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1): ${alpha}`);
  for (const [n, label] of [[trialsA, 'trialsA'], [trialsB, 'trialsB']] as const) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`${label} must be a whole number ≥ 1: ${n}`);
  }
  const tables = (trialsA + 1) * (trialsB + 1);
  if (tables > EXACT_POWER_MAX_TABLES[test]) throw new RangeError(`exact power: ${tables} tables exceed ${EXACT_POWER_MAX_TABLES[test]} for ${test}; use the normal approximation`);
  const region = test === 'fisher' ? fisherRegion(trialsA, trialsB, alpha) : test === 'z' ? zRegion(trialsA, trialsB, alpha) : boschlooRegion(trialsA, trialsB, alpha);
  return {
    test,
    power: regionProbability(region, trialsA, trialsB, rates.control, rates.variant),
    size: regionProbability(region, trialsA, trialsB, rates.control, rates.control),
    alpha,
  };
}
