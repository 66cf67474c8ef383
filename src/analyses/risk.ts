/**
 * Which assumptions a risk run draws, and from what: a parameter's declared distribution, and
 * with `--ranges` a PERT around its value over every other declared range; the others are held,
 * each with its reason. The run itself is in risk-run.ts, its summary in risk-summary.ts.
 */
import { drawnDistribution, parameterSpec, prepare, timingParameters, type CompiledModel, type ModelDocument } from '../core/index.js';
import type { Distribution } from '../stats/index.js';

/** Why an assumption is held at its value rather than drawn. */
export type HeldReason =
  /** No `distribution` and no `range`. */
  | 'no-range'
  /** Its value is an expression: its range bounds the value it works out, and its inputs are drawn instead (format version 4). */
  | 'range-of-expression'
  /** Its range has no width ([10, 10]). */
  | 'range-without-width'
  /** Its value lies outside its own range, so no PERT has it as its mode. */
  | 'value-outside-range'
  /** An empirical distribution whose CSV column the surface did not read. */
  | 'empirical-unread';

/**
 * An assumption drawn from a distribution: the one the model declares, or (`--ranges`) a PERT
 * over its range around its value. `period`: it sets a timing (added to or subtracted from `t`
 * in a comparison, as in `t == hackathon_month`: core's timingParameters), so each draw is
 * rounded to a whole period: a draw of 6.4 would otherwise never equal any period and have no effect.
 */
export interface SampledAssumption { parameter: string; distribution: Distribution; period: boolean }
export interface HeldAssumption { parameter: string; reason: HeldReason }

export interface RiskAssumptions { sampled: SampledAssumption[]; held: HeldAssumption[] }

export interface AssumptionOptions {
  /** The compiled model, where the timings are found (compiled here when not given). */
  model?: CompiledModel;
  /** The numbers of empirical distributions, as the surface read them (prepared.columns). */
  columns?: ReadonlyMap<string, readonly number[]>;
}

/**
 * Which parameters a run draws and which it holds, with the reason: a declared distribution is
 * drawn as declared; any other number with a range from PERT(min, value, max) (`--ranges`).
 */
export function riskAssumptions(doc: ModelDocument, options: AssumptionOptions = {}): RiskAssumptions {
  const { model = prepare(doc).model, columns = new Map<string, readonly number[]>() } = options;
  const timings = timingParameters(model);
  const sampled: SampledAssumption[] = [];
  const held: HeldAssumption[] = [];
  for (const [parameter, written] of Object.entries(doc.parameters ?? {})) {
    const { value, range, distribution } = parameterSpec(written);
    const period = timings.has(parameter);
    if (distribution && typeof value === 'number') {
      const drawn = drawnDistribution(distribution, value, columns.get(parameter));
      if (drawn) sampled.push({ parameter, distribution: drawn, period });
      else held.push({ parameter, reason: 'empirical-unread' });
      continue;
    }
    const reason = heldReason(value, range);
    if (reason) held.push({ parameter, reason });
    else sampled.push({ parameter, distribution: { kind: 'pert', min: range![0], mode: value as number, max: range![1] }, period });
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

