/**
 * Calibrating a model's parameter on an experiment it records: the counts of one variant (the
 * control unless named) update the distribution of the parameter the variant informs, else the
 * one the experiment informs (or the one named). The prior is the parameter's declared distribution, or, with only a range, the
 * PERT(min, value, max) that risk draws it from; the calibrated record carries the posterior as
 * its distribution, its mean as the value, as the range the interval its draws stay in (a Beta's
 * central 99.9 %), and in
 * `calibrated` which experiment, variant and counts produced it (and whether they are invented).
 * Pure: the document in, the calibration and the change to the model (core/edit) out.
 */
import { drawnDistribution, parameterSpec, type Change, type Distribution as ModelDistribution, type ModelDocument, type Parameter } from '../core/index.js';

type UpdateRecord = Extract<Change, { op: 'update'; kind: 'parameter' }>;
import { betaQuantile, calibrateRate, type Calibration, type Distribution } from '../stats/index.js';

export type CalibrationFault =
  | { code: 'unknown-experiment'; experiment: string; known: string[] }
  | { code: 'unknown-variant'; experiment: string; variant: string; known: string[] }
  | { code: 'no-counts'; experiment: string; variant: string }
  | { code: 'no-parameter'; experiment: string }
  | { code: 'unknown-parameter'; parameter: string }
  | { code: 'no-prior'; parameter: string }
  | { code: 'not-a-rate'; parameter: string };

export interface ModelCalibration {
  readonly experiment: string;
  readonly variant: string;
  readonly parameter: string;
  readonly invented: boolean;
  readonly calibration: Calibration;
  /** The change that writes the calibrated parameter into the model. */
  readonly change: UpdateRecord;
}

const round = (x: number) => Number(x.toPrecision(4));

/** The model format's form of a posterior (discrete weights are its probabilities). */
function modelForm(d: Distribution): ModelDistribution {
  return (d.kind === 'discrete' ? { kind: 'discrete', values: [...d.values], probabilities: [...d.weights] } : d) as ModelDistribution;
}

/** The interval the posterior's draws stay in: a discrete one's values, a Beta's central 99.9 % (rounded outward). */
function drawRange(d: Distribution): [number, number] {
  if (d.kind === 'discrete') return [Math.min(...d.values), Math.max(...d.values)];
  if (d.kind !== 'beta') throw new RangeError(`a calibrated rate is discrete or Beta, not ${d.kind}`);
  const down = (x: number) => Math.floor(x * 1e4) / 1e4;
  const up = (x: number) => Math.ceil(x * 1e4) / 1e4;
  return [down(betaQuantile(0.0005, d.alpha, d.beta)), up(betaQuantile(0.9995, d.alpha, d.beta))];
}

export function calibrateParameter(
  doc: ModelDocument,
  ids: { experiment: string; variant?: string; parameter?: string },
  level = 0.95,
): { result?: ModelCalibration; fault?: CalibrationFault } {
  const experiments = doc.experiments ?? {};
  const record = experiments[ids.experiment];
  if (!record) return { fault: { code: 'unknown-experiment', experiment: ids.experiment, known: Object.keys(experiments) } };
  const entries = Object.entries(record.variants);
  const variantId = ids.variant ?? (entries.find(([, v]) => v.control === true) ?? entries[0]!)[0];
  const variant = record.variants[variantId];
  if (!variant) return { fault: { code: 'unknown-variant', experiment: ids.experiment, variant: variantId, known: entries.map(([id]) => id) } };
  if (!variant.observed) return { fault: { code: 'no-counts', experiment: ids.experiment, variant: variantId } };
  const name = ids.parameter ?? variant.informs ?? record.informs;
  if (name === undefined) return { fault: { code: 'no-parameter', experiment: ids.experiment } };
  const written = doc.parameters?.[name];
  if (written === undefined) return { fault: { code: 'unknown-parameter', parameter: name } };
  const spec = parameterSpec(written);
  if (typeof spec.value !== 'number' || spec.value < 0 || spec.value > 1) return { fault: { code: 'not-a-rate', parameter: name } };
  const declared = spec.distribution ? drawnDistribution(spec.distribution, spec.value) : undefined;
  const prior = (declared ?? (spec.range ? { kind: 'pert', min: spec.range[0], mode: spec.value, max: spec.range[1] } : undefined)) as Distribution | undefined;
  if (!prior) return { fault: { code: 'no-prior', parameter: name } };
  const counts = { successes: variant.observed.converted, trials: variant.observed.exposed };
  const calibration = calibrateRate(prior, counts, level);
  const invented = variant.observed.invented === true;
  const s = calibration.posteriorSummary;
  const note = `${counts.successes}/${counts.trials}`;
  const calibrated = {
    fr: `mis à jour sur l'expérience ${ids.experiment}, variante ${variantId} : ${note}${invented ? ' (comptes inventés, pour illustrer)' : ''}`,
    en: `updated on experiment ${ids.experiment}, variant ${variantId}: ${note}${invented ? ' (invented counts, for illustration)' : ''}`,
  };
  const base = typeof written === 'object' ? written : {};
  const updated = { ...base, value: round(s.mean), range: drawRange(calibration.posterior), distribution: modelForm(calibration.posterior), calibrated } as Parameter;
  return { result: { experiment: ids.experiment, variant: variantId, parameter: name, invented, calibration, change: { op: 'update', kind: 'parameter', id: name, record: updated } } };
}
