/**
 * Experiment records (format version 4): the method of seed 003's workshop, from hypothesis to
 * what was learnt. Hypotheses on desirability, feasibility or viability ("En veulent-ils ?
 * Peut-on le faire ? Est-ce viable ?"); test cards ("Nous pensons que… Pour le vérifier, nous
 * allons… Et mesurer… Nous aurons raison si…"); experiments, with variants shown to groups and
 * the counts observed; learning cards ("Nous pensions… Nous avons observé… Nous avons appris…
 * Nous allons donc…"). Each text is one string or one per language. check-experiments.ts checks
 * the references between them and the counts.
 */
import { z } from 'zod';
import { DESCRIPTION, Id, LABEL, NAME, Text } from './common.js';

/** Provenance of a record taken from a source: the citation and the source's own words. */
const Cited = {
  source: z.string().optional().meta({ description: 'The document, section or slide the record comes from.' }),
  quote: z.string().optional().meta({ description: 'The source\'s own words, as written.' }),
};

export const HYPOTHESIS_KINDS = ['desirability', 'feasibility', 'viability'] as const;
export type HypothesisKind = (typeof HYPOTHESIS_KINDS)[number];
export const IMPORTANCE_LEVELS = ['low', 'medium', 'high'] as const;
export const EVIDENCE_LEVELS = ['none', 'weak', 'moderate', 'strong'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** A conversion rate, from 0 to 1. */
const Rate = z.number().min(0).max(1);

const ParameterList = z.array(z.string().min(1)).meta({ description: 'Parameters of the model whose value the record bears on.' });

export const Hypothesis = z.strictObject({
  name: NAME,
  label: LABEL,
  kind: z.enum(HYPOTHESIS_KINDS).meta({ description: 'desirability (do they want it?), feasibility (can we do it?) or viability (should we?).' }),
  statement: Text.meta({ description: 'What must be true for the business model to work.' }),
  importance: z.enum(IMPORTANCE_LEVELS).optional().meta({ description: 'How much the model depends on it: low, medium or high.' }),
  evidence: z.enum(EVIDENCE_LEVELS).optional().meta({ description: 'The evidence so far: none (the default), weak, moderate or strong.' }),
  evidenceNotes: Text.optional().meta({ description: 'What the evidence so far is.' }),
  parameters: ParameterList.optional(),
  description: DESCRIPTION,
  ...Cited,
});
export type Hypothesis = z.infer<typeof Hypothesis>;

export const TestCard = z.strictObject({
  name: NAME,
  hypothesis: Id.meta({ description: 'The hypothesis the card tests.' }),
  believe: Text.meta({ description: '"Nous pensons que…" (we believe that…).' }),
  verify: Text.meta({ description: '"Pour le vérifier, nous allons…" (to verify that, we will…).' }),
  measure: Text.meta({ description: '"Et mesurer…" (and measure…).' }),
  criterion: Text.optional().meta({ description: '"Nous aurons raison si…" (we are right if…).' }),
  threshold: Rate.optional().meta({ description: 'The criterion as a number: the conversion rate a variant must reach for the card to be right (0.15 for 15 %). Planning reads it.' }),
  baseline: Rate.optional().meta({ description: 'The rate expected without the change (the control\'s); when absent, planning reads the value of the parameter the control informs.' }),
  description: DESCRIPTION,
  ...Cited,
});
export type TestCard = z.infer<typeof TestCard>;

const Count = z.number().int().nonnegative();

/** What a group of an experiment was shown, how many it was planned to hold, and what it did. */
export const ExperimentVariant = z.strictObject({
  name: NAME,
  label: LABEL,
  valueProposition: Text.optional().meta({ description: 'The value proposition the group is shown.' }),
  offer: Text.optional().meta({ description: 'The offer.' }),
  price: Text.optional().meta({ description: 'The price, as the offer states it.' }),
  callToAction: Text.optional().meta({ description: 'What the group is asked to do.' }),
  control: z.boolean().optional().meta({ description: 'true for the variant the others are compared with (default: the first).' }),
  planned: Count.optional().meta({ description: 'The planned sample size: people the variant is shown to.' }),
  informs: z.string().min(1).optional().meta({ description: "The parameter this variant's measured rate informs (default: the experiment's)." }),
  observed: z
    .strictObject({
      exposed: Count.meta({ description: 'People the variant was shown to.' }),
      converted: Count.meta({ description: 'Of them, those who did what the measure counts.' }),
      invented: z.boolean().optional().meta({ description: 'true when the counts are illustrative, not observed.' }),
    })
    .optional()
    .meta({ description: 'The counts observed: converted out of exposed.' }),
  description: DESCRIPTION,
  ...Cited,
});
export type ExperimentVariant = z.infer<typeof ExperimentVariant>;

export const Experiment = z.strictObject({
  name: NAME,
  label: LABEL,
  testCard: Id.meta({ description: 'The test card the experiment carries out.' }),
  measure: Text.meta({ description: 'What is counted in each group (a conversion: downloads, sign-ups…).' }),
  informs: z.string().min(1).optional().meta({ description: 'The parameter whose value the measured rate informs.' }),
  variants: z.record(Id, ExperimentVariant).meta({ description: 'The groups, each shown one variant, by id (at least two).' }),
  description: DESCRIPTION,
  ...Cited,
});
export type Experiment = z.infer<typeof Experiment>;

/** A distribution in three numbers: its mean and a central interval. */
const Summary = z.strictObject({
  mean: z.number(),
  low: z.number(),
  high: z.number(),
  level: z.number().gt(0).lt(1).optional().meta({ description: 'The level of the interval (0.95 unless given).' }),
});

export const LearningCard = z.strictObject({
  name: NAME,
  hypothesis: Id.optional().meta({ description: 'The hypothesis learnt about.' }),
  experiment: Id.optional().meta({ description: 'The experiment whose results taught it.' }),
  believed: Text.meta({ description: '"Nous pensions…" (we believed that…).' }),
  observed: Text.meta({ description: '"Nous avons observé…" (we observed…).' }),
  learned: Text.meta({ description: '"Nous avons appris…" (from that we learned…).' }),
  decision: Text.meta({ description: '"Nous allons donc…" (therefore we will…).' }),
  modelVersion: z
    .union([z.number().int().positive(), z.string().min(1)])
    .optional()
    .meta({ description: 'The version of the model this learning produced (a workspace version, or a tag).' }),
  calibrated: z
    .array(
      z.strictObject({
        parameter: z.string().min(1).meta({ description: 'The parameter the results updated.' }),
        variant: Id.optional().meta({ description: 'The variant whose counts updated it.' }),
        before: Summary.meta({ description: "The parameter's distribution before the results." }),
        after: Summary.meta({ description: 'Its distribution after them.' }),
      }),
    )
    .optional()
    .meta({ description: 'The change to the model this learning produced: each parameter the results updated, before and after.' }),
  description: DESCRIPTION,
  ...Cited,
});
export type LearningCard = z.infer<typeof LearningCard>;
