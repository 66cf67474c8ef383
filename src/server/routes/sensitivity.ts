/**
 * Which assumptions drive each actor's NPV, for a workspace model (symbiose sensitivity --json):
 * GET with the command's options as query parameters, or POST with them as a JSON body. The run
 * is synchronous and bounded as the command's (SENSITIVITY_RUNS); jobs with progress come later.
 */
import { z } from 'zod';
import { runSensitivity, SENSITIVITY_METHODS, SENSITIVITY_RUNS, type SensitivityMethod } from '../../analyses/index.js';
import type { Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { route, type Input, type Route } from '../route.js';
import { ErrorSchema } from '../schemas.js';
import { actorOf, analysisAnswer, shown } from './analyses.js';

const Options = {
  version: z.coerce.number().int().positive().optional().meta({ description: 'The version analysed (default the latest).' }),
  method: z.enum(SENSITIVITY_METHODS).optional().meta({ description: 'tornado (default), regression, morris or sobol.' }),
  runs: z.coerce.number().int().optional().meta({ description: 'Draws (regression), trajectories (morris) or base rows N (sobol); the tornado takes none.' }),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional().meta({ description: 'The seed of the design (default 1).' }),
  actor: z.string().min(1).optional().meta({ description: "Only this actor's NPV, by id or by name." }),
};
export const SensitivityQuery = z.object({
  ...Options,
  labels: z.enum(['true', 'false']).transform((v) => v === 'true').optional().meta({ description: 'Names shown with the English labels (as --labels).' }),
});
export const SensitivityBody = z.object({ ...Options, labels: z.boolean().optional().meta({ description: 'Names shown with the English labels (as --labels).' }) });
type SensitivityInput = z.infer<typeof SensitivityQuery>;

export function sensitivityRoutes(workspace: Workspace): Route[] {
  const path = '/api/models/:id/analyses/sensitivity';
  const summary = "The assumptions with a range ranked, per actor, by what they do to its NPV: tornado, regression, Morris or Sobol indices (symbiose sensitivity --json).";
  const answers = {
    200: { description: 'The ranking per actor, with the method’s figures and the assumptions held.', schema: z.unknown().meta({ description: 'As the CLI command prints with --json.' }) },
    404: { description: 'No such model or version.', schema: ErrorSchema },
    422: { description: 'The model has errors (located issues), an unknown actor, or runs the method does not take.', schema: ErrorSchema },
  };
  const handle = async (input: Input<unknown, unknown>, options: SensitivityInput): Promise<Response> => {
    const method: SensitivityMethod = options.method ?? 'tornado';
    const runs = checkedRuns(method, options.runs);
    const { ecosystem, prepared } = await shown(workspace, input.params.id!, options);
    const actors = options.actor === undefined ? undefined : [actorOf(ecosystem, input.params.id!, options.actor, input.locale)];
    const result = runSensitivity(prepared, ecosystem, { method, seed: options.seed ?? 1, ...(runs !== undefined ? { runs } : {}), ...(actors ? { actors } : {}) });
    return analysisAnswer(input, ecosystem, result);
  };
  return [
    route<SensitivityInput>({ method: 'get', path, summary, tag: 'analyses', query: SensitivityQuery, answers, handle: (input) => handle(input, input.query) }),
    route<Record<string, never>, SensitivityInput | undefined>({
      method: 'post', path, summary, tag: 'analyses', body: { json: SensitivityBody, optional: true }, answers, handle: (input) => handle(input, input.body ?? {}),
    }),
  ];
}

/** The runs as the method takes them: none for the tornado, within SENSITIVITY_RUNS for the others. */
function checkedRuns(method: SensitivityMethod, runs: number | undefined): number | undefined {
  if (runs === undefined) return undefined;
  const bounds = SENSITIVITY_RUNS[method];
  if (!bounds) throw new ApiError(422, 'invalid-request', 'usage.sensitivityRuns');
  if (runs < bounds.min || runs > bounds.max) throw new ApiError(422, 'invalid-request', 'usage.wholeNumber', { option: 'runs', min: bounds.min, max: bounds.max, value: runs });
  return runs;
}
