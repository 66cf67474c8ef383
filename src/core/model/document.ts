/**
 * The model document: one ecosystem. Each section is a map from id to record, so files diff well
 * and ids read naturally in references. `symbiose` is the format version, present from day one so
 * later formats can migrate older files (core/migrate: version 2 added actor positions, 3 texts
 * in two languages, 4 distributions, correlations, experiment records and segment members).
 */
import { z } from 'zod';
import { Actor } from './actor.js';
import { DESCRIPTION, Id, LABEL, type Expectation } from './common.js';
import { Correlations } from './distribution.js';
import { Dynamics } from './dynamics.js';
import { Experiment, Hypothesis, LearningCard, TestCard } from './experiment.js';
import { Variant } from './variant.js';
import { Parameter, PARAMETER_NAME } from './parameter.js';
import { Scenario } from './scenario.js';
import { Transaction } from './transaction.js';
import { ValueObject } from './value-object.js';
import { LIMITS } from '../limits.js';

/** The format this code reads and writes; older files are migrated on load (core/migrate). */
export const FORMAT_VERSION = 4;
/** Every format version there has been, oldest first. */
export const FORMAT_VERSIONS = [1, 2, 3, 4] as const;

export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** How many periods of each kind a year has, to turn the annual discount rate into a per-period one. */
export const PERIODS_PER_YEAR: Record<Period, number> = { day: 365, week: 52, month: 12, quarter: 4, year: 1 };

/**
 * The rate that discounts cash flows for NPV: a yearly rate (0.08 = 8 %), or a number or an
 * expression of numbers with the period it is given for: `{ value: 0.01, per: month }`, or
 * `"1.01^12 - 1"`, a yearly rate worked out from a monthly one. It reads no parameter: a rate
 * is a property of the appraisal, fixed before any figure is drawn. Default 0.
 */
export const DiscountRate = z
  .union([
    z.number().min(0).max(10),
    z.string().min(1),
    z.strictObject({
      value: z.union([z.number().min(0).max(10), z.string().min(1)], { error: 'quantity' satisfies Expectation }),
      per: z.enum(PERIODS).meta({ description: 'The period the rate is given for: day, week, month, quarter or year.' }),
    }),
  ])
  .meta({ description: 'Discount rate for NPV: a yearly rate (0.08 = 8 %), an expression of numbers ("1.01^12 - 1"), or { value, per } for a rate per month, quarter…; default 0.' });
export type DiscountRate = z.infer<typeof DiscountRate>;

/** The scalar settings at the top of a document. */
export const Header = z.strictObject({
  $schema: z.string().optional().meta({ description: 'JSON Schema reference, for editors.' }),
  symbiose: z.literal(FORMAT_VERSION).meta({ description: 'Format version of this document.' }),
  name: z.string().min(1),
  label: LABEL,
  description: DESCRIPTION,
  sources: z.array(z.string()).optional().meta({ description: 'Documents the model is built from.' }),
  tags: z.array(z.string()).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency-code' satisfies Expectation }),
  period: z.enum(PERIODS).meta({ description: 'The length of one period.' }),
  horizon: z.number().int().min(1).max(LIMITS.horizon).meta({ description: 'Number of periods analysed.' }),
  discountRate: DiscountRate.optional(),
  dynamics: Dynamics.optional().meta({
    description: 'A system-dynamics model whose variables model quantities can read, period by period.',
  }),
});

/**
 * The blocks checked on their own beside the header, so that a fault in one hides neither the
 * header nor the records: the rank correlations.
 */
export const BLOCKS = {
  correlations: Correlations,
} as const;
export type BlockName = keyof typeof BLOCKS;

/** The sections that map ids to records, with the schema of one record each. */
export const SECTIONS = {
  parameters: Parameter,
  actors: Actor,
  valueObjects: ValueObject,
  transactions: Transaction,
  scenarios: Scenario,
  variants: Variant,
  hypotheses: Hypothesis,
  testCards: TestCard,
  experiments: Experiment,
  learningCards: LearningCard,
} as const;
export type SectionName = keyof typeof SECTIONS;

export const ModelDocument = Header.extend({
  parameters: z
    .record(z.string().regex(PARAMETER_NAME, { error: 'parameter-name' satisfies Expectation }), Parameter)
    .optional(),
  actors: z.record(Id, Actor),
  valueObjects: z.record(Id, ValueObject),
  transactions: z.record(Id, Transaction),
  scenarios: z.record(Id, Scenario).optional(),
  variants: z.record(Id, Variant).optional().meta({ description: 'Alternatives to compare: parameter values that change.' }),
  correlations: Correlations.optional(),
  hypotheses: z.record(Id, Hypothesis).optional().meta({ description: 'What must be true for the model to work (format version 4).' }),
  testCards: z.record(Id, TestCard).optional().meta({ description: 'How each hypothesis is to be tested (format version 4).' }),
  experiments: z.record(Id, Experiment).optional().meta({ description: 'Tests run on groups, with their variants and counts (format version 4).' }),
  learningCards: z.record(Id, LearningCard).optional().meta({ description: 'What an experiment taught, and what changes (format version 4).' }),
});
export type ModelDocument = z.infer<typeof ModelDocument>;

/** The JSON Schema of the format, generated from the same definitions as the validator. */
export function modelJsonSchema(): Record<string, unknown> {
  // Editors check files as written, so an older version still present in files is accepted there
  // (it is migrated on load).
  const written = ModelDocument.extend({
    symbiose: z.literal(FORMAT_VERSIONS).meta({
      description: `Format version of this document: ${FORMAT_VERSION}, the current one; older versions are read and migrated (\`symbiose migrate\` upgrades a file).`,
    }),
  });
  const schema = z.toJSONSchema(written, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $id: 'https://symbiose.dev/schema/symbiose.schema.json',
    title: 'Symbiose ecosystem model',
    ...schema,
  };
}

/** Every field name the format defines, for "did you mean" on unknown keys. */
export const FIELD_NAMES: readonly string[] = [
  ...new Set([
    ...Object.keys(Header.shape),
    ...Object.keys(SECTIONS),
    ...['name', 'label', 'kind', 'description', 'size', 'activities', 'resources', 'relationship', 'costs', 'position', 'x', 'y'],
    ...['fixed', 'variable', 'per', 'investment', 'at', 'source', 'assumption', 'range', 'value', 'unit'],
    ...['nature', 'personal', 'currency', 'valuation', 'channel', 'reciprocal', 'financing', 'transfers', 'from', 'to', 'object', 'amount'],
    ...['start', 'actor', 'count', 'steps', 'transaction', 'and', 'or', 'fraction', 'set'],
    ...['stop', 'dt', 'method', 'dimensions', 'stocks', 'flows', 'variables', 'initial', 'inflows', 'outflows'],
    ...['distribution', 'min', 'max', 'mode', 'shape', 'mean', 'sd', 'mu', 'sigma', 'alpha', 'beta', 'values', 'probabilities', 'file', 'column'],
    ...['between', 'rank', 'parameters', 'matrix', 'members', 'quote', 'basis', 'calibrated'],
    ...['statement', 'importance', 'evidence', 'evidenceNotes', 'hypothesis', 'believe', 'verify', 'measure', 'criterion', 'testCard', 'informs'],
    ...['valueProposition', 'offer', 'price', 'callToAction', 'control', 'planned', 'observed', 'exposed', 'converted', 'invented'],
    ...['experiment', 'believed', 'learned', 'decision', 'modelVersion'],
    ...['nonNegative', 'equation', 'elements', 'gf', 'points', 'xscale', 'ys', 'type', 'units', 'doc', 'nonNegativeStocks', 'nonNegativeFlows', 'timeUnits'],
  ]),
];
