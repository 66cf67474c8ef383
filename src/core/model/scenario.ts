/**
 * Scenarios: the dependency paths of the e3value method (Gordijn & Akkermans 2003). A start
 * stimulus at an actor occurs `count` times per period (per member when the actor is a segment);
 * each occurrence runs the steps: a transaction (optionally `count` times: a cardinality), all of
 * a list (AND), or one branch of an OR whose fractions sum to 1.
 */
import { z } from 'zod';
import { DESCRIPTION, Id, LABEL, NAME, Quantity, type Expectation } from './common.js';

export interface StepObject {
  transaction?: string | undefined;
  count?: Quantity | undefined;
  and?: Step[] | undefined;
  or?: Branch[] | undefined;
}
export type Step = string | StepObject;
export interface Branch {
  fraction: Quantity;
  name?: string | undefined;
  steps: Step[];
}

const StepObject: z.ZodType<StepObject> = z.strictObject({
  transaction: Id.optional().meta({ description: 'A transaction that happens on this path.' }),
  count: Quantity.optional().meta({
    description: 'How many times the transaction happens per occurrence reaching it (a cardinality; default 1).',
  }),
  get and() {
    return z.array(Step).optional().meta({ description: 'Steps that all happen (AND fork).' });
  },
  get or() {
    return z
      .array(Branch)
      .min(2)
      .optional()
      .meta({ description: 'Exactly one branch happens, with the given fractions, which must sum to 1 (OR fork).' });
  },
});

export const Step: z.ZodType<Step> = z.union([Id, StepObject], { error: 'step' satisfies Expectation });

export const Branch: z.ZodType<Branch> = z.strictObject({
  fraction: Quantity.meta({ description: 'Share of the occurrences that take this branch (0 to 1).' }),
  name: z.string().optional(),
  steps: z.array(Step),
});

export const StartStimulus = z.strictObject({
  actor: Id.meta({ description: 'The actor with the need that starts the scenario.' }),
  count: Quantity.meta({
    description: 'Occurrences per period; for a segment, per member (multiplied by the segment size).',
  }),
});

export const Scenario = z.strictObject({
  name: NAME,
  label: LABEL,
  description: DESCRIPTION,
  start: StartStimulus,
  steps: z.array(Step).min(1).meta({ description: 'What happens at each occurrence of the start stimulus (all of them: AND).' }),
});
export type Scenario = z.infer<typeof Scenario>;
