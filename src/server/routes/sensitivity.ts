/**
 * Which assumptions drive each actor's NPV, for a workspace model (symbiose sensitivity --json),
 * two ways with the same options and the same answer:
 * - GET with the command's options as query parameters, or POST with them as a JSON body, at
 *   /api/models/:id/analyses/sensitivity: synchronous, bounded as the command's (SENSITIVITY_RUNS),
 *   for scripts and quick tornadoes;
 * - POST /api/models/:id/sensitivity: a job (jobs.ts) run on a worker thread, read at
 *   /api/jobs/:job for its progress (evaluations made of those planned) and then its result,
 *   stopped by DELETE; once done, the result is kept with its version and settings (results.ts).
 */
import { z } from 'zod';
import { DEFAULT_SENSITIVITY_RUNS, roundFigures, runSensitivity, SENSITIVITY_METHODS, SENSITIVITY_RUNS, withLabels, withNames, type SensitivityMethod } from '../../analyses/index.js';
import { issue } from '../../core/index.js';
import { sensitivityInWorker } from '../../runtime/index.js';
import type { Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import type { Jobs } from '../jobs.js';
import { route, type Input, type Route } from '../route.js';
import { ErrorSchema } from '../schemas.js';
import { actorOf, analysisAnswer, loadVersion } from './analyses.js';
import { refuseUnreadColumns } from './empirical.js';
import { keepFinished } from './results.js';
import { JobSchema } from './risk.js';

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
/** The job's body: the same options as JSON, with nothing else (a misspelt option is named). */
export const SensitivityJobBody = SensitivityBody.extend({
  runs: z.number().int().optional().meta({ description: Options.runs.description ?? '' }),
  version: z.number().int().positive().optional().meta({ description: 'The version analysed (default the latest).' }),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional().meta({ description: 'The seed of the design (default 1).' }),
}).strict();
type SensitivityJobInput = z.infer<typeof SensitivityJobBody>;

export interface SensitivityRouteOptions {
  /** The compiled sensitivity worker (tests running the TypeScript sources give dist's). */
  script?: URL;
}

export function sensitivityRoutes(workspace: Workspace, jobs?: Jobs, routeOptions: SensitivityRouteOptions = {}): Route[] {
  const path = '/api/models/:id/analyses/sensitivity';
  const summary = "The assumptions with a range ranked, per actor, by what they do to its NPV: tornado, regression, Morris or Sobol indices (symbiose sensitivity --json).";
  const answers = {
    200: { description: 'The ranking per actor, with the method’s figures and the assumptions held.', schema: z.unknown().meta({ description: 'As the CLI command prints with --json.' }) },
    404: { description: 'No such model or version.', schema: ErrorSchema },
    422: { description: 'The model has errors (located issues), draws a parameter from a CSV column the server cannot read (located), an unknown actor, or runs the method does not take.', schema: ErrorSchema },
  };
  const handle = async (input: Input<unknown, unknown>, options: SensitivityInput): Promise<Response> => {
    const method: SensitivityMethod = options.method ?? 'tornado';
    const runs = checkedRuns(method, options.runs);
    const version = await workspace.read(input.params.id!, options.version);
    const loaded = loadVersion(version);
    refuseUnreadColumns(loaded.ecosystem, version);
    const { prepared } = loaded;
    const ecosystem = options.labels ? withLabels(loaded.ecosystem) : loaded.ecosystem;
    const actors = options.actor === undefined ? undefined : [actorOf(ecosystem, input.params.id!, options.actor, input.locale)];
    const result = runSensitivity(prepared, ecosystem, { method, seed: options.seed ?? 1, ...(runs !== undefined ? { runs } : {}), ...(actors ? { actors } : {}) });
    return analysisAnswer(input, ecosystem, result);
  };
  const synchronous = [
    route<SensitivityInput>({ method: 'get', path, summary, tag: 'analyses', query: SensitivityQuery, answers, handle: (input) => handle(input, input.query) }),
    route<Record<string, never>, SensitivityInput | undefined>({
      method: 'post', path, summary, tag: 'analyses', body: { json: SensitivityBody, optional: true }, answers, handle: (input) => handle(input, input.body ?? {}),
    }),
  ];
  if (!jobs) return synchronous;
  const job = route<Record<string, never>, SensitivityJobInput | undefined>({
    method: 'post',
    path: '/api/models/:id/sensitivity',
    summary: 'Starts a sensitivity run (symbiose sensitivity: tornado, regression, Morris or Sobol) as a job on a worker thread; answers the job at once. Its result, once done, is what the synchronous route answers, kept with the version and settings.',
    tag: 'analyses',
    body: { json: SensitivityJobBody, optional: true },
    answers: {
      202: { description: 'The job, running: read it at /api/jobs/{job}, stop it by DELETE.', schema: JobSchema },
      404: { description: 'No such model or version.', schema: ErrorSchema },
      422: { description: 'The model has errors (located issues), draws a parameter from a CSV column the server cannot read (located), an unknown actor, runs the method does not take (located), or an unknown option.', schema: ErrorSchema },
    },
    handle: async (input) => {
      const options = input.body ?? {};
      const method: SensitivityMethod = options.method ?? 'tornado';
      const runs = checkedRuns(method, options.runs);
      const version = await workspace.read(input.params.id!, options.version);
      const { ecosystem } = loadVersion(version);
      refuseUnreadColumns(ecosystem, version);
      const actor = options.actor === undefined ? undefined : actorOf(ecosystem, version.model, options.actor, input.locale);
      const seed = options.seed ?? 1;
      const run = { method, seed, ...(runs !== undefined ? { runs } : {}), ...(actor ? { actors: [actor] } : {}) };
      const settings = { method, runs: method === 'tornado' ? 0 : (runs ?? DEFAULT_SENSITIVITY_RUNS[method]), seed, ...(actor ? { actor } : {}), ...(options.labels ? { labels: true } : {}) };
      const on = { model: version.model, version: version.number, settings };
      const named = options.labels ? withLabels(ecosystem) : ecosystem;
      const started = jobs.start('sensitivity', on, 0, async ({ signal, progress }) => {
        const data = { text: version.text, file: `${version.model}.${version.format}`, options: run, ...(options.labels ? { labels: true } : {}) };
        const result = await sensitivityInWorker(data, { signal, onProgress: progress, ...(routeOptions.script ? { script: routeOptions.script } : {}) });
        if (!result) return { status: 'cancelled', result: undefined };
        const answer: unknown = JSON.parse(JSON.stringify(withNames(named.doc, result), roundFigures));
        const saved = await keepFinished(workspace, { ...on, kind: 'sensitivity', result: answer });
        return { status: 'done', result: answer, ...(saved !== undefined ? { saved } : {}) };
      });
      return input.c.json(started, 202, { location: `/api/jobs/${started.id}` });
    },
  });
  return [...synchronous, job];
}

/** The runs as the method takes them: none for the tornado, within SENSITIVITY_RUNS for the others. */
function checkedRuns(method: SensitivityMethod, runs: number | undefined): number | undefined {
  if (runs === undefined) return undefined;
  const bounds = SENSITIVITY_RUNS[method];
  if (!bounds) throw new ApiError(422, 'invalid-request', 'usage.sensitivityRuns', {}, [issue('schema', ['runs'], { reason: 'at-most', origin: 'number', limit: 0 })]);
  if (runs < bounds.min || runs > bounds.max) {
    const located = runs < bounds.min ? issue('schema', ['runs'], { reason: 'at-least', origin: 'number', limit: bounds.min }) : issue('schema', ['runs'], { reason: 'at-most', origin: 'number', limit: bounds.max });
    throw new ApiError(422, 'invalid-request', 'usage.wholeNumber', { option: 'runs', min: bounds.min, max: bounds.max, value: runs }, [located]);
  }
  return runs;
}
