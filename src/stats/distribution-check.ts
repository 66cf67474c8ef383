/**
 * Checks a distribution's parameters, as data: each fault has a stable code and the path of the
 * field at fault inside the distribution, never prose (the words are in src/i18n).
 */
import type { Distribution } from './distributions.js';

export type DistributionFault =
  /** A field that must be a finite number is not (NaN, ±∞, missing). */
  | { code: 'not-finite'; path: [string] | [string, number] }
  /** The lower bound is not below the upper bound. */
  | { code: 'min-not-below-max'; path: ['min']; min: number; max: number }
  /** The mode (or most likely value) lies outside [min, max]. */
  | { code: 'mode-outside-range'; path: ['mode']; mode: number; min: number; max: number }
  /** A spread (sd, σ) or a shape (α, β, λ) is zero or negative. */
  | { code: 'not-positive'; path: ['sd' | 'sigma' | 'alpha' | 'beta' | 'shape']; value: number }
  /** A truncation interval that holds (numerically) no probability. */
  | { code: 'truncation-empty'; path: ['min']; min: number; max: number }
  | { code: 'discrete-empty'; path: ['values'] }
  | { code: 'discrete-lengths'; path: ['weights']; values: number; weights: number }
  | { code: 'negative-weight'; path: ['weights', number]; weight: number }
  | { code: 'weights-all-zero'; path: ['weights'] };

/** Thrown by prepareDistribution on a distribution with faults; carries them. */
export class DistributionError extends Error {
  constructor(readonly faults: readonly DistributionFault[]) {
    super(`distribution refused: ${faults.map((f) => f.code).join(', ')}`);
    this.name = 'DistributionError';
  }
}

/** Every fault of a distribution's parameters; an empty list when it can be drawn from. */
export function checkDistribution(d: Distribution): DistributionFault[] {
  const faults = finiteFaults(d);
  if (faults.length > 0) return faults;
  switch (d.kind) {
    case 'uniform': return bounds(d.min, d.max);
    case 'triangular': return [...bounds(d.min, d.max), ...mode(d.min, d.mode, d.max)];
    case 'pert': {
      const found = [...bounds(d.min, d.max), ...mode(d.min, d.mode, d.max)];
      return d.shape !== undefined ? [...found, ...positive('shape', d.shape)] : found;
    }
    case 'normal': return [...positive('sd', d.sd), ...truncation(d, (x) => (x - d.mean) / d.sd)];
    case 'lognormal':
      return [...positive('sigma', d.sigma), ...truncation(d, (x) => (x <= 0 ? -Infinity : (Math.log(x) - d.mu) / d.sigma))];
    case 'beta':
      return [...positive('alpha', d.alpha), ...positive('beta', d.beta), ...bounds(d.min ?? 0, d.max ?? 1)];
    case 'discrete': return discreteFaults(d);
  }
}

function finiteFaults(d: Distribution): DistributionFault[] {
  const faults: DistributionFault[] = [];
  const optional = new Set(['min', 'max', 'shape']);
  for (const [field, value] of Object.entries(d)) {
    if (field === 'kind') continue;
    if (Array.isArray(value)) {
      value.forEach((x, i) => { if (!Number.isFinite(x)) faults.push({ code: 'not-finite', path: [field, i] }); });
    } else if (!(value === undefined && optional.has(field)) && !Number.isFinite(value)) {
      faults.push({ code: 'not-finite', path: [field] });
    }
  }
  return faults;
}

function bounds(min: number, max: number): DistributionFault[] {
  return min < max ? [] : [{ code: 'min-not-below-max', path: ['min'], min, max }];
}

function mode(min: number, value: number, max: number): DistributionFault[] {
  return value >= min && value <= max ? [] : [{ code: 'mode-outside-range', path: ['mode'], mode: value, min, max }];
}

function positive(field: 'sd' | 'sigma' | 'alpha' | 'beta' | 'shape', value: number): DistributionFault[] {
  return value > 0 ? [] : [{ code: 'not-positive', path: [field], value }];
}

/** Bounds of a truncated normal or lognormal: ordered, and holding some probability once standardised. */
function truncation(d: { min?: number; max?: number; sd?: number; sigma?: number }, standardise: (x: number) => number): DistributionFault[] {
  if (d.min === undefined || d.max === undefined) return [];
  if (!(d.min < d.max)) return bounds(d.min, d.max);
  if (!((d.sd ?? d.sigma ?? 0) > 0)) return [];
  const a = standardise(d.min), b = standardise(d.max);
  // Beyond 37 standard deviations Φ underflows on both sides: nothing left to draw.
  const empty = (a > 37 && b > 37) || (a < -37 && b < -37);
  return empty ? [{ code: 'truncation-empty', path: ['min'], min: d.min, max: d.max }] : [];
}

function discreteFaults(d: Extract<Distribution, { kind: 'discrete' }>): DistributionFault[] {
  if (d.values.length === 0) return [{ code: 'discrete-empty', path: ['values'] }];
  if (d.weights.length !== d.values.length) {
    return [{ code: 'discrete-lengths', path: ['weights'], values: d.values.length, weights: d.weights.length }];
  }
  const faults: DistributionFault[] = [];
  d.weights.forEach((w, i) => { if (w < 0) faults.push({ code: 'negative-weight', path: ['weights', i], weight: w }); });
  if (faults.length === 0 && d.weights.every((w) => w === 0)) faults.push({ code: 'weights-all-zero', path: ['weights'] });
  return faults;
}
