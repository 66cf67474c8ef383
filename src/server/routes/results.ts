/**
 * The analysis results the workspace keeps (a risk run, a sensitivity ranking), each with the
 * model version and the settings it was run on: a model's list, newest first, and one result
 * whole. A result of an older version than the model's latest says so (`stale`), so a surface
 * shows it as of its version rather than as the model's present.
 */
import { z } from 'zod';
import { RESULT_KINDS, StoreError, type NewResult, type ResultSummary, type Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { route, type Route } from '../route.js';
import { ErrorSchema } from '../schemas.js';

const Settings = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const ResultSummarySchema = z.object({
  id: z.number().int(),
  model: z.string(),
  version: z.number().int().meta({ description: 'The version it was run on.' }),
  kind: z.enum(RESULT_KINDS),
  settings: Settings.meta({ description: 'What it was run with: runs, seed, sampling, ranges (risk); method, runs, seed, actor (sensitivity).' }),
  savedAt: z.string(),
  stale: z.boolean().meta({ description: 'True when it was run on an older version than the model’s latest.' }),
}).meta({ id: 'SavedResultSummary' });
const ResultsSchema = z.object({ model: z.string(), latest: z.number().int(), results: z.array(ResultSummarySchema) }).meta({ id: 'SavedResults' });
const SavedResultSchema = ResultSummarySchema.extend({
  latest: z.number().int(),
  result: z.unknown().meta({ description: 'As the job answered once done (the CLI command’s --json).' }),
}).meta({ id: 'SavedResult' });

export const ResultsQuery = z.object({ kind: z.enum(RESULT_KINDS).optional().meta({ description: 'Only the results of this analysis.' }) });
const ResultParams = z.object({ result: z.coerce.number().int().positive() });

/**
 * Keeps a finished job's result; the saved result's number, or undefined when the model or its
 * version went away while the job ran (the job's answer still stands, it is just not kept).
 */
export async function keepFinished(workspace: Workspace, input: NewResult): Promise<number | undefined> {
  try {
    return (await workspace.keepResult(input)).id;
  } catch (error) {
    if (error instanceof StoreError) return undefined;
    throw error;
  }
}

const withStale = (summary: ResultSummary, latest: number) => ({ ...summary, stale: summary.version < latest });

export function resultRoutes(workspace: Workspace): Route[] {
  return [
    route<z.infer<typeof ResultsQuery>>({
      method: 'get',
      path: '/api/models/:id/results',
      summary: 'The analysis results kept for a model (risk runs, sensitivity rankings), newest first, each with the version and settings it was run on.',
      tag: 'analyses',
      query: ResultsQuery,
      answers: { 200: { description: 'The saved results, without their figures.', schema: ResultsSchema }, 404: { description: 'No such model.', schema: ErrorSchema } },
      handle: async ({ c, params, query }) => {
        const id = params.id!;
        const [results, latest] = await Promise.all([workspace.results(id, query.kind), workspace.read(id)]);
        return c.json({ model: id, latest: latest.number, results: results.map((r) => withStale(r, latest.number)) }, 200);
      },
    }),
    route({
      method: 'get',
      path: '/api/models/:id/results/:result',
      summary: 'One saved analysis result whole, with the version it was run on and whether the model has moved on since.',
      tag: 'analyses',
      answers: { 200: { description: 'The saved result.', schema: SavedResultSchema }, 404: { description: 'No such model or saved result.', schema: ErrorSchema } },
      handle: async ({ c, params }) => {
        const number = ResultParams.safeParse(params);
        const id = params.id!;
        const latest = (await workspace.read(id)).number;
        if (!number.success) throw new ApiError(404, 'result-not-found', 'store.result-not-found', { model: id, result: params.result! });
        const saved = await workspace.result(id, number.data.result);
        return c.json({ ...withStale(saved, latest), latest, result: saved.result }, 200);
      },
    }),
  ];
}
