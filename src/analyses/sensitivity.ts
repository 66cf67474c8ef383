/**
 * Which assumptions drive each actor's net present value, and so which to test first: the
 * assumptions `risk --ranges` draws (riskAssumptions: a PERT over each declared range, timings as
 * whole periods, the others held and listed) run through one of src/stats' sensitivity methods,
 * the model prepared once and evaluated at each point of the method's design. Pure: the seed comes
 * in, so the same seed gives the same ranking.
 *
 * - `tornado`: one at a time, each assumption at the ends of its range, the others at their
 *   values (2k + 1 evaluations);
 * - `regression`: a Latin hypercube of `runs` draws; Spearman's rank correlation ranks, with the
 *   standardised regression coefficients and their R²;
 * - `morris`: `runs` trajectories of elementary effects (r·(k + 1) evaluations), μ* ranks;
 * - `sobol`: Saltelli's design with N = `runs` base rows (N·(k + 2) evaluations), the total index
 *   ranks, first-order and total indices with bootstrap intervals.
 */
import { evaluate, type Ecosystem, type ModelDocument, type Prepared } from '../core/index.js';
import {
  morrisDesign, morrisEffects, planDesign, prepareDistribution, regressionSensitivity, saltelliDesign, sobolIndices, tornado, tornadoDesign,
  type IndexEstimate, type PreparedDistribution,
} from '../stats/index.js';
import { eachSheet } from './profitability.js';
import { riskAssumptions, type RiskAssumptions, type SampledAssumption } from './risk.js';

export const SENSITIVITY_METHODS = ['tornado', 'regression', 'morris', 'sobol'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

/** What `runs` counts for each method, when none is given: draws, trajectories, base rows (tornado has none). */
export const DEFAULT_SENSITIVITY_RUNS: Record<SensitivityMethod, number> = { tornado: 0, regression: 1000, morris: 20, sobol: 256 };

/**
 * The runs each method takes (the tornado none): bounds, not targets, since what a run keeps grows
 * with them (regression: every draw's assumptions; sobol: N·(k + 2) NPVs per actor). Sobol's
 * estimators need two base rows at least (the variance of f(A) and f(B)).
 */
export const SENSITIVITY_RUNS: Record<SensitivityMethod, { min: number; max: number } | undefined> = {
  tornado: undefined,
  regression: { min: 1, max: 200_000 },
  morris: { min: 1, max: 10_000 },
  sobol: { min: 2, max: 65_536 },
};

export interface SensitivityOptions {
  method: SensitivityMethod;
  /** Draws (regression), trajectories (morris), base rows N (sobol); ignored by the tornado. */
  runs?: number;
  seed: number;
  /** Only these actors' NPVs (ids); every actor when absent. */
  actors?: readonly string[];
  /** Told the evaluations done and the total, about a hundred times over a run. */
  progress?: (done: number, total: number) => void;
}

/** One assumption's place in an actor's ranking, with the method's figures. */
export type AssumptionEffect =
  | { method: 'tornado'; parameter: string; measure: number; low: number; high: number; atLow: number; atHigh: number }
  | { method: 'regression'; parameter: string; measure: number; spearman: number; src: number; srrc: number; prcc: number }
  | { method: 'morris'; parameter: string; measure: number; mu: number; muStar: number; muStarError: number; sigma: number }
  | { method: 'sobol'; parameter: string; measure: number; first: IndexEstimate; total: IndexEstimate };

export interface ActorSensitivity {
  actor: string;
  /** The NPV with every assumption at its value as written. */
  base: number;
  /** Most influential first; `measure` is what ranks: |swing|, |Spearman ρ|, μ*, the total index. */
  ranking: AssumptionEffect[];
  /** The NPV never moved over the design: nothing ranks. */
  constant: boolean;
  /** Regression: how much of the NPV's variance a linear fit explains (on values, and on ranks). */
  rSquared?: number;
  rankRSquared?: number;
  /** Sobol: the NPV's variance over A and B. */
  variance?: number;
}

export interface SensitivityResult {
  method: SensitivityMethod;
  /** As given or the method's default (0 for the tornado). */
  runs: number;
  seed: number;
  /** How many times the model was evaluated. */
  evaluations: number;
  /** Sobol: Sobol points for A and B, or Monte Carlo past 32 assumptions (the Sobol table's 64 dimensions). */
  sampling?: 'sobol' | 'mc' | 'lhs';
  assumptions: RiskAssumptions;
  /** Evaluations the model refused; the design units they belong to are left out (say so). */
  failed: number;
  failure?: string[];
  actors: ActorSensitivity[];
}

/** One unit-cube coordinate per assumption to its value: the PERT's quantile (its ends at 0 and 1), whole periods for timings. */
type ValueOf = (j: number, u: number) => number;

interface Evaluator {
  /** Every actor's NPV at these assumption values, or undefined when the model refuses them. */
  npv(values: ArrayLike<number>): Float64Array | undefined;
  failed: number;
  failure?: string[];
  evaluations: number;
}

/**
 * The sensitivity of each actor's NPV to the assumptions with ranges.
 *
 * @example
 * const result = runSensitivity(prepared, ecosystem.doc, { method: 'sobol', runs: 256, seed: 1 });
 * result.actors[0].ranking[0].parameter; // the assumption to test first for the first actor
 */
export function runSensitivity(prepared: Prepared, doc: ModelDocument, options: SensitivityOptions): SensitivityResult {
  const assumptions = riskAssumptions(doc);
  const ids = Object.keys(doc.actors);
  const wanted = (options.actors ?? ids).map((id) => ids.indexOf(id)).filter((a) => a >= 0);
  const runs = options.method === 'tornado' ? 0 : (options.runs ?? DEFAULT_SENSITIVITY_RUNS[options.method]);
  const k = assumptions.sampled.length;
  const evaluator = evaluatorOf(prepared, assumptions.sampled, expectedEvaluations(options.method, k, runs), options.progress);
  const base = evaluator.npv(assumptions.sampled.map((a) => a.mode));
  const outcome = k === 0 ? { sampling: undefined, actors: wanted.map(() => ({ constant: true, ranking: [] })) } : byMethod(options.method, assumptions.sampled, evaluator, wanted, runs, options.seed, base);
  return {
    method: options.method,
    runs,
    seed: options.seed,
    evaluations: evaluator.evaluations,
    ...(outcome.sampling ? { sampling: outcome.sampling } : {}),
    assumptions,
    failed: evaluator.failed,
    ...(evaluator.failure ? { failure: evaluator.failure } : {}),
    actors: wanted.map((a, w) => ({ actor: ids[a]!, base: base ? base[a]! : NaN, ...outcome.actors[w]! })),
  };
}

type MethodOutcome = { sampling: SensitivityResult['sampling']; actors: Array<Omit<ActorSensitivity, 'actor' | 'base'>> };

function byMethod(method: SensitivityMethod, sampled: SampledAssumption[], evaluator: Evaluator, actors: number[], runs: number, seed: number, base: Float64Array | undefined): MethodOutcome {
  const valueOf = valuesOf(sampled);
  switch (method) {
    case 'tornado': return tornadoOf(sampled, evaluator, actors, base);
    case 'regression': return regressionOf(sampled, valueOf, evaluator, actors, runs, seed);
    case 'morris': return morrisOf(sampled, valueOf, evaluator, actors, runs, seed);
    case 'sobol': return sobolOf(sampled, valueOf, evaluator, actors, runs, seed);
  }
}

/** The evaluations a run makes: the base, then the method's design. */
function expectedEvaluations(method: SensitivityMethod, k: number, runs: number): number {
  if (k === 0) return 1;
  switch (method) {
    case 'tornado': return 1 + 2 * k;
    case 'regression': return 1 + runs;
    case 'morris': return 1 + runs * (k + 1);
    case 'sobol': return 1 + runs * (k + 2);
  }
}

function evaluatorOf(prepared: Prepared, sampled: SampledAssumption[], total: number, progress?: (done: number, total: number) => void): Evaluator {
  let last: Ecosystem | undefined;
  const step = Math.max(1, Math.floor(total / 100));
  const state: Evaluator = {
    failed: 0,
    evaluations: 0,
    npv(values) {
      state.evaluations++;
      if (progress && (state.evaluations % step === 0 || state.evaluations === total)) progress(state.evaluations, total);
      const overrides = new Map(sampled.map((a, j) => [a.parameter, values[j]!]));
      const evaluation = evaluate(prepared, overrides, last ? { recycle: last } : {});
      if (!evaluation.ecosystem) {
        state.failed++;
        state.failure ??= evaluation.issues.map((i) => i.code);
        return undefined;
      }
      last = evaluation.ecosystem;
      return Float64Array.from(eachSheet(last, (sheet) => sheet.npv));
    },
  };
  return state;
}

function valuesOf(sampled: SampledAssumption[]): ValueOf {
  const distributions: PreparedDistribution[] = sampled.map((a) => prepareDistribution({ kind: 'pert', min: a.min, mode: a.mode, max: a.max }));
  return (j, u) => {
    const a = sampled[j]!;
    const drawn = u <= 0 ? a.min : u >= 1 ? a.max : distributions[j]!.quantile(u);
    return a.period ? Math.round(drawn) : drawn;
  };
}

/** Evaluates every row of a unit-cube design; per wanted actor, the NPV at each row (NaN where the model refused it). */
function evaluateRows(rows: Float64Array, k: number, valueOf: ValueOf, evaluator: Evaluator, actors: number[]): Float64Array[] {
  const count = rows.length / k;
  const out = actors.map(() => new Float64Array(count));
  const values = new Float64Array(k);
  for (let r = 0; r < count; r++) {
    for (let j = 0; j < k; j++) values[j] = valueOf(j, rows[r * k + j]!);
    const npv = evaluator.npv(values);
    actors.forEach((a, w) => (out[w]![r] = npv ? npv[a]! : NaN));
  }
  return out;
}

const ranked = (effects: AssumptionEffect[]): AssumptionEffect[] =>
  effects.sort((a, b) => (Number.isNaN(b.measure) ? -1 : Number.isNaN(a.measure) ? 1 : b.measure - a.measure));

/** `base`: every actor's NPV at the values as written, already run (the design's first row). */
function tornadoOf(sampled: SampledAssumption[], evaluator: Evaluator, actors: number[], base: Float64Array | undefined): MethodOutcome {
  const k = sampled.length;
  const rounded = (a: SampledAssumption, x: number) => (a.period ? Math.round(x) : x);
  const rows = tornadoDesign(sampled.map((a) => a.mode), sampled.map((a) => rounded(a, a.min)), sampled.map((a) => rounded(a, a.max)));
  const ends = evaluateRows(rows.subarray(k), k, (_, x) => x, evaluator, actors);
  const outputs = ends.map((y, w) => Float64Array.of(base ? base[actors[w]!]! : NaN, ...y));
  return {
    sampling: undefined,
    actors: outputs.map((y) => {
      const { bars } = tornado(y, k);
      const ranking = bars.map((bar): AssumptionEffect => {
        const a = sampled[bar.factor]!;
        return { method: 'tornado', parameter: a.parameter, measure: bar.swing, low: rows[(1 + 2 * bar.factor) * k + bar.factor]!, high: rows[(2 + 2 * bar.factor) * k + bar.factor]!, atLow: bar.atLow, atHigh: bar.atHigh };
      });
      return { constant: bars.every((b) => b.swing === 0), ranking: ranked(ranking) };
    }),
  };
}

function regressionOf(sampled: SampledAssumption[], valueOf: ValueOf, evaluator: Evaluator, actors: number[], runs: number, seed: number): MethodOutcome {
  const k = sampled.length;
  const design = planDesign({ method: 'lhs', dimensions: k, runs, seed });
  const values = new Float64Array(runs * k);
  const outputs = actors.map(() => new Float64Array(runs));
  for (let c = 0, at = 0; c < design.chunks; c++) {
    const unit = design.chunk(c);
    const drawn = unit.map((u, i) => valueOf(i % k, u));
    evaluateRows(drawn, k, (_, x) => x, evaluator, actors).forEach((y, w) => outputs[w]!.set(y, at));
    values.set(drawn, at * k);
    at += design.chunkRuns(c);
  }
  const kept = keptDraws(outputs);
  const x = values.filter((_, i) => kept[Math.floor(i / k)] === 1);
  return {
    sampling: 'lhs',
    actors: outputs.map((y) => {
      const fit = regressionSensitivity(x, k, y.filter((_, r) => kept[r] === 1));
      const ranking = fit.factors.map((f, j): AssumptionEffect => ({ method: 'regression', parameter: sampled[j]!.parameter, measure: Math.abs(f.spearman), ...f }));
      return { constant: fit.constant, ranking: ranked(ranking), rSquared: fit.rSquared, rankRSquared: fit.rankRSquared };
    }),
  };
}

/** 1 for a draw every actor's NPV exists at (the model refused none of it), else 0. */
function keptDraws(outputs: Float64Array[]): Uint8Array {
  const count = outputs[0]?.length ?? 0;
  return Uint8Array.from({ length: count }, (_, r) => (outputs.every((y) => !Number.isNaN(y[r]!)) ? 1 : 0));
}

function morrisOf(sampled: SampledAssumption[], valueOf: ValueOf, evaluator: Evaluator, actors: number[], runs: number, seed: number): MethodOutcome {
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

function sobolOf(sampled: SampledAssumption[], valueOf: ValueOf, evaluator: Evaluator, actors: number[], runs: number, seed: number): MethodOutcome {
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

/** One row of the assumption map's reading: an actor, an assumption, its rank and importance. */
export interface AssumptionToTest {
  actor: string;
  parameter: string;
  /** 1 for the assumption to test first for this actor. */
  rank: number;
  /** The method's measure over the top assumption's, in [0, 1] (the top one is 1). */
  importance: number;
  measure: number;
  method: SensitivityMethod;
}

/**
 * The ranking as rows, per actor, the assumption to test first at rank 1: what the assumption map
 * of the experiments (issue 18) reads as importance. Actors whose NPV never moved give no rows.
 */
export function assumptionsToTest(result: SensitivityResult): AssumptionToTest[] {
  return result.actors.flatMap((a) => {
    if (a.constant) return [];
    const top = a.ranking[0]?.measure ?? 0;
    return a.ranking.map((effect, i) => ({
      actor: a.actor,
      parameter: effect.parameter,
      rank: i + 1,
      importance: top > 0 && Number.isFinite(effect.measure) ? Math.max(0, effect.measure) / top : 0,
      measure: effect.measure,
      method: result.method,
    }));
  });
}
