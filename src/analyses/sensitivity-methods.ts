/**
 * How sensitivity.ts's methods run the model: rows of values evaluated in batches by risk's
 * evaluateDraws (refused rows found and marked NaN), a unit-cube coordinate turned into an
 * assumption's value, and each method's design, run and read (tornado, regression, Morris,
 * Sobol). Pure, as sensitivity.ts.
 */
import type { Prepared } from '../core/index.js';
import {
  morrisDesign, morrisEffects, regressionSensitivity, saltelliDesign, sobolIndices, tornado, tornadoDesign,
  type Distribution, type PreparedDistribution,
} from '../stats/index.js';
import { drawInputs, evaluateDraws, type RiskPlan } from './risk-run.js';
import type { SampledAssumption } from './risk.js';
import type { ActorSensitivity, AssumptionEffect, SensitivityResult } from './sensitivity.js';

/** One unit-cube coordinate per assumption to its value: the quantile inside, the range's ends at 0 and 1, whole periods for timings. */
export type ValueOf = (j: number, u: number) => number;

export interface Evaluator {
  /** Each row's headline figure per actor (count × actors, row after row), NaN where the model refused the row. */
  rows(values: Float64Array, count: number): Float64Array;
  /** How many actors each row gives. */
  actors: number;
  failed: number;
  failure?: string[];
  evaluations: number;
}

/** The assumptions drawn, their prepared distributions (in plan order) and their values as written. */
export interface Drawn { sampled: SampledAssumption[]; distributions: PreparedDistribution[]; written: Float64Array }

export type MethodOutcome = { sampling: SensitivityResult['sampling']; actors: Array<Omit<ActorSensitivity, 'actor' | 'role' | 'base'>> };

/**
 * Rows evaluated per call of evaluateDraws: progress is told between them. Row i of a call is
 * its draw i for the dynamics' random builtins (streamSeed(seed, i)): a model without them (the
 * whole library) gives the same figures whatever the draw; one with them adds each row's own
 * noise to the differences the methods read (common random numbers per base row or trajectory
 * would need evaluateDraws to take each row's draw number).
 */
const BATCH = 256;

export function evaluatorOf(prepared: Prepared, plan: RiskPlan, total: number, progress?: (done: number, total: number) => void): Evaluator {
  const k = plan.assumptions.sampled.length, actors = plan.layout.actors.length;
  const state: Evaluator = {
    actors,
    failed: 0,
    evaluations: 0,
    rows(values, count) {
      const out = new Float64Array(count * actors).fill(NaN);
      for (let start = 0; start < count; start += BATCH) {
        const n = Math.min(BATCH, count - start);
        const given = values.subarray(start * k, (start + n) * k);
        const outcome = evaluateDraws(prepared, plan, given, n);
        // evaluateDraws keeps the rows that evaluated, in order, with their inputs: the rows it
        // dropped are those whose inputs are not the next kept row's (equal rows evaluate alike).
        for (let r = 0, kept = 0; r < n && kept < outcome.kept; r++) {
          if (!sameRow(given, r, outcome.inputs, kept, k)) continue;
          out.set(outcome.headline.subarray(kept * actors, (kept + 1) * actors), (start + r) * actors);
          kept++;
        }
        state.failed += outcome.failed;
        if (outcome.failure) state.failure ??= outcome.failure;
        state.evaluations += n;
        progress?.(state.evaluations, total);
      }
      return out;
    },
  };
  return state;
}

function sameRow(a: Float64Array, i: number, b: Float64Array, j: number, k: number): boolean {
  for (let z = 0; z < k; z++) if (a[i * k + z] !== b[j * k + z]) return false;
  return true;
}

/**
 * The ends of an assumption's range: the tornado's low and high, and Morris's grid ends (u = 0
 * and 1). A bounded distribution's bounds; an unbounded one's 5th and 95th percentiles (a normal
 * or lognormal without truncation has no ends to move to).
 */
export function rangeEnds(distribution: Distribution, prepared: PreparedDistribution): [number, number] {
  switch (distribution.kind) {
    case 'uniform': case 'triangular': case 'pert': return [distribution.min, distribution.max];
    case 'beta': return [distribution.min ?? 0, distribution.max ?? 1];
    case 'discrete': return [Math.min(...distribution.values), Math.max(...distribution.values)];
    case 'normal': case 'lognormal': return [distribution.min ?? prepared.quantile(0.05), distribution.max ?? prepared.quantile(0.95)];
  }
}

export function valuesOf({ sampled, distributions }: Drawn): ValueOf {
  const ends = sampled.map((a, j) => rangeEnds(a.distribution, distributions[j]!));
  return (j, u) => {
    const drawn = u <= 0 ? ends[j]![0] : u >= 1 ? ends[j]![1] : distributions[j]!.quantile(u);
    return sampled[j]!.period ? Math.round(drawn) : drawn;
  };
}

/** Evaluates every row of a unit-cube design; per wanted actor, its figure at each row (NaN where the model refused it). */
function evaluateRows(rows: Float64Array, k: number, valueOf: ValueOf, evaluator: Evaluator, actors: number[]): Float64Array[] {
  const count = rows.length / k;
  const figures = evaluator.rows(rows.map((u, i) => valueOf(i % k, u)), count);
  return actors.map((a) => Float64Array.from({ length: count }, (_, r) => figures[r * evaluator.actors + a]!));
}

const ranked = (effects: AssumptionEffect[]): AssumptionEffect[] =>
  effects.sort((a, b) => (Number.isNaN(b.measure) ? -1 : Number.isNaN(a.measure) ? 1 : b.measure - a.measure));

/** `base`: every actor's figure at the values as written, already run (the design's first row). */
export function tornadoOf({ sampled, distributions, written }: Drawn, evaluator: Evaluator, actors: number[], base: Float64Array): MethodOutcome {
  const k = sampled.length;
  const ends = sampled.map((a, j) => rangeEnds(a.distribution, distributions[j]!).map((x) => (a.period ? Math.round(x) : x)) as [number, number]);
  const rows = tornadoDesign([...written], ends.map((e) => e[0]), ends.map((e) => e[1]));
  const atEnds = evaluateRows(rows.subarray(k), k, (_, x) => x, evaluator, actors);
  return {
    sampling: undefined,
    actors: atEnds.map((y, w) => {
      const { bars } = tornado(Float64Array.of(base[actors[w]!]!, ...y), k);
      const ranking = bars.map((bar): AssumptionEffect => {
        const [low, high] = ends[bar.factor]!;
        return { method: 'tornado', parameter: sampled[bar.factor]!.parameter, measure: bar.swing, low, high, atLow: bar.atLow, atHigh: bar.atHigh };
      });
      return { constant: bars.every((b) => b.swing === 0), ranking: ranked(ranking) };
    }),
  };
}

/**
 * `plan`: the run's plan made with a Latin hypercube of `runs` draws (planRisk), whose chunks
 * drawInputs turns into values: each assumption's quantiles, timings as whole periods, and the
 * model's rank correlations induced by Iman–Conover, as `risk` draws them. Without correlations
 * the values are valuesOf's of the same hypercube.
 */
export function regressionOf(plan: RiskPlan, evaluator: Evaluator, actors: number[], runs: number): MethodOutcome {
  const { sampled } = plan.assumptions;
  const k = sampled.length;
  const { design } = plan;
  const values = new Float64Array(runs * k);
  const outputs = actors.map(() => new Float64Array(runs));
  for (let c = 0, at = 0; c < design.chunks; c++) {
    const drawn = drawInputs(plan, c);
    evaluateRows(drawn, k, (_, x) => x, evaluator, actors).forEach((y, w) => outputs[w]!.set(y, at));
    values.set(drawn, at * k);
    at += design.chunkRuns(c);
  }
  const kept = keptDraws(outputs);
  const x = values.filter((_, i) => kept[Math.floor(i / k)] === 1);
  return { sampling: 'lhs', actors: outputs.map((y) => regressionRanking(sampled, x, y.filter((_, r) => kept[r] === 1))) };
}

function regressionRanking(sampled: readonly SampledAssumption[], inputs: Float64Array, figure: Float64Array): MethodOutcome['actors'][number] {
  const fit = regressionSensitivity(inputs, sampled.length, figure);
  const ranking = fit.factors.map((f, j): AssumptionEffect => ({ method: 'regression', parameter: sampled[j]!.parameter, measure: Math.abs(f.spearman), ...f }));
  return { constant: fit.constant, ranking: ranked(ranking), rSquared: fit.rSquared, rankRSquared: fit.rankRSquared };
}

/**
 * What drives each actor's figure in draws already made (a risk run's kept draws: `inputs`
 * count × sampled values, `headline` count × actors figures, as evaluateDraws gives them): the
 * regression reading, ranked by |Spearman ρ|, at no extra evaluation. For `risk` to name the
 * assumptions behind each chance of a loss.
 *
 * @example
 * const outcome = runChunk(prepared, plan, 0);
 * driversOfDraws(plan.assumptions.sampled, plan.layout.actors, outcome.inputs, outcome.headline)[0].ranking[0].parameter;
 */
export function driversOfDraws(sampled: readonly SampledAssumption[], actors: readonly string[], inputs: Float64Array, headline: Float64Array): Array<{ actor: string } & MethodOutcome['actors'][number]> {
  if (sampled.length === 0) return actors.map((actor) => ({ actor, constant: true, ranking: [] }));
  const count = inputs.length / sampled.length;
  return actors.map((actor, a) => ({ actor, ...regressionRanking(sampled, inputs, Float64Array.from({ length: count }, (_, r) => headline[r * actors.length + a]!)) }));
}

/** 1 for a draw every actor's NPV exists at (the model refused none of it), else 0. */
function keptDraws(outputs: Float64Array[]): Uint8Array {
  const count = outputs[0]?.length ?? 0;
  return Uint8Array.from({ length: count }, (_, r) => (outputs.every((y) => !Number.isNaN(y[r]!)) ? 1 : 0));
}

export function morrisOf(sampled: SampledAssumption[], valueOf: ValueOf, evaluator: Evaluator, actors: number[], runs: number, seed: number): MethodOutcome {
  const k = sampled.length;
  const rows = morrisDesign({ dimensions: k, trajectories: runs, seed, candidates: morrisCandidates(runs, k) });
  const outputs = evaluateRows(rows, k, valueOf, evaluator, actors);
  // A trajectory with a refused point is left out whole.
  const per = k + 1;
  const whole = Array.from({ length: runs }, (_, t) => outputs.every((y) => y.subarray(t * per, (t + 1) * per).every((v) => !Number.isNaN(v))));
  const keptRows = rows.filter((_, i) => whole[Math.floor(i / (per * k))]);
  return {
    sampling: undefined,
    actors: outputs.map((y) => {
      const kept = y.filter((_, r) => whole[Math.floor(r / per)]);
      if (kept.length === 0) return { constant: true, ranking: [] };
      const effects = morrisEffects(keptRows, kept, k);
      const ranking = effects.factors.map((f, j): AssumptionEffect => ({ method: 'morris', parameter: sampled[j]!.parameter, measure: f.muStar, ...f }));
      return { constant: effects.factors.every((f) => f.muStar === 0), ranking: ranked(ranking) };
    }),
  };
}

/**
 * Campolongo's spread: four candidate trajectories per kept one, fewer when the search (m²/2 pairs,
 * (k + 1)²·k operations each) would pass about 2·10⁸ operations, never fewer than kept.
 */
function morrisCandidates(runs: number, k: number): number {
  const affordable = Math.floor(Math.sqrt((4e8) / ((k + 1) ** 2 * k)));
  return Math.max(runs, Math.min(4 * runs, affordable));
}

export function sobolOf(sampled: SampledAssumption[], valueOf: ValueOf, evaluator: Evaluator, actors: number[], runs: number, seed: number): MethodOutcome {
  const k = sampled.length;
  const design = saltelliDesign({ dimensions: k, base: runs, seed });
  const per = k + 2;
  const outputs = actors.map(() => new Float64Array(design.evaluations));
  for (let c = 0, at = 0; c < design.chunks; c++) {
    evaluateRows(design.chunk(c), k, valueOf, evaluator, actors).forEach((y, w) => outputs[w]!.set(y, at));
    at += design.chunkBase(c) * per;
  }
  // A base row with a refused point is left out whole (its A, B and every A_B^i).
  const whole = Array.from({ length: runs }, (_, j) => outputs.every((y) => y.subarray(j * per, (j + 1) * per).every((v) => !Number.isNaN(v))));
  return {
    sampling: design.sampling,
    actors: outputs.map((y) => {
      const kept = y.filter((_, r) => whole[Math.floor(r / per)]);
      if (kept.length < 2 * per) return { constant: true, ranking: [] };
      const indices = sobolIndices(kept, k, { seed });
      const ranking = indices.factors.map((f, j): AssumptionEffect => ({ method: 'sobol', parameter: sampled[j]!.parameter, measure: f.total.value, ...f }));
      return { constant: indices.constant, ranking: indices.constant ? [] : ranked(ranking), variance: indices.variance };
    }),
  };
}
