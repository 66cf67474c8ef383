/**
 * Fair shares of a workspace model (symbiose share --json): captured value beside Shapley and
 * Banzhaf values, the core verdict and concentration, with the command's options as parameters.
 */
import { z } from 'zod';
import type { FairShareOptions } from '../../analyses/index.js';
import { fairShareOf } from '../../runtime/index.js';
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

export function shareRoutes(workspace: Workspace): Route[] {
  return [
    route<ShareQueryInput>({
      method: 'get',
      path: '/api/models/:id/analyses/share',
      summary: "Each actor's fair share: captured value, Shapley and Banzhaf values, the core verdict, concentration (symbiose share --json).",
      tag: 'analyses',
      query: ShareQuery,
      answers: {
        200: { description: 'The fair shares.', schema: z.unknown().meta({ description: 'As the CLI command prints with --json.' }) },
        404: { description: 'No such model or version.', schema: ErrorSchema },
        422: { description: 'The model has errors (located issues), or an option cannot be used with it.', schema: ErrorSchema },
      },
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        return analysisAnswer(input, ecosystem, await fairShareOf(ecosystem, shareOptions(input.query), { signal: input.c.req.raw.signal }));
      },
    }),
  ];
}
