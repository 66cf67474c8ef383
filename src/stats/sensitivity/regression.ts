/**
 * Sampling-based sensitivity: how the output of a sample of draws moves with each input, read as
 * correlation and as linear regression (Saltelli et al., "Global Sensitivity Analysis: The
 * Primer", Wiley 2008, §1.2.5 and §1.2.7; Helton & Davis, Reliab. Eng. Syst. Saf. 81, 2003).
 *
 * - Spearman's rank correlation of each input with the output.
 * - Standardised regression coefficients (SRC): the coefficients of the least-squares fit of the
 *   standardised output on the standardised inputs, β = Rxx⁻¹ rxy from the correlation matrix.
 *   Their R² = Σ βᵢ rxyᵢ says how much of the output's variance a linear model explains: when it
 *   is low (below about 0.7) the SRCs rank poorly and a variance-based method (Sobol) is the one
 *   to read. SRCᵢ² is then input i's share of the variance, for independent inputs.
 * - The same on ranks (SRRC, with its own R²), which reads monotone non-linear effects.
 * - Partial rank correlation (PRCC): the correlation of input i's ranks with the output's once
 *   the other inputs' linear effect on both is removed, −Pᵢy / √(Pᵢᵢ Pyy) with P the inverse of
 *   the rank correlation matrix of the inputs and the output (Primer §1.2.7; Marino et al.,
 *   J. Theor. Biol. 254, 2008).
 */
import { averageRanks, centredColumns, column, correlationOf, inverse } from './matrix.js';

export interface FactorRegression {
  /** Spearman's rank correlation with the output (scipy.stats.spearmanr). */
  spearman: number;
  /** Standardised regression coefficient. */
  src: number;
  /** Standardised rank regression coefficient. */
  srrc: number;
  /** Partial rank correlation coefficient. */
  prcc: number;
}

export interface RegressionSensitivity {
  count: number;
  factors: FactorRegression[];
  /** The share of the output's variance the linear fit explains (for the SRCs). */
  rSquared: number;
  /** The same for the fit on ranks (for the SRRCs). */
  rankRSquared: number;
  /** The output did not vary over the draws: every measure is NaN. */
  constant: boolean;
}

/**
 * Correlation and regression measures of `output` (one value per draw) on the inputs `rows`
 * (draws × dims, row after row). NaN where a measure is undefined: an output without variance,
 * or inputs so collinear (or draws so few, at most dims + 1) that the fit has no unique solution.
 *
 * @example
 * regressionSensitivity(rows, 2, outputs).factors[0].src; // ≈ 0.8 for y = 2x₁ + x₂ on U(0,1)²
 */
export function regressionSensitivity(rows: ArrayLike<number>, dims: number, output: ArrayLike<number>): RegressionSensitivity {
  return regressionSensitivities(rows, dims, [output])[0]!;
}

/**
 * regressionSensitivity of several outputs over the same inputs (a risk run's actors): the
 * inputs' columns, ranks and correlations are worked out once, each output adds its own row; each
 * result the same bits as regressionSensitivity(rows, dims, output).
 */
export function regressionSensitivities(rows: ArrayLike<number>, dims: number, outputs: readonly ArrayLike<number>[]): RegressionSensitivity[] {
  const inputs = Array.from({ length: dims }, (_, j) => column(rows, dims, j));
  const values = centredColumns(inputs);
  const ranks = centredColumns(inputs.map(averageRanks));
  // One triangle worked out, the other copied: a·b and b·a are the same products summed in the same order.
  const block = (c: ReturnType<typeof centredColumns>) => {
    const m = c.centred.map(() => new Array<number>(dims).fill(0));
    for (let p = 0; p < dims; p++) for (let q = p; q < dims; q++) m[p]![q] = m[q]![p] = correlationOf(c.centred[p]!, c.centred[q]!, p === q, c.squares[p]!, c.squares[q]!);
    return m;
  };
  const valueBlock = block(values), rankBlock = block(ranks);
  /** The correlation matrix of [inputs…, y] from the inputs' block and y's centred column. */
  const withOutput = (c: ReturnType<typeof centredColumns>, inner: number[][], y: Float64Array): number[][] => {
    const { centred: [centredY], squares: [squaresY] } = centredColumns([y]);
    const row = c.centred.map((a, p) => correlationOf(centredY!, a, false, squaresY!, c.squares[p]!));
    return [
      ...inner.map((r, p) => [...r, correlationOf(c.centred[p]!, centredY!, false, c.squares[p]!, squaresY!)]),
      [...row, correlationOf(centredY!, centredY!, true, squaresY!, squaresY!)],
    ];
  };
  return outputs.map((output) => {
    const y = Float64Array.from(output);
    const raw = fit(withOutput(values, valueBlock, y));
    const rankCorrelation = withOutput(ranks, rankBlock, averageRanks(y));
    const ranked = fit(rankCorrelation);
    const prcc = partialCorrelations(rankCorrelation);
    return {
      count: y.length,
      factors: inputs.map((_, j) => ({ spearman: rankCorrelation[j]![dims]!, src: raw.beta[j]!, srrc: ranked.beta[j]!, prcc: prcc[j]! })),
      rSquared: raw.rSquared,
      rankRSquared: ranked.rSquared,
      constant: Number.isNaN(rankCorrelation[dims]![dims]!),
    };
  });
}

/** β = Rxx⁻¹ rxy and R² = βᵀ rxy from the correlation matrix of [inputs…, output]. */
function fit(correlation: number[][]): { beta: number[]; rSquared: number } {
  const dims = correlation.length - 1;
  const rxx = correlation.slice(0, dims).map((row) => row.slice(0, dims));
  const rxy = correlation.slice(0, dims).map((row) => row[dims]!);
  const inverted = inverse(rxx);
  if (!inverted || rxy.some((r) => Number.isNaN(r))) return { beta: rxy.map(() => NaN), rSquared: NaN };
  const beta = inverted.map((row) => row.reduce((sum, x, k) => sum + x * rxy[k]!, 0));
  return { beta, rSquared: beta.reduce((sum, b, k) => sum + b * rxy[k]!, 0) };
}

function partialCorrelations(correlation: number[][]): number[] {
  const dims = correlation.length - 1;
  const p = inverse(correlation);
  if (!p) return Array.from({ length: dims }, () => NaN);
  return Array.from({ length: dims }, (_, j) => -p[j]![dims]! / Math.sqrt(p[j]![j]! * p[dims]![dims]!));
}
