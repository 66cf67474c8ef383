/**
 * Checks of what a model says about its uncertainty (format version 4): ranges in order, each
 * distribution one that can be drawn from and that fits its parameter, and rank correlations
 * that Iman–Conover can induce (a positive semi-definite matrix over parameters that are drawn).
 *
 * The faults are src/stats's own (distribution-check.ts, rank-correlation.ts), found again here
 * because the core imports nothing of ours; test/uncertainty-agreement.test.ts holds the two to
 * the same verdicts. The core then refuses the model, located, before any draw is made.
 */
import { issue, type DistributionFault, type Issue, type Path } from './issues.js';
import {
  correlationMatrix,
  distributionBounds,
  parameterSpec,
  recordById,
  type ColumnReader,
  type Correlations,
  type Distribution,
  type ModelDocument,
} from './model/index.js';

/** Tolerance on probabilities summing to 1, on symmetry and on pivots (src/stats uses 1e-10 for the last two). */
const TOLERANCE = 1e-10;
const PROBABILITY_TOLERANCE = 1e-9;

export interface UncertaintyCheck {
  issues: Issue[];
  /** The numbers of each empirical distribution that could be read, by parameter. */
  columns: Map<string, readonly number[]>;
}

/**
 * `timings`: the parameters that set a timing (timing.ts), which are drawn as whole periods.
 * `readColumn`: how the surface reads an empirical distribution's column; without one (no file
 * to read from), empirical columns are neither checked nor read.
 */
export function checkUncertainty(doc: ModelDocument, timings: ReadonlyMap<string, Path>, readColumn?: ColumnReader): UncertaintyCheck {
  const issues: Issue[] = [];
  const columns = new Map<string, readonly number[]>();
  for (const [name, written] of Object.entries(doc.parameters ?? {})) {
    if (typeof written !== 'object') continue;
    const path = ['parameters', name];
    const { value, range, distribution } = parameterSpec(written);
    if (range) issues.push(...rangeIssues(name, value, range, [...path, 'range']));
    if (!distribution) continue;
    const at = [...path, 'distribution'];
    if (typeof value !== 'number') {
      issues.push(issue('distribution', at, { reason: 'of-expression', name }, { atKey: true }));
      continue;
    }
    if (distribution.kind === 'empirical' && readColumn) {
      const read = readColumn(distribution.file, distribution.column);
      const fault = columnFault(read, distribution.file, distribution.column);
      if (fault) issues.push(issue('distribution', [...at, fault.reason === 'empirical-file' ? 'file' : 'column'], fault));
      else columns.set(name, (read as { values: readonly number[] }).values);
    }
    const faults = distributionFaults(distribution, value);
    issues.push(...faults.map(([field, fault]) => issue('distribution', field === undefined ? at : [...at, ...field], fault, field === undefined ? { atKey: true } : {})));
    if (faults.length === 0 && timings.has(name) && distribution.kind !== 'empirical' && !distributionBounds(distribution)) {
      issues.push(issue('distribution', at, { reason: 'timing-unbounded', name, kind: distribution.kind }, { atKey: true }));
    }
  }
  for (const [id, actor] of Object.entries(doc.actors)) {
    actor.costs?.forEach((cost, i) => {
      if (cost.range) issues.push(...rangeIssues(cost.name, cost.fixed ?? cost.variable ?? cost.investment, cost.range, ['actors', id, 'costs', i, 'range']));
    });
  }
  if (doc.correlations) issues.push(...correlationIssues(doc, doc.correlations));
  return { issues, columns };
}

/** Why an empirical column gives nothing to draw from, if it does not. */
function columnFault(read: ReturnType<ColumnReader>, file: string, column: string): DistributionFault | undefined {
  if ('values' in read) return read.values.length === 0 ? { reason: 'empirical-empty', file, column } : undefined;
  switch (read.fault) {
    case 'file':
      return { reason: 'empirical-file', file };
    case 'column':
      return { reason: 'empirical-column', file, column, known: read.known };
    case 'cell':
      return { reason: 'empirical-cell', file, column, row: read.row, text: read.text };
  }
}

function rangeIssues(name: string, value: unknown, [low, high]: readonly [number, number], path: Path): Issue[] {
  if (low > high) return [issue('range-order', path, { low, high })];
  if (typeof value === 'number' && (value < low || value > high)) {
    return [issue('range-value', path, { name, value, low, high }, { severity: 'warning' })];
  }
  return [];
}

type Located = [field: Path | undefined, fault: DistributionFault];

/** Every fault of a distribution, with the field inside it at fault (undefined: the whole). */
export function distributionFaults(d: Distribution, value: number): Located[] {
  switch (d.kind) {
    case 'uniform':
      return bounds(d.min, d.max);
    case 'triangular':
      return [...bounds(d.min, d.max), ...mode(d.min, d.mode, value, d.max)];
    case 'pert':
      return [...bounds(d.min, d.max), ...mode(d.min, d.mode, value, d.max), ...positive('shape', d.shape)];
    case 'normal':
      return [...positive('sd', d.sd), ...truncation(d.min, d.max, (x) => (x - (d.mean ?? value)) / d.sd, d.sd > 0)];
    case 'lognormal':
      return [...positive('sigma', d.sigma), ...truncation(d.min, d.max, (x) => (x <= 0 ? -Infinity : (Math.log(x) - d.mu) / d.sigma), d.sigma > 0)];
    case 'beta':
      return [...positive('alpha', d.alpha), ...positive('beta', d.beta), ...bounds(d.min ?? 0, d.max ?? 1)];
    case 'discrete':
      return discrete(d.values, d.probabilities);
    case 'empirical':
      return [];
  }
}

function bounds(min: number, max: number): Located[] {
  return min < max ? [] : [[['min'], { reason: 'min-not-below-max', min, max }]];
}

/** The mode, or the value it defaults to, inside [min, max]. */
function mode(min: number, written: number | undefined, value: number, max: number): Located[] {
  const m = written ?? value;
  if (m >= min && m <= max) return [];
  return [[written === undefined ? undefined : ['mode'], { reason: 'mode-outside-range', mode: m, min, max }]];
}

function positive(field: string, value: number | undefined): Located[] {
  return value === undefined || value > 0 ? [] : [[[field], { reason: 'not-positive', field, value }]];
}

/** Truncation bounds: ordered, and holding some probability once standardised (as src/stats checks). */
function truncation(min: number | undefined, max: number | undefined, standardise: (x: number) => number, spread: boolean): Located[] {
  if (min === undefined || max === undefined) return [];
  if (!(min < max)) return bounds(min, max);
  if (!spread) return [];
  const a = standardise(min), b = standardise(max);
  // Beyond 37 standard deviations Φ underflows on both sides: nothing left to draw.
  const empty = (a > 37 && b > 37) || (a < -37 && b < -37);
  return empty ? [[['min'], { reason: 'truncation-empty', min, max }]] : [];
}

function discrete(values: readonly number[], probabilities: readonly number[]): Located[] {
  if (values.length !== probabilities.length) {
    return [[['probabilities'], { reason: 'discrete-lengths', values: values.length, probabilities: probabilities.length }]];
  }
  const negative: Located[] = [];
  probabilities.forEach((p, i) => { if (p < 0) negative.push([['probabilities', i], { reason: 'negative-probability', probability: p }]); });
  if (negative.length > 0) return negative;
  const sum = probabilities.reduce((total, p) => total + p, 0);
  return Math.abs(sum - 1) <= PROBABILITY_TOLERANCE ? [] : [[['probabilities'], { reason: 'probabilities-sum', sum }]];
}

/** Names that exist and are drawn, pairs that make sense, then a matrix Iman–Conover can reach. */
function correlationIssues(doc: ModelDocument, correlations: Correlations): Issue[] {
  const issues: Issue[] = [];
  const named: Array<[string, Path]> = [];
  if (Array.isArray(correlations)) {
    const seen = new Map<string, number>();
    correlations.forEach(({ between: [a, b], rank }, i) => {
      const path = ['correlations', i];
      named.push([a, [...path, 'between', 0]], [b, [...path, 'between', 1]]);
      if (a === b) issues.push(issue('correlation', [...path, 'between'], { reason: 'self', name: a }));
      const key = [a, b].sort().join('\u0000');
      if (seen.has(key)) issues.push(issue('correlation', path, { reason: 'duplicate', first: a, second: b }));
      seen.set(key, i);
      if (!(Math.abs(rank) <= 1)) issues.push(issue('correlation', [...path, 'rank'], { reason: 'outside-unit', value: rank }));
    });
  } else {
    correlations.parameters.forEach((name, i) => named.push([name, ['correlations', 'parameters', i]]));
    issues.push(...matrixIssues(correlations.parameters, correlations.matrix));
  }
  for (const [name, path] of named) {
    const parameter = recordById(doc.parameters, name);
    if (parameter === undefined) continue; // check-references reports the unknown name
    const spec = parameterSpec(parameter);
    const drawn = typeof spec.value === 'number' && (spec.distribution !== undefined || spec.range !== undefined);
    if (!drawn) issues.push(issue('correlation', path, { reason: 'not-drawn', name }));
  }
  if (issues.length > 0) return issues;
  const { parameters, matrix } = correlationMatrix(correlations);
  const row = negativePivot(matrix);
  if (row === undefined) return [];
  const at: Path = Array.isArray(correlations) ? ['correlations'] : ['correlations', 'matrix', row];
  return [issue('correlation', at, { reason: 'not-positive-semidefinite', name: parameters[row]! }, { atKey: Array.isArray(correlations) })];
}

function matrixIssues(parameters: readonly string[], matrix: readonly (readonly number[])[]): Issue[] {
  const n = parameters.length;
  const badRow = matrix.findIndex((row) => row.length !== n);
  if (matrix.length !== n) return [issue('correlation', ['correlations', 'matrix'], { reason: 'not-square', size: n, found: matrix.length })];
  if (badRow >= 0) return [issue('correlation', ['correlations', 'matrix', badRow], { reason: 'not-square', size: n, found: matrix[badRow]!.length })];
  const issues: Issue[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = matrix[i]![j]!;
      const path = ['correlations', 'matrix', i, j];
      if (i === j && Math.abs(value - 1) > TOLERANCE) issues.push(issue('correlation', path, { reason: 'diagonal-not-one', name: parameters[i]!, value }));
      else if (i !== j && Math.abs(value) > 1) issues.push(issue('correlation', path, { reason: 'outside-unit', value }));
      else if (j > i && Math.abs(value - matrix[j]![i]!) > TOLERANCE) {
        issues.push(issue('correlation', path, { reason: 'not-symmetric', first: parameters[i]!, second: parameters[j]!, value, mirror: matrix[j]![i]! }));
      }
    }
  }
  return issues;
}

/**
 * The row at which the Cholesky factorisation C = L Lᵀ meets a negative pivot, or undefined when
 * C is positive semi-definite (a zero pivot, two inputs correlated at 1, is allowed), as
 * src/stats's `cholesky` decides it.
 */
export function negativePivot(matrix: readonly (readonly number[])[]): number | undefined {
  const n = matrix.length;
  const factor = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j]![j]!;
    for (let k = 0; k < j; k++) pivot -= factor[j]![k]! ** 2;
    if (pivot < -TOLERANCE) return j;
    const diagonal = pivot > TOLERANCE ? Math.sqrt(pivot) : 0;
    factor[j]![j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= factor[i]![k]! * factor[j]![k]!;
      if (diagonal === 0 && Math.abs(sum) > TOLERANCE) return i;
      factor[i]![j] = diagonal === 0 ? 0 : sum / diagonal;
    }
  }
  return undefined;
}
