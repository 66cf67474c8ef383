/**
 * The distributions an assumption can carry, as data, each drawn through its quantile function
 * (inverse CDF) so that every sampling design (Monte Carlo, Latin hypercube, Sobol) is a design
 * over uniforms and the distribution only maps them. Means and variances are in closed form.
 *
 * Conventions: `lognormal` takes μ and σ of ln X (X = e^{μ + σZ}); `min`/`max` on normal and
 * lognormal truncate (the draw is conditioned on the interval, bounds on X itself); `beta` is
 * Beta(α, β) stretched onto [min, max] (default [0, 1]); `pert` is the beta-PERT of Vose (Risk
 * Analysis, 3rd ed., 2008, §9.1.5) with shape λ (default 4): α = 1 + λ(mode − min)/(max − min),
 * β = 1 + λ(max − mode)/(max − min), mean (min + λ·mode + max)/(λ + 2).
 */
import { checkDistribution, DistributionError } from './distribution-check.js';
import { betaQuantileFunction, normalCdf, normalDensity, normalQuantile } from './special.js';

export type Distribution =
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'pert'; min: number; mode: number; max: number; shape?: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { kind: 'lognormal'; mu: number; sigma: number; min?: number; max?: number }
  | { kind: 'beta'; alpha: number; beta: number; min?: number; max?: number }
  | { kind: 'discrete'; values: readonly number[]; weights: readonly number[] };

export { checkDistribution, DistributionError, type DistributionFault } from './distribution-check.js';

export type DistributionKind = Distribution['kind'];

/** A distribution ready to draw from: its quantile, mean and variance. */
export interface PreparedDistribution {
  readonly distribution: Distribution;
  /** The value at probability u, u in (0, 1): F⁻¹(u) = inf{x : F(x) ≥ u}. */
  quantile(u: number): number;
  readonly mean: number;
  readonly variance: number;
}

/** Prepares a distribution for drawing; throws DistributionError (with its faults) when checkDistribution finds any. */
export function prepareDistribution(distribution: Distribution): PreparedDistribution {
  const faults = checkDistribution(distribution);
  if (faults.length > 0) throw new DistributionError(faults);
  switch (distribution.kind) {
    case 'uniform': return uniform(distribution);
    case 'triangular': return triangular(distribution);
    case 'pert': return pert(distribution);
    case 'normal': return normal(distribution);
    case 'lognormal': return lognormal(distribution);
    case 'beta': return beta(distribution);
    case 'discrete': return discrete(distribution);
  }
}

function uniform(d: Extract<Distribution, { kind: 'uniform' }>): PreparedDistribution {
  const width = d.max - d.min;
  return { distribution: d, quantile: (u) => d.min + u * width, mean: (d.min + d.max) / 2, variance: (width * width) / 12 };
}

function triangular(d: Extract<Distribution, { kind: 'triangular' }>): PreparedDistribution {
  const { min: a, mode: c, max: b } = d;
  const atMode = (c - a) / (b - a); // F(mode)
  return {
    distribution: d,
    quantile: (u) => (u < atMode ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c))),
    mean: (a + b + c) / 3,
    variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
  };
}

function pert(d: Extract<Distribution, { kind: 'pert' }>): PreparedDistribution {
  const lambda = d.shape ?? 4;
  const width = d.max - d.min;
  const alpha = 1 + (lambda * (d.mode - d.min)) / width;
  const betaShape = 1 + (lambda * (d.max - d.mode)) / width;
  const mean = (d.min + lambda * d.mode + d.max) / (lambda + 2);
  const quantile = betaQuantileFunction(alpha, betaShape);
  return {
    distribution: d,
    quantile: (u) => d.min + width * quantile(u),
    mean,
    variance: ((mean - d.min) * (d.max - mean)) / (lambda + 3),
  };
}

/** The quantile of a standard normal truncated to [a, b], read from the lower tail of Z or of −Z so that an upper tail keeps its digits. */
function truncatedStandardQuantile(a: number, b: number): (u: number) => number {
  if (a > 0) {
    // Mirror: Z ≥ a > 0 is −Z ≤ −a, whose lower-tail probabilities are small and exact.
    const low = normalCdf(-b), mass = normalCdf(-a) - low;
    return (u) => -normalQuantile(low + (1 - u) * mass);
  }
  const low = normalCdf(a), mass = normalCdf(b) - low;
  return (u) => normalQuantile(low + u * mass);
}

function normal(d: Extract<Distribution, { kind: 'normal' }>): PreparedDistribution {
  const a = ((d.min ?? -Infinity) - d.mean) / d.sd, b = ((d.max ?? Infinity) - d.mean) / d.sd;
  const z = truncatedStandardQuantile(a, b);
  // Truncated normal moments (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions 1, §10.1).
  const mass = a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
  const phiA = normalDensity(a), phiB = normalDensity(b);
  const shift = (phiA - phiB) / mass;
  const spread = (Number.isFinite(a) ? a * phiA : 0) - (Number.isFinite(b) ? b * phiB : 0);
  return {
    distribution: d,
    quantile: (u) => d.mean + d.sd * z(u),
    mean: d.mean + d.sd * shift,
    variance: d.sd * d.sd * (1 + spread / mass - shift * shift),
  };
}

function lognormal(d: Extract<Distribution, { kind: 'lognormal' }>): PreparedDistribution {
  const { mu, sigma } = d;
  const a = d.min !== undefined && d.min > 0 ? (Math.log(d.min) - mu) / sigma : -Infinity;
  const b = d.max !== undefined ? (Math.log(d.max) - mu) / sigma : Infinity;
  const z = truncatedStandardQuantile(a, b);
  // E[X^k | a ≤ Z ≤ b] = e^{kμ + k²σ²/2} · (Φ(b − kσ) − Φ(a − kσ)) / (Φ(b) − Φ(a)).
  const mass = (k: number) => normalCdf(b - k * sigma) - normalCdf(a - k * sigma);
  const moment = (k: number) => (Math.exp(k * mu + (k * k * sigma * sigma) / 2) * mass(k)) / mass(0);
  const untruncated = a === -Infinity && b === Infinity;
  const mean = untruncated ? Math.exp(mu + (sigma * sigma) / 2) : moment(1);
  const variance = untruncated ? Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma) : moment(2) - mean * mean;
  return { distribution: d, quantile: (u) => Math.exp(mu + sigma * z(u)), mean, variance };
}

function beta(d: Extract<Distribution, { kind: 'beta' }>): PreparedDistribution {
  const low = d.min ?? 0, width = (d.max ?? 1) - low;
  const { alpha, beta: b } = d;
  const total = alpha + b;
  const quantile = betaQuantileFunction(alpha, b);
  return {
    distribution: d,
    quantile: (u) => low + width * quantile(u),
    mean: low + (width * alpha) / total,
    variance: (width * width * alpha * b) / (total * total * (total + 1)),
  };
}

function discrete(d: Extract<Distribution, { kind: 'discrete' }>): PreparedDistribution {
  const order = d.values.map((_, i) => i).filter((i) => d.weights[i]! > 0).sort((i, j) => d.values[i]! - d.values[j]!);
  const total = order.reduce((sum, i) => sum + d.weights[i]!, 0);
  const values = order.map((i) => d.values[i]!);
  const cumulative: number[] = [];
  let running = 0;
  for (const i of order) cumulative.push((running += d.weights[i]! / total));
  const mean = order.reduce((sum, i, k) => sum + values[k]! * (d.weights[i]! / total), 0);
  const variance = order.reduce((sum, i, k) => sum + (values[k]! - mean) ** 2 * (d.weights[i]! / total), 0);
  return {
    distribution: d,
    // The first value whose cumulative weight passes u: value k is drawn with probability w_k exactly.
    quantile(u: number): number {
      let lo = 0, hi = values.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > u) hi = mid; else lo = mid + 1;
      }
      return values[lo]!;
    },
    mean,
    variance,
  };
}
