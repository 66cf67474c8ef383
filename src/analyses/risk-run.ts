/**
 * A risk run as seeded chunks: the plan (assumptions, their distributions, the sampling design,
 * where the ledger's lines go) is made once from the model; chunk c's outcome depends only on
 * the model, the seed and c, so chunks run in this thread, in worker threads or elsewhere and
 * merge the same way (RiskTally, in chunk order). Pure: the seed comes in; no clock, no host.
 *
 * What another analysis calls (issue 17's sensitivity): `planRisk` for the assumptions and their
 * distributions, then `evaluateDraws` on its own matrix of drawn values, row after row.
 */
import { blockEvaluator, correlationMatrix as declaredCorrelations, evaluate, type BlockEvaluator, type Ecosystem, type ModelDocument, type Prepared } from '../core/index.js';
import { DrawSample, imanConover, planDesign, prepareDistribution, streamSeed, xoshiro128, type Design, type PreparedDistribution, type SamplingMethod, type SketchParts } from '../stats/index.js';
import { riskAssumptions, type RiskAssumptions } from './risk.js';
import { blockFigures, drawFigures, figureLayout, readBlockFigures, readFigures, type BlockFigures, type FigureLayout } from './risk-figures.js';
import { fanExactLimit, tallyRisk, type RiskResult } from './risk-summary.js';

export interface RiskOptions {
  /** Draws in all; with `precision`, the most draws. */
  runs: number;
  seed: number;
  sampling: SamplingMethod;
  /**
   * Monte Carlo and Sobol only: stop once every business's P(NPV < 0) and P(break-even) have a
   * standard error at or below this (a probability: 0.005 is half a percentage point), checked
   * after each whole chunk in chunk order.
   */
  precision?: number;
  /** Draws per chunk (default 1024). */
  chunkSize?: number;
  /** Draw every range without a declared distribution as a PERT around its value (default true; the CLI's `--ranges`). */
  ranges?: boolean;
  /**
   * The numbers of empirical distributions, as the surface read them (prepared.columns); workers
   * get them with the options, so they draw what the main thread plans. Without them an empirical
   * distribution is held, with the reason 'empirical-unread'.
   */
  columns?: ReadonlyMap<string, readonly number[]>;
}

export interface RiskPlan {
  options: RiskOptions;
  assumptions: RiskAssumptions;
  distributions: PreparedDistribution[];
  design: Design;
  layout: FigureLayout;
  /** The model's rank correlations among the drawn assumptions (their columns in `sampled`), induced by Iman–Conover in each chunk. */
  correlation?: { columns: number[]; matrix: number[][] };
}

/** Faults of the options, before any draw. */
export type RiskOptionFault = { code: 'precision-with-lhs' } | { code: 'precision-not-positive'; value: number };

export function checkRiskOptions(options: RiskOptions): RiskOptionFault[] {
  if (options.precision === undefined) return [];
  if (!(options.precision > 0 && options.precision < 1)) return [{ code: 'precision-not-positive', value: options.precision }];
  // A Latin hypercube's N strata are dealt before the first draw: its N cannot grow or shrink.
  return options.sampling === 'lhs' ? [{ code: 'precision-with-lhs' }] : [];
}

/**
 * The plan of a run, from the model as written (`written`, its evaluation: every draw of a
 * prepared model shares its ledger's flow lines and cost rows).
 */
export function planRisk(written: Ecosystem, options: RiskOptions): RiskPlan {
  const { doc } = written;
  const assumptions = riskAssumptions(doc, { model: written.model, ranges: options.ranges ?? true, ...(options.columns ? { columns: options.columns } : {}) });
  const distributions = assumptions.sampled.map((a) => prepareDistribution(a.distribution));
  const design = planDesign({
    method: options.sampling, dimensions: Math.max(1, distributions.length), runs: options.runs, seed: options.seed,
    ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
  });
  const correlation = drawnCorrelation(doc, assumptions);
  return { options, assumptions, distributions, design, layout: figureLayout(doc, written.ledger), ...(correlation ? { correlation } : {}) };
}

/** The declared correlations among the assumptions drawn (a parameter held drops out: a submatrix of a PSD matrix stays PSD). */
function drawnCorrelation(doc: ModelDocument, assumptions: RiskAssumptions): RiskPlan['correlation'] {
  if (!doc.correlations) return undefined;
  const { parameters, matrix } = declaredCorrelations(doc.correlations);
  const kept = parameters.map((name, k) => [k, assumptions.sampled.findIndex((a) => a.parameter === name)] as const).filter(([, j]) => j >= 0);
  if (kept.length < 2) return undefined;
  return { columns: kept.map(([, j]) => j), matrix: kept.map(([a]) => kept.map(([b]) => matrix[a]![b]!)) };
}

/** A stream of its own for the rank reordering, apart from the design's points. */
const CORRELATION_STREAM = 0x49434f4e;

/**
 * What a chunk's draws leave, draws that evaluated only (`kept` of them), row after row: each
 * array holds kept × actors figures (`cumulative` kept × actors × (horizon + 1), `inputs`
 * kept × sampled assumptions, the values drawn).
 */
export interface ChunkOutcome {
  chunk: number;
  draws: number;
  kept: number;
  failed: number;
  /** The first refused draw's issue codes. */
  failure?: string[];
  headline: Float64Array;
  breakEven: Float64Array;
  deepest: Float64Array;
  cumulative: Float64Array;
  inputs: Float64Array;
  /**
   * When the run has more draws than a fan chart's cell keeps exactly: each cell's (actor a,
   * period p at a·(horizon + 1) + p) sketch of this chunk's cumulative positions, made here so
   * that the merge only adds counts.
   */
  fan?: SketchParts[];
}

/** The values drawn for chunk c: draws × sampled assumptions, timings rounded to whole periods. */
export function drawInputs(plan: RiskPlan, c: number): Float64Array {
  const rows = plan.design.chunk(c);
  const dimensions = plan.design.spec.dimensions;
  const sampled = plan.assumptions.sampled;
  const count = plan.design.chunkRuns(c);
  const values = new Float64Array(count * sampled.length);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < sampled.length; j++) {
      const drawn = plan.distributions[j]!.quantile(rows[i * dimensions + j]!);
      values[i * sampled.length + j] = sampled[j]!.period ? Math.round(drawn) : drawn;
    }
  }
  if (plan.correlation && count > plan.correlation.columns.length) correlateColumns(values, sampled.length, plan.correlation, xoshiro128(streamSeed(plan.options.seed, CORRELATION_STREAM), c));
  return values;
}

/**
 * Reorders the correlated columns of a chunk's values (Iman–Conover) so that their rank
 * correlations approach the declared ones; every column keeps its values, so each marginal (and
 * a Latin hypercube's strata) is untouched. Chunk by chunk, so a chunk still depends only on the
 * model, the seed and its number.
 */
function correlateColumns(values: Float64Array, width: number, correlation: NonNullable<RiskPlan['correlation']>, random: ReturnType<typeof xoshiro128>): void {
  const { columns, matrix } = correlation;
  const count = values.length / width, k = columns.length;
  const picked = new Float64Array(count * k);
  for (let i = 0; i < count; i++) for (let a = 0; a < k; a++) picked[i * k + a] = values[i * width + columns[a]!]!;
  const reordered = imanConover(picked, k, matrix, random);
  for (let i = 0; i < count; i++) for (let a = 0; a < k; a++) values[i * width + columns[a]!] = reordered[i * k + a]!;
}

/** Chunk c of the plan's design, evaluated. */
export function runChunk(prepared: Prepared, plan: RiskPlan, c: number): ChunkOutcome {
  const outcome = { ...evaluateDraws(prepared, plan, drawInputs(plan, c), plan.design.chunkRuns(c), c * plan.design.spec.chunkSize), chunk: c };
  if (plan.options.runs <= fanExactLimit(plan)) return outcome;
  const cells = plan.layout.actors.length * (plan.layout.horizon + 1);
  const fan = Array.from({ length: cells }, (_, cell) => DrawSample.sketchOf(outcome.cumulative, cell, cells, outcome.kept));
  return { ...outcome, fan };
}

/** Draws quantified together (core's blockEvaluator): enough to spread each closure call, few enough to stay in cache. */
export const BLOCK_DRAWS = 256;

/** Each prepared model's block evaluator, by the names it overrides (null: the model has none). */
const blocks = new WeakMap<Prepared, Map<string, BlockEvaluator | null>>();

function blockOf(prepared: Prepared, names: readonly string[]): BlockEvaluator | undefined {
  let byNames = blocks.get(prepared);
  if (!byNames) blocks.set(prepared, (byNames = new Map()));
  const key = names.join('\u0000');
  let block = byNames.get(key);
  if (block === undefined) byNames.set(key, (block = blockEvaluator(prepared, names, BLOCK_DRAWS) ?? null));
  return block ?? undefined;
}

/**
 * The model evaluated once per row of `inputs` (count rows of one value per sampled assumption,
 * in plan.assumptions.sampled's order), each row's figures kept when it evaluates. Row i is draw
 * `firstDraw + i` of the run: the dynamics' random builtins take their seed from it
 * (streamSeed(seed, draw)), so a draw gives the same figures wherever it runs.
 *
 * Rows are quantified BLOCK_DRAWS at a time by the core's block evaluator, which gives each the
 * figures evaluate() gives it; a row the block leaves unsettled (one evaluate() may refuse or
 * warn about) is evaluated alone, by evaluate(), as every row once was.
 */
export function evaluateDraws(prepared: Prepared, plan: RiskPlan, inputs: Float64Array, count: number, firstDraw = 0): ChunkOutcome {
  const { layout } = plan;
  const sampled = plan.assumptions.sampled;
  const width = sampled.length;
  const actors = layout.actors.length, periods = layout.horizon + 1;
  const out = { headline: new Float64Array(count * actors), breakEven: new Float64Array(count * actors), deepest: new Float64Array(count * actors), cumulative: new Float64Array(count * actors * periods), inputs: new Float64Array(count * width) };
  const figures = drawFigures(layout);
  const overrides = new Map<string, number>();
  const names = sampled.map((a) => a.parameter);
  const block = blockOf(prepared, names);
  let kept = 0, failed = 0, failure: string[] | undefined;
  let last: Ecosystem | undefined;
  const keep = (i: number): void => {
    out.headline.set(figures.headline, kept * actors);
    out.breakEven.set(figures.breakEven, kept * actors);
    out.deepest.set(figures.deepest, kept * actors);
    out.cumulative.set(figures.cumulative, kept * actors * periods);
    out.inputs.set(inputs.subarray(i * width, (i + 1) * width), kept * width);
    kept++;
  };
  let lanes: BlockFigures | undefined;
  /** Lane d of a block's figures, row i. */
  const keepLane = (from: BlockFigures, d: number, i: number): void => {
    const B = from.stride;
    for (let a = 0; a < actors; a++) {
      out.headline[kept * actors + a] = from.headline[a * B + d]!;
      out.breakEven[kept * actors + a] = from.breakEven[a * B + d]!;
      out.deepest[kept * actors + a] = from.deepest[a * B + d]!;
      for (let p = 0; p < periods; p++) out.cumulative[(kept * actors + a) * periods + p] = from.cumulative[(a * periods + p) * B + d]!;
    }
    out.inputs.set(inputs.subarray(i * width, (i + 1) * width), kept * width);
    kept++;
  };
  /** Row i alone, through evaluate(). */
  const alone = (i: number): void => {
    for (let j = 0; j < width; j++) overrides.set(names[j]!, inputs[i * width + j]!);
    const seed = streamSeed(plan.options.seed, firstDraw + i);
    const evaluation = evaluate(prepared, overrides, last ? { recycle: last, seed } : { seed });
    if (!evaluation.ecosystem) {
      failed++;
      failure ??= evaluation.issues.map((issue) => issue.code);
      return;
    }
    last = evaluation.ecosystem;
    readFigures(layout, last, figures);
    keep(i);
  };
  const size = block?.capacity ?? BLOCK_DRAWS;
  for (let start = 0; start < count; start += size) {
    const rows = Math.min(size, count - start);
    if (!block) {
      for (let i = start; i < start + rows; i++) alone(i);
      continue;
    }
    const run = block.run(inputs.subarray(start * width, (start + rows) * width), rows, (d) => streamSeed(plan.options.seed, firstDraw + start + d));
    readBlockFigures(layout, run.columns, rows, lanes ??= blockFigures(layout, size));
    for (let d = 0; d < rows; d++) {
      if (!run.settled[d]) {
        alone(start + d);
        continue;
      }
      keepLane(lanes, d, start + d);
    }
  }
  return {
    chunk: -1, draws: count, kept, failed, ...(failure ? { failure } : {}),
    headline: out.headline.slice(0, kept * actors), breakEven: out.breakEven.slice(0, kept * actors), deepest: out.deepest.slice(0, kept * actors),
    cumulative: out.cumulative.slice(0, kept * actors * periods), inputs: out.inputs.slice(0, kept * width),
  };
}

/**
 * A whole run in this thread: `written` the model as written, evaluated from `prepared`.
 *
 * @example
 * const loaded = loadModel(text, file, { dynamics: prepareDynamics });
 * const result = runRisk(loaded.prepared!, loaded.ecosystem!, { runs: 10_000, seed: 1, sampling: 'lhs' });
 * result.actors[0]; // { actor, role: 'business', npv: { percentiles, mean, sd }, lossProbability, … }
 */
export function runRisk(prepared: Prepared, written: Ecosystem, options: RiskOptions): RiskResult {
  const plan = planRisk(written, options.columns ? options : { ...options, columns: prepared.columns });
  return tallyRisk(plan, (c) => runChunk(prepared, plan, c));
}
