/**
 * Correlated inputs by rank: Iman & Conover, "A distribution-free approach to inducing rank
 * correlation among input variables", Commun. Statist. B 11 (1982) 311–334. Each column of a
 * sample keeps its values (so each input keeps its marginal distribution exactly); only the order
 * in which they are paired changes, so that the ranks follow the target correlation.
 *
 * Steps: scores R (van der Waerden's Φ⁻¹(k/(n+1)), each column shuffled), their correlation T,
 * Choleskys C = P Pᵀ and T = Q Qᵀ, R* = R (P Q⁻¹)ᵀ whose correlation is C exactly; then each
 * input column is reordered to have the ranks of the column of R*. The scores being normal, C is
 * first turned from a rank (Spearman) correlation into the normal scores' Pearson correlation,
 * 2·sin(π·C/6) (Pearson, 1907; Kruskal, JASA 53, 1958), so the ranks come out at C rather than
 * at (6/π)·asin(C/2) (0.683 for 0.7); if that matrix is not positive semi-definite, C is used as is.
 */
import type { Random } from './random.js';
import { normalQuantile } from './special.js';

export type CorrelationFault =
  | { code: 'not-square'; path: []; size: number }
  | { code: 'not-finite'; path: [number, number] }
  | { code: 'diagonal-not-one'; path: [number, number]; value: number }
  | { code: 'not-symmetric'; path: [number, number]; value: number; mirror: number }
  | { code: 'outside-unit'; path: [number, number]; value: number }
  /** Not positive semi-definite: the Cholesky factorisation met a negative pivot at `row`. */
  | { code: 'not-positive-semidefinite'; path: [number, number]; row: number; pivot: number };

/** Tolerance on symmetry and on pivots: correlations written to ~12 digits are read as exact. */
const TOLERANCE = 1e-10;

/**
 * The lower Cholesky factor L (C = L Lᵀ) of a symmetric positive semi-definite matrix, or the
 * row whose pivot is negative. A zero pivot (a semi-definite matrix, e.g. two inputs correlated
 * at 1) gives a zero column below it, as the factorisation of a semi-definite matrix allows.
 */
export function cholesky(matrix: readonly (readonly number[])[]): { factor: number[][] } | { row: number; pivot: number } {
  const n = matrix.length;
  const factor = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j]![j]!;
    for (let k = 0; k < j; k++) pivot -= factor[j]![k]! ** 2;
    if (pivot < -TOLERANCE) return { row: j, pivot };
    const diagonal = pivot > TOLERANCE ? Math.sqrt(pivot) : 0;
    factor[j]![j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= factor[i]![k]! * factor[j]![k]!;
      if (diagonal === 0 && Math.abs(sum) > TOLERANCE) return { row: i, pivot: -Math.abs(sum) };
      factor[i]![j] = diagonal === 0 ? 0 : sum / diagonal;
    }
  }
  return { factor };
}

/** Every fault of a target rank-correlation matrix; an empty list when Iman–Conover can reach it. */
export function checkCorrelation(matrix: readonly (readonly number[])[]): CorrelationFault[] {
  const n = matrix.length;
  if (matrix.some((row) => row.length !== n)) return [{ code: 'not-square', path: [], size: n }];
  const faults: CorrelationFault[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = matrix[i]![j]!;
      if (!Number.isFinite(value)) faults.push({ code: 'not-finite', path: [i, j] });
      else if (i === j && Math.abs(value - 1) > TOLERANCE) faults.push({ code: 'diagonal-not-one', path: [i, j], value });
      else if (Math.abs(value) > 1) faults.push({ code: 'outside-unit', path: [i, j], value });
      else if (j > i && Math.abs(value - matrix[j]![i]!) > TOLERANCE) faults.push({ code: 'not-symmetric', path: [i, j], value, mirror: matrix[j]![i]! });
    }
  }
  if (faults.length > 0) return faults;
  const factored = cholesky(matrix);
  return 'row' in factored ? [{ code: 'not-positive-semidefinite', path: [factored.row, factored.row], row: factored.row, pivot: factored.pivot }] : [];
}

/** Thrown by imanConover on a matrix checkCorrelation refuses; carries the faults. */
export class CorrelationError extends Error {
  constructor(readonly faults: readonly CorrelationFault[]) {
    super(`correlation refused: ${faults.map((f) => f.code).join(', ')}`);
    this.name = 'CorrelationError';
  }
}

/**
 * Reorders the columns of `rows` (count × dims, row after row, as a design chunk holds them) so
 * that their rank correlation approaches `target`; returns a new array, each column a permutation
 * of the old one.
 *
 * @example
 * imanConover(uniforms, 2, [[1, 0.8], [0.8, 1]], xoshiro128(seed, chunk));
 */
export function imanConover(rows: Float64Array, dims: number, target: readonly (readonly number[])[], random: Random): Float64Array {
  const faults = checkCorrelation(target);
  if (faults.length === 0 && target.length !== dims) faults.push({ code: 'not-square', path: [], size: target.length });
  if (faults.length > 0) throw new CorrelationError(faults);
  const n = rows.length / dims;
  const scores = shuffledScores(n, dims, random);
  const scoresTarget = cholesky(target.map((row) => row.map((r) => 2 * Math.sin((Math.PI * r) / 6))));
  const p = ('factor' in scoresTarget ? scoresTarget : (cholesky(target) as { factor: number[][] })).factor;
  const q = cholesky(correlationMatrix(scores, dims));
  // The scores' own correlation is positive definite for n > dims with shuffled columns; if not, keep them.
  const mixed = 'factor' in q ? multiplyTransposed(scores, dims, mixing(p, q.factor)) : scores;
  const result = new Float64Array(rows.length);
  for (let j = 0; j < dims; j++) {
    const values = Float64Array.from({ length: n }, (_, i) => rows[i * dims + j]!).sort();
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => mixed[a * dims + j]! - mixed[b * dims + j]!);
    // The draw with the k-th smallest mixed score takes the k-th smallest value.
    order.forEach((draw, rank) => (result[draw * dims + j] = values[rank]!));
  }
  return result;
}

function shuffledScores(n: number, dims: number, random: Random): Float64Array {
  const base = Array.from({ length: n }, (_, k) => normalQuantile((k + 1) / (n + 1)));
  const scores = new Float64Array(n * dims);
  for (let j = 0; j < dims; j++) {
    const column = [...base];
    for (let k = n - 1; k > 0; k--) {
      const pick = random.below(k + 1);
      [column[k], column[pick]] = [column[pick]!, column[k]!];
    }
    column.forEach((x, i) => (scores[i * dims + j] = x));
  }
  return scores;
}

/** Spearman's rank correlation matrix of the columns of rows (count × dims, no ties expected: continuous draws). */
export function rankCorrelationMatrix(rows: Float64Array, dims: number): number[][] {
  const n = rows.length / dims;
  const ranks = new Float64Array(rows.length);
  for (let j = 0; j < dims; j++) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rows[a * dims + j]! - rows[b * dims + j]!);
    order.forEach((draw, rank) => (ranks[draw * dims + j] = rank));
  }
  return correlationMatrix(ranks, dims);
}

/** Pearson correlation matrix of the columns of rows (count × dims). */
export function correlationMatrix(rows: Float64Array, dims: number): number[][] {
  const n = rows.length / dims;
  const means = Array.from({ length: dims }, (_, j) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rows[i * dims + j]!;
    return sum / n;
  });
  const cov = Array.from({ length: dims }, () => new Array<number>(dims).fill(0));
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < dims; a++) {
      const da = rows[i * dims + a]! - means[a]!;
      for (let b = a; b < dims; b++) cov[a]![b]! += da * (rows[i * dims + b]! - means[b]!);
    }
  }
  return cov.map((row, a) => row.map((_, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return cov[lo]![hi]! / Math.sqrt(cov[a]![a]! * cov[b]![b]!);
  }));
}

/** S = P Q⁻¹ (Q lower triangular, so Q⁻¹ by forward substitution). */
function mixing(p: number[][], q: number[][]): number[][] {
  const n = p.length;
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    for (let i = 0; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= q[i]![k]! * inverse[k]![col]!;
      inverse[i]![col] = sum / q[i]![i]!;
    }
  }
  return p.map((row) => inverse[0]!.map((_, col) => row.reduce((sum, x, k) => sum + x * inverse[k]![col]!, 0)));
}

/** rows · Sᵀ: each draw's scores mixed by S. */
function multiplyTransposed(rows: Float64Array, dims: number, s: number[][]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length / dims; i++) {
    for (let a = 0; a < dims; a++) {
      let sum = 0;
      for (let k = 0; k < dims; k++) sum += rows[i * dims + k]! * s[a]![k]!;
      out[i * dims + a] = sum;
    }
  }
  return out;
}
