/**
 * Fair shares of a workspace model (symbiose share --json): captured value beside Shapley and
 * Banzhaf values, the core verdict and concentration, with the command's options as parameters.
 */
import { z } from 'zod';
import { dataValue, failsAt, SEVERITIES, sustainabilityChecks, type FairShareOptions, type Severity } from '../../analyses/index.js';
import { fairShareOf, modelLoops } from '../../runtime/index.js';
import type { Workspace } from '../../store/index.js';
import { route, type Route } from '../route.js';
import { ErrorSchema } from '../schemas.js';
import { analysisAnswer, shown, ShownQuery } from './analyses.js';

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true').meta({ description: 'true or false.' });

export const ShareQuery = ShownQuery.extend({
  npv: Flag.optional().meta({ description: 'Discounted at the model rate (as --npv).' }),
  sample: Flag.optional().meta({ description: 'Also estimate the Shapley values from random orders (as --sample).' }),
  seed: z.coerce.number().int().optional().meta({ description: 'Seed of the random orders (default 1).' }),
  error: z.coerce.number().positive().optional().meta({ description: 'The largest error wanted on each sampled value (default 1 % of the value created).' }),
  bound: z.enum(['hoeffding', 'variance']).optional().meta({ description: 'The error bound of the sampled values (default variance).' }),
});
export type ShareQueryInput = z.infer<typeof ShareQuery>;

/** The query as the analysis takes it. */
export function shareOptions(query: ShareQueryInput): FairShareOptions {
  const options: FairShareOptions = { npv: query.npv === true };
  if (query.sample) options.sample = { seed: (query.seed ?? 1) | 0, ...(query.error !== undefined ? { error: query.error } : {}), ...(query.bound ? { bound: query.bound } : {}) };
  return options;
}

const Fraction = (description: string) => z.coerce.number().min(0).max(1).optional().meta({ description });

export const CheckQuery = ShownQuery.extend({
  failOn: z.enum(SEVERITIES as [Severity, ...Severity[]]).optional().meta({ description: 'The lowest severity that fails the check (default error), as --fail-on.' }),
  npv: Flag.optional().meta({ description: 'Discounted at the model rate (as --npv).' }),
  maxShare: Fraction('Capture: the largest share of the value created one actor may capture (default 0.5).'),
  maxGap: Fraction('Capture: how far above its Shapley value an actor may capture, as a share of the value created (default 0.25).'),
  failureShare: Fraction('The share of the value whose loss makes a collapse an error and an actor a single point of failure (default 0.5).'),
});
export type CheckQueryInput = z.infer<typeof CheckQuery>;

export const LoopsQuery = ShownQuery.extend({
  npv: Flag.optional().meta({ description: 'Discounted at the model rate (as --npv).' }),
  minLength: z.coerce.number().int().min(2).max(50).optional().meta({ description: 'The fewest actors in a cycle (default 3).' }),
  maxLength: z.coerce.number().int().min(2).max(50).optional().meta({ description: 'The most actors in a cycle (default 8).' }),
});
export type LoopsQueryInput = z.infer<typeof LoopsQuery>;

export const DataValueQuery = ShownQuery.extend({ npv: Flag.optional().meta({ description: 'Discounted at the model rate (as --npv).' }) });
export type DataValueQueryInput = z.infer<typeof DataValueQuery>;

export function shareRoutes(workspace: Workspace): Route[] {
  const answers = (description: string) => ({
    200: { description, schema: z.unknown().meta({ description: 'As the CLI command prints with --json.' }) },
    404: { description: 'No such model or version.', schema: ErrorSchema },
    422: { description: 'The model has errors (located issues), or an option cannot be used with it.', schema: ErrorSchema },
  });
  return [
    route<CheckQueryInput>({
      method: 'get',
      path: '/api/models/:id/analyses/check',
      summary: 'Sustainability checks: actors that lose and what collapses with them, personal data with nothing back, capture, single points of failure, subsidised sides (symbiose check --json).',
      tag: 'analyses',
      query: CheckQuery,
      answers: answers('The checks, their findings, and whether one at failOn or above failed.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        const { failOn = 'error', npv, maxShare, maxGap, failureShare } = input.query;
        const options = { npv: npv === true, ...(maxShare !== undefined ? { maxShare } : {}), ...(maxGap !== undefined ? { maxGap } : {}), ...(failureShare !== undefined ? { failureShare } : {}) };
        const shares = await fairShareOf(ecosystem, { npv: options.npv }, { signal: input.c.req.raw.signal });
        const result = sustainabilityChecks(ecosystem, options, shares);
        return analysisAnswer(input, ecosystem, { ...result, failOn, failed: failsAt(result, failOn) });
      },
    }),
    route<LoopsQueryInput>({
      method: 'get',
      path: '/api/models/:id/analyses/loops',
      summary:
        'The cycles of value in the graph, shortest first, with what goes along them and the value around each (cycles); with dynamics, their feedback loops with polarity and which dominates when over a run (feedback; null without dynamics) (symbiose loops --json).',
      tag: 'analyses',
      query: LoopsQuery,
      answers: answers('The cycles and the feedback loops.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        const { npv, minLength, maxLength } = input.query;
        return analysisAnswer(input, ecosystem, modelLoops(ecosystem, { npv: npv === true, ...(minLength !== undefined ? { minLength } : {}), ...(maxLength !== undefined ? { maxLength } : {}) }));
      },
    }),
    route<DataValueQueryInput>({
      method: 'get',
      path: '/api/models/:id/analyses/data-value',
      summary: 'The value of each data flow (lost when it stops, and what cascades) and the data-dependent value shared among the data sources (symbiose data-value --json).',
      tag: 'analyses',
      query: DataValueQuery,
      answers: answers('The data flows and the sources.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        return analysisAnswer(input, ecosystem, dataValue(ecosystem, { npv: input.query.npv === true }));
      },
    }),
    route<ShareQueryInput>({
      method: 'get',
      path: '/api/models/:id/analyses/share',
      summary: "Each actor's fair share: captured value, Shapley and Banzhaf values, the core verdict, concentration (symbiose share --json).",
      tag: 'analyses',
      query: ShareQuery,
      answers: answers('The fair shares.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        return analysisAnswer(input, ecosystem, await fairShareOf(ecosystem, shareOptions(input.query), { signal: input.c.req.raw.signal }));
      },
    }),
  ];
}
