/**
 * Planning an experiment the model records, before it runs: each variant against the control,
 * with the groups the variants plan (`planned`) and the rates the test card names. The variant's
 * rate is the card's `threshold` (the criterion as a number: the rate a variant must reach for the
 * card to be right); the control's is the card's `baseline`, else the value of the parameter the
 * control informs (the model's current assumption), when that value is a rate. Each can be given
 * instead (a surface's options), and the planned sizes too. The design check itself is
 * checkExperimentDesign's: power by three methods, the sample each would need, the smallest effect
 * the groups detect, and whether the design can answer the card. Pure.
 */
import { parameterSpec, type ModelDocument } from '../core/index.js';
import { checkExperimentDesign, type DesignCheck, type PlannedRates } from '../stats/index.js';
import { chooseExperiment } from './experiment-records.js';

export type PlanFault =
  | { code: 'no-experiments' }
  | { code: 'unknown-experiment'; experiment: string; known: string[] }
  | { code: 'no-planned'; experiment: string; variant: string }
  | { code: 'no-threshold'; experiment: string; testCard: string }
  | { code: 'no-baseline'; experiment: string; testCard: string; parameter?: string }
  | { code: 'same-rates'; experiment: string; rate: number };

/** Where each planned rate came from. */
export type RateSource = 'given' | 'threshold' | 'baseline' | 'parameter';

export interface RecordedPlan {
  readonly experiment: string;
  readonly testCard: string;
  /** The control's id and the compared variant's. */
  readonly control: string;
  readonly variant: string;
  readonly rates: PlannedRates;
  readonly controlFrom: RateSource;
  readonly variantFrom: RateSource;
  /** The parameter whose value gave the control's rate, when it did. */
  readonly controlParameter?: string;
  readonly trialsFrom: 'planned' | 'given';
  readonly check: DesignCheck;
}

export interface PlanOverrides {
  readonly control?: number;
  readonly variant?: number;
  /** Trials of the control and of each variant, instead of the planned sizes. */
  readonly trials?: readonly [number, number];
  readonly alpha?: number;
  readonly targetPower?: number;
}

/** The value of a parameter when it is a rate written as a number (or with a number value). */
function rateOf(doc: ModelDocument, name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  const written = doc.parameters?.[name];
  if (written === undefined) return undefined;
  const value = parameterSpec(written).value;
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined;
}

/** Every variant of the experiment against its control (the one experiment when `id` is not given and there is one). */
export function planRecordedExperiment(doc: ModelDocument, id: string | undefined, overrides: PlanOverrides = {}): { plans?: RecordedPlan[]; fault?: PlanFault } {
  const found = chooseExperiment(doc, id);
  if (found.fault) return { fault: found.fault };
  const { chosen, record } = found;
  const card = doc.testCards?.[record.testCard];
  const entries = Object.entries(record.variants);
  const controlAt = Math.max(0, entries.findIndex(([, v]) => v.control === true));
  const [controlId, control] = entries[controlAt]!;
  const others = entries.filter((_, i) => i !== controlAt);

  const variantRate = overrides.variant ?? card?.threshold;
  if (variantRate === undefined) return { fault: { code: 'no-threshold', experiment: chosen, testCard: record.testCard } };
  const controlParameter = control.informs ?? record.informs;
  const fromParameter = card?.baseline === undefined ? rateOf(doc, controlParameter) : undefined;
  const controlRate = overrides.control ?? card?.baseline ?? fromParameter;
  if (controlRate === undefined) {
    return { fault: { code: 'no-baseline', experiment: chosen, testCard: record.testCard, ...(controlParameter ? { parameter: controlParameter } : {}) } };
  }
  if (controlRate === variantRate) return { fault: { code: 'same-rates', experiment: chosen, rate: controlRate } };
  const controlFrom: RateSource = overrides.control !== undefined ? 'given' : card?.baseline !== undefined ? 'baseline' : 'parameter';
  const rates = { control: controlRate, variant: variantRate };

  const plans: RecordedPlan[] = [];
  for (const [variantId, variant] of others) {
    let trials = overrides.trials;
    if (!trials) {
      const missing = control.planned === undefined ? controlId : variant.planned === undefined ? variantId : undefined;
      if (missing !== undefined) return { fault: { code: 'no-planned', experiment: chosen, variant: missing } };
      trials = [control.planned!, variant.planned!];
    }
    const [trialsA, trialsB] = trials;
    if (!(trialsA >= 1 && trialsB >= 1)) return { fault: { code: 'no-planned', experiment: chosen, variant: trialsA >= 1 ? variantId : controlId } };
    plans.push({
      experiment: chosen,
      testCard: record.testCard,
      control: controlId,
      variant: variantId,
      rates,
      controlFrom,
      variantFrom: overrides.variant !== undefined ? 'given' : 'threshold',
      ...(controlFrom === 'parameter' && controlParameter ? { controlParameter } : {}),
      trialsFrom: overrides.trials ? 'given' : 'planned',
      check: checkExperimentDesign(rates, trialsA, trialsB, {
        ...(overrides.alpha !== undefined ? { alpha: overrides.alpha } : {}),
        ...(overrides.targetPower !== undefined ? { targetPower: overrides.targetPower } : {}),
      }),
    });
  }
  return { plans };
}
