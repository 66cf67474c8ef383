/**
 * Which drawn assumptions drive each actor's headline figure in draws already made (a risk run's
 * kept draws): Spearman's rank correlation of the figure with each assumption over the same
 * draws, with the standardised regression coefficients (on values and on ranks), the partial
 * rank correlation and R² (src/stats' regressionSensitivity), at no extra evaluation. A risk run
 * names, beside each actor's chance of a loss, the assumptions behind it; `sensitivity --method
 * regression` ranks the same way over a design of its own. Pure.
 *
 * An assumption is said to drive a figure when its rank correlation stands out from the noise of
 * the draws: under independence Spearman's ρ over n draws has mean 0 and variance exactly
 * 1/(n − 1) (a classical result: Kendall & Stuart, The Advanced Theory of Statistics, vol. 2), and a driver
 * is one with |ρ| above DRIVER_NOISE_MULTIPLE times that standard deviation (three: with 40
 * assumptions that none reaches, about one run in ten names one by chance).
 */
import { regressionSensitivities } from '../stats/index.js';
import type { SampledAssumption } from './risk.js';

/** One assumption's reading for one actor's figure. */
export interface DriverReading {
  parameter: string;
  /** Spearman's rank correlation with the figure (scipy.stats.spearmanr). */
  spearman: number;
  /** Standardised regression coefficient, on values and on ranks. */
  src: number;
  srrc: number;
  /** Partial rank correlation coefficient. */
  prcc: number;
  /** |ρ| stands out from the draws' noise (above DRIVER_NOISE_MULTIPLE · noise). */
  drives: boolean;
}

export interface ActorDrivers {
  /** The draws read: a run's first kept draws, in draw order, up to driverDrawLimit. */
  draws: number;
  /** The standard deviation of Spearman's ρ over that many draws of an assumption that has no effect: 1/√(n − 1). */
  noise: number;
  /** The figure took one value over every draw read: no drawn assumption reaches it. */
  constant: boolean;
  /** Every drawn assumption, the largest |ρ| first (NaN last: an assumption that never varied). */
  ranking: DriverReading[];
  /** How much of the figure's variance a linear fit explains, on values and on ranks (NaN with too few draws). */
  rSquared: number;
  rankRSquared: number;
}

/** How many standard deviations of noise a rank correlation must pass to name a driver. */
export const DRIVER_NOISE_MULTIPLE = 3;

/** The drawn values kept for the drivers over all draws (draws × assumptions): 32 MB of numbers. */
const DRIVER_VALUES = 4_000_000;

/** The draws a run reads its drivers from: every draw up to 4·10⁶ values, never fewer than 10⁴ draws. */
export function driverDrawLimit(assumptions: number): number {
  return assumptions === 0 ? 0 : Math.max(10_000, Math.floor(DRIVER_VALUES / assumptions));
}

/**
 * The drivers of each actor's figure: `inputs` count × sampled values, `headline` count × actors
 * figures, row after row, as a risk chunk's outcome holds them.
 */
export function actorDrivers(sampled: readonly SampledAssumption[], actors: number, inputs: Float64Array, headline: Float64Array): ActorDrivers[] {
  const k = sampled.length;
  const count = k === 0 ? headline.length / Math.max(1, actors) : inputs.length / k;
  const noise = count > 1 ? 1 / Math.sqrt(count - 1) : NaN;
  const figures = Array.from({ length: actors }, (_, a) => Float64Array.from({ length: count }, (_, r) => headline[r * actors + a]!));
  if (k === 0 || count < 2) return figures.map((figure) => ({ draws: count, noise, constant: isConstant(figure), ranking: [], rSquared: NaN, rankRSquared: NaN }));
  // The inputs' ranks and correlations are shared by every actor: worked out once.
  return regressionSensitivities(inputs, k, figures).map((fit) => {
    const ranking = fit.factors.map((f, j): DriverReading => ({
      parameter: sampled[j]!.parameter, ...f,
      drives: !fit.constant && Math.abs(f.spearman) > DRIVER_NOISE_MULTIPLE * noise,
    }));
    ranking.sort((x, y) => (Number.isNaN(y.spearman) ? -1 : Number.isNaN(x.spearman) ? 1 : Math.abs(y.spearman) - Math.abs(x.spearman)));
    return { draws: count, noise, constant: fit.constant, ranking, rSquared: fit.rSquared, rankRSquared: fit.rankRSquared };
  });
}

function isConstant(values: Float64Array): boolean {
  return values.every((v) => v === values[0]);
}
