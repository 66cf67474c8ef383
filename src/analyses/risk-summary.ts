/**
 * Chunk outcomes merged in chunk order into per-actor summaries, every estimate with its standard
 * error: a business's NPV, its chance of a loss, its chance of breaking even within the horizon
 * and when, its deepest position with the expected shortfall at 5 %; a segment's gain; and for
 * each, its cumulative position per period as percentile bands (a fan chart). Merging in chunk
 * order makes the figures the same bits whichever thread ran which chunk.
 */
import { DrawSample, probability, type Estimate, type Histogram } from '../stats/index.js';
import { actorDrivers, driverDrawLimit, type ActorDrivers } from './risk-drivers.js';
import type { ChunkOutcome, RiskOptions, RiskPlan } from './risk-run.js';
import type { RiskAssumptions } from './risk.js';
import type { ActorRole } from './risk-figures.js';

/** A distribution's summary: percentiles (numpy's default), mean, sd. */
export interface Spread {
  percentiles: { p5: Estimate; p50: Estimate; p95: Estimate };
  mean: Estimate;
  sd: number;
  /** 0 when every draw was kept (percentiles exact); else each order statistic's relative error. */
  relativeError: number;
}

/** The bands of a fan chart: percentiles of the cumulative position, period by period. */
export const FAN_PERCENTILES = [5, 25, 50, 75, 95] as const;

export interface FanChart {
  percentiles: readonly number[];
  /** values[p][b]: percentile FAN_PERCENTILES[b] of the cumulative position at the end of period p (0..horizon). */
  values: number[][];
  standardErrors: number[][];
  relativeError: number;
}

export interface BusinessRisk {
  actor: string;
  role: 'business';
  npv: Spread;
  histogram: Histogram;
  /** The share of draws where the NPV is below zero. */
  lossProbability: Estimate;
  breakEven: {
    /** The share of draws whose cumulative position is at or above zero at the horizon and stays there from some period on. */
    probability: Estimate;
    /** The break-even period over the draws that break even; null when none does. */
    period: Spread | null;
  };
  /** The lowest cumulative position (0 when it never goes below zero), and the mean of its worst 5 %. */
  deepest: Spread & { expectedShortfall: Estimate };
  fan: FanChart;
  /** The drawn assumptions that drive its NPV, read over the run's draws. */
  drivers: ActorDrivers;
}

export interface SegmentRisk {
  actor: string;
  role: 'segment';
  /** What the segment's members gain over the horizon: value received plus money in, less money out and costs. */
  gain: Spread;
  histogram: Histogram;
  /** The share of draws where its members lose (their gain is below zero). */
  lossProbability: Estimate;
  fan: FanChart;
  /** The drawn assumptions that drive its members' gain, read over the run's draws. */
  drivers: ActorDrivers;
}

export type ActorRisk = BusinessRisk | SegmentRisk;

/** How a run ended: every draw asked for, the precision reached, or cancelled. */
export type RiskStop = 'runs' | 'precision' | 'cancelled';

export interface RiskResult {
  /** Draws asked for (the most, with a precision). */
  runs: number;
  /** Draws made, in whole chunks. */
  draws: number;
  seed: number;
  sampling: RiskOptions['sampling'];
  precision?: number;
  stoppedBy: RiskStop;
  assumptions: RiskAssumptions;
  /** Draws the model refused (a figure out of range…); the estimates are over the others. */
  failed: number;
  /** The first refused draw's issue codes, to say why. */
  failure?: string[];
  actors: ActorRisk[];
}

/** The expected shortfall's tail: the worst 5 % of deepest positions. */
const SHORTFALL_TAIL = 0.05;
/** The values kept exactly over all fan-chart cells (actors × periods): 32 MB; past it, cells sketch. */
const FAN_VALUES_KEPT = 4_000_000;

/** The values a fan chart's cell keeps exactly before it sketches: FAN_VALUES_KEPT shared by its cells. */
export function fanExactLimit(plan: RiskPlan): number {
  const { layout } = plan;
  return Math.max(1, Math.floor(FAN_VALUES_KEPT / (layout.actors.length * (layout.horizon + 1))));
}

interface ActorTally {
  headline: DrawSample;
  breakEven: DrawSample;
  deepest: DrawSample;
  losses: number;
  evens: number;
  fan: DrawSample[];
}

/** The running merge of a run's chunks. `add` takes them in chunk order, 0, 1, 2… */
export class RiskTally {
  draws = 0;
  kept = 0;
  failed = 0;
  failure: string[] | undefined;
  private next = 0;
  private readonly actors: ActorTally[];
  /** The first kept draws' inputs and headline figures, for the drivers (up to driverDrawLimit draws). */
  private readonly driverInputs: Float64Array[] = [];
  private readonly driverHeadlines: Float64Array[] = [];
  private driverDraws = 0;

  constructor(private readonly plan: RiskPlan) {
    const { layout } = plan;
    const width = layout.horizon + 1;
    const fanLimit = fanExactLimit(plan);
    this.actors = layout.actors.map(() => ({
      headline: new DrawSample(), breakEven: new DrawSample(), deepest: new DrawSample(), losses: 0, evens: 0,
      fan: Array.from({ length: width }, () => new DrawSample({ exactLimit: fanLimit })),
    }));
  }

  /** The chunk the tally takes next. */
  get nextChunk(): number {
    return this.next;
  }

  add(outcome: ChunkOutcome): void {
    if (outcome.chunk !== this.next) throw new RangeError(`chunk ${outcome.chunk} merged out of order (expected ${this.next})`);
    this.next++;
    this.draws += outcome.draws;
    this.kept += outcome.kept;
    this.failed += outcome.failed;
    if (outcome.failure) this.failure ??= outcome.failure;
    const n = this.actors.length, width = this.plan.layout.horizon + 1;
    const k = this.plan.assumptions.sampled.length;
    const taken = Math.min(outcome.kept, driverDrawLimit(k) - this.driverDraws);
    if (taken > 0) {
      this.driverInputs.push(outcome.inputs.slice(0, taken * k));
      this.driverHeadlines.push(outcome.headline.slice(0, taken * n));
      this.driverDraws += taken;
    }
    for (let i = 0; i < outcome.kept; i++) {
      for (let a = 0; a < n; a++) {
        const tally = this.actors[a]!;
        const k = i * n + a;
        const headline = outcome.headline[k]!;
        tally.headline.add(headline);
        if (headline < 0) tally.losses++;
        if (this.plan.layout.roles[a] === 'segment') continue;
        const period = outcome.breakEven[k]!;
        if (!Number.isNaN(period)) {
          tally.evens++;
          tally.breakEven.add(period);
        }
        tally.deepest.add(outcome.deepest[k]!);
      }
    }
    // Each fan cell's values in draw order; past the limit, the chunk's sketch of them (made in the worker) merged.
    for (let a = 0; a < n; a++) {
      const fan = this.actors[a]!.fan;
      for (let p = 0; p < width; p++) fan[p]!.addMany(outcome.cumulative, a * width + p, n * width, outcome.kept, outcome.fan?.[a * width + p]);
    }
  }

  /**
   * The largest standard error among the businesses' P(NPV < 0) and P(break-even) and the
   * segments' P(gain < 0), with the
   * probability taken as (hits + 1)/(n + 2) (Laplace's rule of succession), so a chunk with no
   * loss at all does not read as a standard error of zero.
   */
  largestProbabilityError(): number {
    let largest = 0;
    this.plan.layout.roles.forEach((role, a) => {
      const { losses, evens } = this.actors[a]!;
      for (const hits of role === 'segment' ? [losses] : [losses, evens]) {
        const p = (hits + 1) / (this.kept + 2);
        largest = Math.max(largest, Math.sqrt((p * (1 - p)) / this.kept));
      }
    });
    return largest;
  }

  result(stoppedBy: RiskStop): RiskResult {
    const { options, assumptions, layout } = this.plan;
    const drivers = this.drivers();
    return {
      runs: options.runs, draws: this.draws, seed: options.seed, sampling: options.sampling,
      ...(options.precision !== undefined ? { precision: options.precision } : {}),
      stoppedBy, assumptions, failed: this.failed, ...(this.failure ? { failure: this.failure } : {}),
      actors: layout.actors.map((actor, a) => actorRisk(actor, layout.roles[a]!, this.actors[a]!, this.kept, drivers[a]!)),
    };
  }

  /** Each actor's drivers over the draws kept for them. */
  private drivers(): ActorDrivers[] {
    const join = (parts: Float64Array[]) => {
      const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
      return all;
    };
    return actorDrivers(this.plan.assumptions.sampled, this.actors.length, join(this.driverInputs), join(this.driverHeadlines));
  }
}

function actorRisk(actor: string, role: ActorRole, tally: ActorTally, kept: number, drivers: ActorDrivers): ActorRisk {
  const histogram = tally.headline.histogram();
  const fan = fanChart(tally.fan);
  if (role === 'segment') return { actor, role, gain: spread(tally.headline), histogram, lossProbability: probability(tally.losses, kept), fan, drivers };
  return {
    actor, role, npv: spread(tally.headline), histogram,
    lossProbability: probability(tally.losses, kept),
    breakEven: { probability: probability(tally.evens, kept), period: tally.evens > 0 ? spread(tally.breakEven) : null },
    deepest: { ...spread(tally.deepest), expectedShortfall: tally.deepest.expectedShortfall(SHORTFALL_TAIL) },
    fan, drivers,
  };
}

function spread(sample: DrawSample): Spread {
  const { mean, sd } = sample.moments();
  return {
    percentiles: { p5: sample.percentileEstimate(5), p50: sample.percentileEstimate(50), p95: sample.percentileEstimate(95) },
    mean, sd, relativeError: sample.relativeError,
  };
}

function fanChart(cells: DrawSample[]): FanChart {
  const estimates = cells.map((cell) => cell.percentileEstimates(FAN_PERCENTILES));
  return {
    percentiles: FAN_PERCENTILES,
    values: estimates.map((row) => row.map((e) => e.value)),
    standardErrors: estimates.map((row) => row.map((e) => e.standardError)),
    relativeError: Math.max(0, ...cells.map((c) => c.relativeError)),
  };
}

/**
 * A whole run in this thread, chunk after chunk: stops when every draw is made, or, with a
 * precision, after the first chunk that reaches it. `onChunk` hears each merged chunk (progress).
 */
export function tallyRisk(plan: RiskPlan, runChunk: (c: number) => ChunkOutcome, onChunk?: (tally: RiskTally) => void): RiskResult {
  const tally = new RiskTally(plan);
  for (let c = 0; c < plan.design.chunks; c++) {
    tally.add(runChunk(c));
    onChunk?.(tally);
    if (precisionReached(plan, tally)) return tally.result('precision');
  }
  return tally.result('runs');
}

/** Whether a run with a precision may stop after the chunks merged so far (never before all, without one). */
export function precisionReached(plan: RiskPlan, tally: RiskTally): boolean {
  const { precision } = plan.options;
  return precision !== undefined && tally.kept > 1 && tally.largestProbabilityError() <= precision && tally.nextChunk < plan.design.chunks;
}
