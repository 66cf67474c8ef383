/**
 * Whether a planned A/B design can answer its test card: the power it has against the effect the
 * card names, what it would take, and what it can detect. A design that cannot answer is said so
 * plainly, with the numbers (issue 18: two groups of 50 cannot tell 10 % from 15 % conversion).
 * Data only; the words are made in the i18n layer from `code` and the figures.
 */
import { EXACT_POWER_MAX_TABLES, exactPower, type ExactPower } from './exact-power.js';
import { detectableRate, normalPower, sampleSize, type DetectableRate, type PlannedRates, type SampleSize } from './power.js';

export interface DesignCheck {
  readonly code: 'design-can-answer' | 'design-cannot-answer';
  readonly rates: PlannedRates;
  readonly trialsA: number;
  readonly trialsB: number;
  readonly alpha: number;
  readonly targetPower: number;
  /** Power of the z test by the normal approximation. */
  readonly normalPower: number;
  /** Power of Boschloo's test, the one to run on small samples, by enumeration; absent when too large to enumerate. */
  readonly exactPower?: ExactPower;
  /** Trials per group for the target power (Fleiss with continuity correction, the design's ratio). */
  readonly needed: SampleSize;
  /** The smallest variant rate above the control's the design detects with the target power. */
  readonly detectable: DetectableRate;
}

export interface DesignCheckOptions {
  readonly alpha?: number;
  readonly targetPower?: number;
}

/** The verdict goes by the exact power when there is one (it is the test that will be run), else the normal power. */
export function checkDesign(rates: PlannedRates, trialsA: number, trialsB: number, options: DesignCheckOptions = {}): DesignCheck {
  const alpha = options.alpha ?? 0.05;
  const targetPower = options.targetPower ?? 0.8;
  const normal = normalPower(rates, trialsA, trialsB, { alpha });
  const enumerable = (trialsA + 1) * (trialsB + 1) <= EXACT_POWER_MAX_TABLES.boschloo;
  const exact = enumerable ? exactPower(rates, trialsA, trialsB, 'boschloo', { alpha }) : undefined;
  const power = exact ? exact.power : normal;
  return {
    code: power >= targetPower ? 'design-can-answer' : 'design-cannot-answer',
    rates,
    trialsA,
    trialsB,
    alpha,
    targetPower,
    normalPower: normal,
    ...(exact ? { exactPower: exact } : {}),
    needed: sampleSize(rates, 'normal-continuity', { alpha, power: targetPower, ratio: trialsB / trialsA }),
    detectable: detectableRate(rates.control, trialsA, trialsB, 'normal', { alpha, power: targetPower }),
  };
}
