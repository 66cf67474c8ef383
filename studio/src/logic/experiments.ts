/**
 * What the Experiments tab works out in the page, from the pure core: texts in the reader's
 * language and their edits, the records' change lists, the live design check and the results of
 * counts typed in (the same functions the API and the CLI call), and two risk histograms put on
 * one axis so they can be drawn together.
 */
import { conversionReport, planRecordedExperiment, type ConversionReport, type PlanFault, type RecordedPlan } from '../../../src/analyses/index.js';
import { textIn, type Change, type ModelDocument, type Text } from '../../../src/core/index.js';
import type { Locale } from '../../../src/i18n/index.js';

type Experiment = NonNullable<ModelDocument['experiments']>[string];

/** A record's text in the reader's language (the other one when it has only that). */
export function textOf(value: Text | undefined, locale: Locale): string {
  return value === undefined ? '' : (textIn(value, locale) ?? '');
}

/** The text with the reader's language set to `typed`: one string stays one string; a text per language keeps the other. */
export function withText(value: Text | undefined, typed: string, locale: Locale): Text {
  if (value === undefined || typeof value === 'string') return typed;
  return { ...value, [locale]: typed };
}

/** The change that writes a record of the experiment sections whole. */
export function updateRecord<K extends 'hypothesis' | 'testCard' | 'experiment' | 'learningCard'>(kind: K, id: string, record: unknown): Change {
  return { op: 'update', kind, id, record } as Change;
}

/** The variants of an experiment, the control first (as the analyses order them). */
export function orderedVariants(experiment: Experiment): [string, Experiment['variants'][string]][] {
  const entries = Object.entries(experiment.variants);
  const control = Math.max(0, entries.findIndex(([, v]) => v.control === true));
  return [entries[control]!, ...entries.filter((_, i) => i !== control)];
}

/** A rate typed as a percentage ("15", "15 %", "12,5") as a fraction; undefined unless in [0, 100]. */
export function percentOf(typed: string): number | undefined {
  const cleaned = typed.replace(/[%\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return undefined;
  const x = Number(cleaned);
  return Number.isFinite(x) && x >= 0 && x <= 100 ? x / 100 : undefined;
}

/** A whole number typed, or undefined. */
export function wholeOf(typed: string): number | undefined {
  const cleaned = typed.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(cleaned) ? Number(cleaned) : undefined;
}

/** The parameters the experiment's results inform: each variant's own, the control also the experiment's (as the drafted learning card calibrates them). */
export function informedParameters(experiment: Experiment): string[] {
  const [first, ...others] = orderedVariants(experiment);
  const names = [first?.[1].informs ?? experiment.informs, ...others.map(([, v]) => v.informs)].filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

/** What the planning of a recorded experiment reads: the experiment with the sizes as typed, its test card, the parameter its control informs. */
export interface PlanInput {
  readonly doc: ModelDocument;
  readonly experiment: string;
  readonly control: number | undefined;
  readonly variant: number | undefined;
}

/**
 * The part of the model planRecordedExperiment reads, with each group's planned size as typed
 * (an empty field is no planned size): small enough to send to the worker as the user types.
 */
export function planInput(doc: ModelDocument, id: string, planned: Record<string, number | undefined>, rates: { control: number | undefined; variant: number | undefined }): PlanInput {
  const record = doc.experiments![id]!;
  const variants = Object.fromEntries(
    Object.entries(record.variants).map(([v, r]) => {
      const { planned: _, ...rest } = r;
      return [v, planned[v] === undefined ? rest : { ...rest, planned: planned[v] }];
    }),
  );
  const card = doc.testCards?.[record.testCard];
  const parameters = Object.fromEntries(informedParameters(record).filter((p) => doc.parameters?.[p] !== undefined).map((p) => [p, doc.parameters![p]!]));
  const part = {
    experiments: { [id]: { ...record, variants } },
    ...(card ? { testCards: { [record.testCard]: card } } : {}),
    parameters,
  } as unknown as ModelDocument;
  return { doc: part, experiment: id, ...rates };
}

/** The plan of each variant against the control, from the record (planned sizes, the card's threshold and baseline) and the rates typed instead. */
export function recordedPlans(input: PlanInput): { plans?: RecordedPlan[]; fault?: PlanFault } {
  return planRecordedExperiment(input.doc, input.experiment, { ...(input.control !== undefined ? { control: input.control } : {}), ...(input.variant !== undefined ? { variant: input.variant } : {}) });
}

/** The results of the counts typed, when every group has counts that add up. */
export function resultsOf(counts: readonly { name: string; exposed: number | undefined; converted: number | undefined }[]): ConversionReport | undefined {
  if (counts.length < 2 || counts.some((c) => !c.exposed || c.converted === undefined || c.converted > c.exposed)) return undefined;
  return conversionReport(counts.map((c) => ({ name: c.name, counts: { successes: c.converted!, trials: c.exposed! } })));
}

export interface Histogram {
  edges: number[];
  bins: number[];
}

/**
 * Two histograms on one axis: the sorted union of their edges, and each one's share of draws per
 * unit of width over every interval between two edges (a density, so bins of different widths
 * compare), 0 outside its own range.
 */
export function sharedDensity(histograms: readonly Histogram[]): { x: number[]; densities: number[][] } {
  const edges = [...new Set(histograms.flatMap((h) => h.edges))].sort((a, b) => a - b);
  const x = edges.slice(0, -1).map((e, i) => (e + edges[i + 1]!) / 2);
  const densities = histograms.map((h) => {
    const total = h.bins.reduce((s, b) => s + b, 0) || 1;
    return x.map((at) => {
      const i = h.edges.findIndex((e, k) => k < h.bins.length && at >= e && at < h.edges[k + 1]!);
      return i < 0 ? 0 : h.bins[i]! / total / (h.edges[i + 1]! - h.edges[i]!);
    });
  });
  return { x, densities };
}
