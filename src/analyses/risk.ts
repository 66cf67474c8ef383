/**
 * The chance that a business model works: every assumption with a plausible range drawn from a
 * PERT around its value, the model evaluated once per draw (prepare once, evaluate many), and per
 * actor the NPV's percentiles, mean with its standard error, and the probability that it is
 * negative. Pure: the seed comes in, the draws come from src/stats' chunked designs, so the same
 * seed gives the same figures.
 */
import { evaluate, parameterSpec, type ModelDocument, type Prepared } from '../core/index.js';
import {
  moments, percentile, planDesign, prepareDistribution, probability, sortedCopy,
  type Estimate, type PreparedDistribution, type SamplingMethod,
} from '../stats/index.js';
import { eachSheet } from './profitability.js';

/** Why an assumption is held at its value rather than drawn. */
export type HeldReason =
  /** No `range`. */
  | 'no-range'
  /** Its value is an expression: the format does not say whether the range bounds it or a factor in it (issue 17 item 1). */
  | 'range-of-expression'
  /** Its range has no width ([10, 10]). */
  | 'range-without-width'
  /** Its value lies outside its own range, so no PERT has it as its mode. */
  | 'value-outside-range';

/**
 * An assumption drawn from PERT(min, mode, max). `period`: it sets a timing (it is compared with
 * the period `t`, as in `t == hackathon_month`), so each draw is rounded to a whole period: a
 * draw of 6.4 would otherwise never equal any period and have no effect.
 */
export interface SampledAssumption { parameter: string; min: number; mode: number; max: number; period: boolean }
export interface HeldAssumption { parameter: string; reason: HeldReason }

export interface RiskAssumptions { sampled: SampledAssumption[]; held: HeldAssumption[] }

/** Which parameters `--ranges` draws (PERT(min, value, max)) and which it holds, with the reason. */
export function riskAssumptions(doc: ModelDocument): RiskAssumptions {
  const timings = timingNames(doc);
  const sampled: SampledAssumption[] = [];
  const held: HeldAssumption[] = [];
  for (const [parameter, written] of Object.entries(doc.parameters ?? {})) {
    const { value, range } = parameterSpec(written);
    const reason = heldReason(value, range);
    if (reason) held.push({ parameter, reason });
    else sampled.push({ parameter, min: range![0], mode: value as number, max: range![1], period: timings.has(parameter) });
  }
  return { sampled, held };
}

function heldReason(value: number | string, range: readonly [number, number] | undefined): HeldReason | undefined {
  if (!range) return 'no-range';
  if (typeof value !== 'number') return 'range-of-expression';
  if (!(range[0] < range[1])) return 'range-without-width';
  if (value < range[0] || value > range[1]) return 'value-outside-range';
  return undefined;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/g;
const COMPARISON = /==|!=|<=|>=|<|>/;

/**
 * Every name that sets a timing: compared with the period `t` in any expression of the document
 * (the names on the other side of `t <= test_months + discount_months`). A cost's `at:` is a
 * number in the format, so no parameter reaches it. Read from the text of the expressions; a
 * name that reaches a comparison through another parameter is not followed.
 */
function timingNames(doc: ModelDocument): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (COMPARISON.test(node)) comparedWithPeriod(node).forEach((n) => names.add(n));
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(doc);
  return names;
}

/** The names compared with `t` in an expression: its comparisons are cut out at brackets, commas, and/or. */
function comparedWithPeriod(expression: string): string[] {
  const found: string[] = [];
  for (const piece of expression.split(/[(),]|\band\b|\bor\b|\bnot\b/)) {
    const sides = piece.split(COMPARISON);
    if (sides.length !== 2) continue;
    const words = sides.map((side): string[] => side.match(NAME) ?? []);
    if (words[0]!.includes('t')) found.push(...words[1]!.filter((w) => w !== 't'));
    if (words[1]!.includes('t')) found.push(...words[0]!.filter((w) => w !== 't'));
  }
  return found;
}

export interface RiskOptions {
  runs: number;
  seed: number;
  sampling: SamplingMethod;
}

export interface ActorRisk {
  actor: string;
  /** The NPV's 5th, 50th and 95th percentiles (numpy's default method). */
  percentiles: { p5: number; p50: number; p95: number };
  mean: Estimate;
  sd: number;
  /** The share of draws where the NPV is below zero, with its standard error. */
  lossProbability: Estimate;
}

export interface RiskResult {
  runs: number;
  seed: number;
  sampling: SamplingMethod;
  assumptions: RiskAssumptions;
  /** Draws the model refused (a figure out of range…); the estimates are over the others. */
  failed: number;
  /** The first refused draw's issue codes, to say why. */
  failure?: string[];
  actors: ActorRisk[];
}

/**
 * Runs the model `runs` times with its ranged assumptions drawn; with none, every draw is the
 * model as written (one evaluation suffices, but the figures are stated the same way).
 */
export function runRisk(prepared: Prepared, doc: ModelDocument, options: RiskOptions): RiskResult {
  const assumptions = riskAssumptions(doc);
  const distributions: PreparedDistribution[] = assumptions.sampled.map((a) => prepareDistribution({ kind: 'pert', min: a.min, mode: a.mode, max: a.max }));
  const actors = Object.keys(doc.actors);
  const npv = actors.map(() => new Float64Array(options.runs));
  const dimensions = Math.max(1, distributions.length);
  const design = planDesign({ method: options.sampling, dimensions, runs: options.runs, seed: options.seed });
  let kept = 0, failed = 0;
  let failure: string[] | undefined;
  let last: ReturnType<typeof evaluate>['ecosystem'];
  for (let c = 0; c < design.chunks; c++) {
    const rows = design.chunk(c);
    for (let i = 0; i < design.chunkRuns(c); i++) {
      const overrides = new Map(assumptions.sampled.map((a, j) => {
        const drawn = distributions[j]!.quantile(rows[i * dimensions + j]!);
        return [a.parameter, a.period ? Math.round(drawn) : drawn];
      }));
      const evaluation = evaluate(prepared, overrides, last ? { recycle: last } : {});
      if (!evaluation.ecosystem) {
        failed++;
        failure ??= evaluation.issues.map((i) => i.code);
        continue;
      }
      last = evaluation.ecosystem;
      eachSheet(last, (sheet) => sheet.npv).forEach((value, a) => (npv[a]![kept] = value));
      kept++;
    }
  }
  return {
    ...options, assumptions, failed, ...(failure ? { failure } : {}),
    actors: actors.map((actor, a) => actorRisk(actor, npv[a]!.subarray(0, kept))),
  };
}

function actorRisk(actor: string, values: Float64Array): ActorRisk {
  const sorted = sortedCopy(values);
  const { mean, sd } = moments(values);
  let losses = 0;
  for (const x of values) if (x < 0) losses++;
  return {
    actor,
    percentiles: { p5: percentile(sorted, 5), p50: percentile(sorted, 50), p95: percentile(sorted, 95) },
    mean,
    sd,
    lossProbability: probability(losses, values.length),
  };
}
