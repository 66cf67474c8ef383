/**
 * What a parameter's uncertainty is (format version 4): a distribution its value is drawn from,
 * and rank correlations between parameters. The format declares them; the draws are made by
 * src/stats (the same kinds, the same fields), and check-uncertainty.ts refuses those that
 * cannot be drawn from, located.
 *
 * Conventions, as src/stats/distributions.ts has them: `lognormal` takes μ and σ of ln X;
 * `min`/`max` on normal and lognormal truncate; `beta` is Beta(α, β) stretched onto [min, max]
 * (default [0, 1]); `pert` is Vose's beta-PERT with shape λ (default 4). A triangular or PERT
 * mode, and a normal mean, default to the parameter's value. `empirical` names a column of a
 * CSV file (its path relative to the model file): the surfaces read the file, the core only
 * receives its numbers.
 */
import { z } from 'zod';
import { DESCRIPTION, type Expectation } from './common.js';

const finite = z.number().meta({ description: 'A number.' });
const bound = (what: string) => finite.optional().meta({ description: what });

export const DISTRIBUTION_KINDS = ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'beta', 'discrete', 'empirical'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

export const Distribution = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('uniform'), min: finite, max: finite }),
    z.strictObject({
      kind: z.literal('triangular'),
      min: finite,
      mode: bound('The most likely value; default the parameter\'s value.'),
      max: finite,
    }),
    z.strictObject({
      kind: z.literal('pert'),
      min: finite,
      mode: bound('The most likely value; default the parameter\'s value.'),
      max: finite,
      shape: bound('λ, how strongly the mode weighs (default 4).'),
    }),
    z.strictObject({
      kind: z.literal('normal'),
      mean: bound('Default the parameter\'s value.'),
      sd: finite.meta({ description: 'Standard deviation, above 0.' }),
      min: bound('Truncates the distribution below.'),
      max: bound('Truncates the distribution above.'),
    }),
    z.strictObject({
      kind: z.literal('lognormal'),
      mu: finite.meta({ description: 'μ, the mean of ln X.' }),
      sigma: finite.meta({ description: 'σ, the standard deviation of ln X, above 0.' }),
      min: bound('Truncates the distribution below (on X).'),
      max: bound('Truncates the distribution above (on X).'),
    }),
    z.strictObject({
      kind: z.literal('beta'),
      alpha: finite.meta({ description: 'α, above 0.' }),
      beta: finite.meta({ description: 'β, above 0.' }),
      min: bound('The low end of the stretched interval (default 0).'),
      max: bound('The high end of the stretched interval (default 1).'),
    }),
    z.strictObject({
      kind: z.literal('discrete'),
      values: z.array(finite).min(1).meta({ description: 'The values the parameter can take.' }),
      probabilities: z.array(finite).min(1).meta({ description: 'The probability of each value, in the same order; they sum to 1.' }),
    }),
    z.strictObject({
      kind: z.literal('empirical'),
      file: z.string().min(1).meta({ description: 'A CSV file, its path relative to the model file.' }),
      column: z.string().min(1).meta({ description: 'The column\'s name in the first row; each later row is one observed value.' }),
    }),
  ], { error: 'distribution' satisfies Expectation })
  .meta({ description: 'The distribution the value is drawn from (format version 4): uniform, triangular, pert, normal, lognormal, beta, discrete or empirical.' });
export type Distribution = z.infer<typeof Distribution>;

/**
 * A distribution with every default filled in, in src/stats's own form (discrete `weights`), or
 * an empirical one still to be read. Built by `drawnDistribution`.
 */
export type DrawnDistribution =
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'pert'; min: number; mode: number; max: number; shape?: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { kind: 'lognormal'; mu: number; sigma: number; min?: number; max?: number }
  | { kind: 'beta'; alpha: number; beta: number; min?: number; max?: number }
  | { kind: 'discrete'; values: readonly number[]; weights: readonly number[] };

/**
 * The distribution as src/stats draws from it: the mode or mean taken from `value` where the
 * file leaves it out, discrete probabilities as weights, and an empirical column as the values
 * observed, each equally likely (its quantile is the inverse of the empirical CDF). `column`:
 * the numbers the surface read for an empirical distribution; without them it has no draw.
 */
export function drawnDistribution(distribution: Distribution, value: number, column?: readonly number[]): DrawnDistribution | undefined {
  const d = distribution;
  switch (d.kind) {
    case 'triangular':
      return { kind: 'triangular', min: d.min, mode: d.mode ?? value, max: d.max };
    case 'pert':
      return { kind: 'pert', min: d.min, mode: d.mode ?? value, max: d.max, ...(d.shape !== undefined && { shape: d.shape }) };
    case 'normal':
      return { kind: 'normal', mean: d.mean ?? value, sd: d.sd, ...(d.min !== undefined && { min: d.min }), ...(d.max !== undefined && { max: d.max }) };
    case 'discrete':
      return { kind: 'discrete', values: d.values, weights: d.probabilities };
    case 'empirical':
      return column && column.length > 0 ? { kind: 'discrete', values: column, weights: column.map(() => 1) } : undefined;
    default:
      return d;
  }
}

/**
 * What a surface found reading an empirical distribution's column: its numbers (blank cells
 * left out), or why there are none. `row` counts from 1, the header row included.
 */
export type ColumnRead =
  | { values: readonly number[] }
  | { fault: 'file' }
  | { fault: 'column'; known: readonly string[] }
  | { fault: 'cell'; row: number; text: string };

/**
 * Reads one column of a CSV file for the core: given by a surface (the core reads no file),
 * with `file` as the model writes it, relative to the model file.
 */
export type ColumnReader = (file: string, column: string) => ColumnRead;

/** The interval a distribution's draws stay in, when it has one. */
export function distributionBounds(distribution: Distribution): [number, number] | undefined {
  const d = distribution;
  switch (d.kind) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [d.min, d.max];
    case 'beta':
      return [d.min ?? 0, d.max ?? 1];
    case 'normal':
    case 'lognormal':
      return d.min !== undefined && d.max !== undefined ? [d.min, d.max] : undefined;
    case 'discrete':
      return [Math.min(...d.values), Math.max(...d.values)];
    case 'empirical':
      return undefined;
  }
}

const ParameterNames = z.array(z.string().min(1));

/** One rank correlation between two parameters. */
export const CorrelationPair = z.strictObject({
  between: z.tuple([z.string().min(1), z.string().min(1)]).meta({ description: 'The two parameters.' }),
  rank: finite.meta({ description: 'Their rank (Spearman) correlation, from −1 to 1.' }),
  description: DESCRIPTION,
});
export type CorrelationPair = z.infer<typeof CorrelationPair>;

/**
 * Rank correlations between parameters that carry a distribution or a range (format version 4),
 * induced by Iman–Conover: a list of pairs (any pair not listed is uncorrelated), or a matrix
 * over named parameters. Refused when the matrix is not positive semi-definite.
 */
export const Correlations = z
  .union([
    z.array(CorrelationPair),
    z.strictObject({
      parameters: ParameterNames.min(2).meta({ description: 'The parameters, in the order of the matrix\'s rows and columns.' }),
      matrix: z.array(z.array(finite)).meta({ description: 'Their rank correlations: symmetric, 1 on the diagonal.' }),
      description: DESCRIPTION,
    }),
  ])
  .meta({ description: 'Rank correlations between parameters (format version 4): a list of { between: [a, b], rank }, or { parameters, matrix }.' });
export type Correlations = z.infer<typeof Correlations>;

/** The correlations as one matrix over the parameters they name, in order of first mention. */
export function correlationMatrix(correlations: Correlations): { parameters: string[]; matrix: number[][] } {
  if (!Array.isArray(correlations)) return { parameters: [...correlations.parameters], matrix: correlations.matrix.map((row) => [...row]) };
  const parameters: string[] = [];
  for (const pair of correlations) for (const name of pair.between) if (!parameters.includes(name)) parameters.push(name);
  const matrix = parameters.map((_, i) => parameters.map((_, j): number => (i === j ? 1 : 0)));
  for (const { between: [a, b], rank } of correlations) {
    const i = parameters.indexOf(a), j = parameters.indexOf(b);
    if (i === j) continue;
    matrix[i]![j] = rank;
    matrix[j]![i] = rank;
  }
  return { parameters, matrix };
}
