/**
 * Which assumptions drive each actor's headline figure (a business's NPV, a segment's members'
 * gain, as `risk` reads them), and so which to test first: the assumptions a risk run draws
 * (planRisk: each with its distribution, timings as whole periods, the others held and listed)
 * run through one of src/stats' sensitivity methods, the model prepared once and evaluated at each
 * point of the method's design by risk's evaluateDraws. Pure: the seed comes in, so the same seed
 * gives the same ranking.
 *
 * - `tornado`: one at a time, each assumption at the ends of its range, the others at their
 *   values (2k + 1 evaluations);
 * - `regression`: a Latin hypercube of `runs` draws; Spearman's rank correlation ranks, with the
 *   standardised regression coefficients and their R²;
 * - `morris`: `runs` trajectories of elementary effects (r·(k + 1) evaluations), μ* ranks;
 * - `sobol`: Saltelli's design with N = `runs` base rows (N·(k + 2) evaluations), the total index
 *   ranks, first-order and total indices with bootstrap intervals.
 */
import { correlationMatrix, parameterSpec, type Ecosystem, type Prepared } from '../core/index.js';
import {
  morrisDesign, morrisEffects, planDesign, regressionSensitivity, saltelliDesign, sobolIndices, tornado, tornadoDesign,
  type Distribution, type IndexEstimate, type PreparedDistribution,
} from '../stats/index.js';
import type { ActorRole } from './risk-figures.js';
import { evaluateDraws, planRisk, type RiskPlan } from './risk-run.js';
import type { RiskAssumptions, SampledAssumption } from './risk.js';

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
  /** Only these actors (ids); every actor when absent. */
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
  /** What is ranked: a business's NPV, a segment's members' gain (risk's reading). */
  role: ActorRole;
  /** That figure with every assumption at its value as written. */
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
  /**
   * Drawn assumptions the model correlates (its `correlations`): every method here moves each
   * assumption independently of the others, so their indices read them as if uncorrelated.
   */
  correlated: string[];
  /** Evaluations the model refused; the design units they belong to are left out (say so). */
  failed: number;
  failure?: string[];
  actors: ActorSensitivity[];
}

/** One unit-cube coordinate per assumption to its value: the quantile inside, the range's ends at 0 and 1, whole periods for timings. */
type ValueOf = (j: number, u: number) => number;

interface Evaluator {
  /** Each row's headline figure per actor (count × actors, row after row), NaN where the model refused the row. */
  rows(values: Float64Array, count: number): Float64Array;
  /** How many actors each row gives. */
  actors: number;
  failed: number;
  failure?: string[];
  evaluations: number;
}

/**
 * The sensitivity of each actor's headline figure to the assumptions a risk run draws.
 *
 * @example
 * const loaded = loadModel(text, file, { dynamics: prepareDynamics });
 * const result = runSensitivity(loaded.prepared!, loaded.ecosystem!, { method: 'sobol', runs: 256, seed: 1 });
 * result.actors[0].ranking[0].parameter; // the assumption to test first for the first actor
 */
export function runSensitivity(prepared: Prepared, written: Ecosystem, options: SensitivityOptions): SensitivityResult {
  const plan = planRisk(written, { runs: 1, seed: options.seed, sampling: 'mc' });
  const { assumptions, layout } = plan;
  const wanted = (options.actors ?? layout.actors).map((id) => layout.actors.indexOf(id)).filter((a) => a >= 0);
  const runs = options.method === 'tornado' ? 0 : (options.runs ?? DEFAULT_SENSITIVITY_RUNS[options.method]);
  const k = assumptions.sampled.length;
  const evaluator = evaluatorOf(prepared, plan, expectedEvaluations(options.method, k, runs), options.progress);
  const drawn: Drawn = { sampled: assumptions.sampled, distributions: plan.distributions, written: writtenValues(written, assumptions.sampled) };
  const base = evaluator.rows(drawn.written, 1);
  const outcome = k === 0
    ? { sampling: undefined, actors: wanted.map(() => ({ constant: true, ranking: [] })) }
    : byMethod(options.method, drawn, evaluator, wanted, runs, options.seed, base);
  return {
    method: options.method,
    runs,
    seed: options.seed,
    evaluations: evaluator.evaluations,
    ...(outcome.sampling ? { sampling: outcome.sampling } : {}),
    assumptions,
    correlated: correlatedAssumptions(written, assumptions.sampled),
    failed: evaluator.failed,
    ...(evaluator.failure ? { failure: evaluator.failure } : {}),
    actors: wanted.map((a, w) => ({ actor: layout.actors[a]!, role: layout.roles[a]!, base: base[a]!, ...outcome.actors[w]! })),
  };
}

function correlatedAssumptions(written: Ecosystem, sampled: SampledAssumption[]): string[] {
  const declared = written.doc.correlations;
  if (!declared) return [];
  const named = new Set(correlationMatrix(declared).parameters);
  return sampled.map((a) => a.parameter).filter((p) => named.has(p));
}

/** The assumptions drawn, their prepared distributions (in plan order) and their values as written. */
interface Drawn { sampled: SampledAssumption[]; distributions: PreparedDistribution[]; written: Float64Array }

/** The sampled assumptions' values as written (the tornado's centre, the base figures). */
function writtenValues(written: Ecosystem, sampled: SampledAssumption[]): Float64Array {
  return Float64Array.from(sampled, (a) => parameterSpec(written.doc.parameters![a.parameter]!).value as number);
}

type MethodOutcome = { sampling: SensitivityResult['sampling']; actors: Array<Omit<ActorSensitivity, 'actor' | 'role' | 'base'>> };

function byMethod(method: SensitivityMethod, drawn: Drawn, evaluator: Evaluator, actors: number[], runs: number, seed: number, base: Float64Array): MethodOutcome {
  const valueOf = valuesOf(drawn);
  const { sampled } = drawn;
  switch (method) {
    case 'tornado': return tornadoOf(drawn, evaluator, actors, base);
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

/**
 * Rows evaluated per call of evaluateDraws: progress is told between them. Row i of a call is
 * its draw i for the dynamics' random builtins (streamSeed(seed, i)): a model without them (the
 * whole library) gives the same figures whatever the draw; one with them adds each row's own
 * noise to the differences the methods read (common random numbers per base row or trajectory
 * would need evaluateDraws to take each row's draw number).
 */
const BATCH = 256;

function evaluatorOf(prepared: Prepared, plan: RiskPlan, total: number, progress?: (done: number, total: number) => void): Evaluator {
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

function valuesOf({ sampled, distributions }: Drawn): ValueOf {
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
function tornadoOf({ sampled, distributions, written }: Drawn, evaluator: Evaluator, actors: number[], base: Float64Array): MethodOutcome {
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

function regressionOf(sampled: SampledAssumption[], valueOf: ValueOf, evaluator: Evaluator, actors: number[], runs: number, seed: number): MethodOutcome {
  const k = sampled.length;
  const design = planDesign({ method: 'lhs', dimensions: k, runs, seed });
  const values = new Float64Array(runs * k);
  const outputs = actors.map(() => new Float64Array(runs));
  for (let c = 0, at = 0; c < design.chunks; c++) {
    const drawn = design.chunk(c).map((u, i) => valueOf(i % k, u));
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
