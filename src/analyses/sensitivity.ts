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
import type { IndexEstimate } from '../stats/index.js';
import type { ActorRole } from './risk-figures.js';
import { planRisk } from './risk-run.js';
import type { RiskAssumptions, SampledAssumption } from './risk.js';
import {
  evaluatorOf, morrisOf, regressionOf, sobolOf, tornadoOf, valuesOf,
  type Drawn, type Evaluator, type MethodOutcome,
} from './sensitivity-methods.js';

export { driversOfDraws, rangeEnds } from './sensitivity-methods.js';

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
  /** The figure never moved over the design: nothing ranks. */
  constant: boolean;
  /** Regression: how much of the figure's variance a linear fit explains (on values, and on ranks). */
  rSquared?: number;
  rankRSquared?: number;
  /** Sobol: the figure's variance over A and B. */
  variance?: number;
}

export interface SensitivityResult {
  method: SensitivityMethod;
  /** As given or the method's default (0 for the tornado). */
  runs: number;
  seed: number;
  /** How many times the model was evaluated. */
  evaluations: number;
  /** Sobol: Sobol points for A and B, or Monte Carlo past 512 assumptions (the Sobol table's 1024 dimensions). */
  sampling?: 'sobol' | 'mc' | 'lhs';
  assumptions: RiskAssumptions;
  /**
   * Drawn assumptions the model correlates (its `correlations`). The regression draws them with
   * their rank correlations (Iman–Conover, as `risk` does: `correlationsDrawn`); the tornado,
   * Morris and Sobol move each assumption independently of the others, so their indices read them
   * as if uncorrelated, and the output says so.
   */
  correlated: string[];
  /** The design drew the correlated assumptions with their declared rank correlations (regression only). */
  correlationsDrawn: boolean;
  /** Evaluations the model refused; the design units they belong to are left out (say so). */
  failed: number;
  failure?: string[];
  actors: ActorSensitivity[];
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
  const plan = planRisk(written, { runs: 1, seed: options.seed, sampling: 'mc', columns: prepared.columns });
  const { assumptions, layout } = plan;
  const wanted = (options.actors ?? layout.actors).map((id) => layout.actors.indexOf(id)).filter((a) => a >= 0);
  const runs = options.method === 'tornado' ? 0 : (options.runs ?? DEFAULT_SENSITIVITY_RUNS[options.method]);
  const k = assumptions.sampled.length;
  const evaluator = evaluatorOf(prepared, plan, expectedEvaluations(options.method, k, runs), options.progress);
  const drawn: Drawn = { sampled: assumptions.sampled, distributions: plan.distributions, written: writtenValues(written, assumptions.sampled) };
  const base = evaluator.rows(drawn.written, 1);
  const outcome = k === 0
    ? { sampling: undefined, actors: wanted.map(() => ({ constant: true, ranking: [] })) }
    : byMethod(options.method, drawn, evaluator, wanted, runs, options.seed, base, written, prepared.columns);
  const correlated = correlatedAssumptions(written, assumptions.sampled);
  return {
    method: options.method,
    runs,
    seed: options.seed,
    evaluations: evaluator.evaluations,
    ...(outcome.sampling ? { sampling: outcome.sampling } : {}),
    assumptions,
    correlated,
    correlationsDrawn: options.method === 'regression' && k > 0 && correlated.length > 0,
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


/** The sampled assumptions' values as written (the tornado's centre, the base figures). */
function writtenValues(written: Ecosystem, sampled: SampledAssumption[]): Float64Array {
  return Float64Array.from(sampled, (a) => parameterSpec(written.doc.parameters![a.parameter]!).value as number);
}


function byMethod(method: SensitivityMethod, drawn: Drawn, evaluator: Evaluator, actors: number[], runs: number, seed: number, base: Float64Array, written: Ecosystem, columns: Prepared['columns']): MethodOutcome {
  const valueOf = valuesOf(drawn);
  const { sampled } = drawn;
  switch (method) {
    case 'tornado': return tornadoOf(drawn, evaluator, actors, base);
    // Drawn as a risk run draws, correlations included: a Latin hypercube of `runs` draws.
    case 'regression': return regressionOf(planRisk(written, { runs, seed, sampling: 'lhs', columns }), evaluator, actors, runs);
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
