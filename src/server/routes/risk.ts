/**
 * `symbiose risk --ranges` as a job of the API: started by POST (it answers at once with the job),
 * read by GET for its progress (draws made of the most asked for) and then its result (what the
 * CLI's --json prints), stopped by DELETE. The draws run on worker threads as the CLI's do, so the
 * same options give the same figures on either surface. A finished run is kept in the workspace
 * with its version and settings (results.ts); a cancelled one is not.
 */
import { z } from 'zod';
import { checkRiskOptions, roundFigures, withNames, type RiskOptions } from '../../analyses/index.js';
import { parameterSpec } from '../../core/index.js';
import { riskInWorkers } from '../../runtime/index.js';
import type { Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import type { Jobs } from '../jobs.js';
import { route, type Route } from '../route.js';
import { ErrorSchema } from '../schemas.js';
import { loadVersion } from './analyses.js';
import { refuseUnreadColumns } from './empirical.js';
import { keepFinished } from './results.js';

export const RiskJobBody = z.object({
  version: z.number().int().positive().optional().meta({ description: 'The version analysed (default the latest).' }),
  runs: z.number().int().min(1).max(100_000_000).optional().meta({ description: 'How many draws (default 1000); with precision, the most.' }),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional().meta({ description: 'The seed of the draws (default 1).' }),
  sampling: z.enum(['mc', 'lhs', 'sobol']).optional().meta({ description: 'Plain Monte Carlo, Latin hypercube (the default) or Sobol points.' }),
  precision: z.number().optional().meta({ description: 'mc and sobol: stop once every probability has a standard error at or below this.' }),
  ranges: z.boolean().optional().meta({ description: 'Draw every declared range as a PERT around its value (default true, as --ranges); false draws only the distributions the model declares.' }),
}).strict();
export type RiskJobInput = z.infer<typeof RiskJobBody>;

export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  model: z.string(),
  version: z.number().meta({ description: 'The version it runs on, which its saved result is kept with.' }),
  settings: z.record(z.string(), z.unknown()).optional().meta({ description: 'The settings it runs with, as its saved result keeps them.' }),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  progress: z.object({ done: z.number(), total: z.number() }),
  result: z.unknown().optional().meta({ description: 'Once done: as `symbiose risk --ranges --json` or `symbiose sensitivity --json` prints (a cancelled risk run: the chunks merged before the stop).' }),
  saved: z.number().int().optional().meta({ description: 'Once done: the number of its result kept in the workspace (/api/models/{id}/results/{saved}).' }),
  reference: z.string().optional(),
}).meta({ id: 'Job' });

export interface RiskRouteOptions {
  /** The compiled risk worker (tests running the TypeScript sources give dist's). */
  script?: URL;
}

export function riskRoutes(workspace: Workspace, jobs: Jobs, options: RiskRouteOptions = {}): Route[] {
  const noJob = (id: string) => new ApiError(404, 'job-not-found', 'server.job-not-found', { job: id });
  return [
    route<Record<string, never>, RiskJobInput | undefined>({
      method: 'post',
      path: '/api/models/:id/risk',
      summary: 'Starts a risk run over the assumptions\' ranges (symbiose risk --ranges) as a job; answers the job at once.',
      tag: 'analyses',
      body: { json: RiskJobBody, optional: true },
      answers: {
        202: { description: 'The job, running: read it at /api/jobs/{job}.', schema: JobSchema },
        404: { description: 'No such model or version.', schema: ErrorSchema },
        422: { description: 'The model has errors, draws a parameter from a CSV column the server cannot read (located), or the options cannot be used together.', schema: ErrorSchema },
      },
      handle: async (input) => {
        const body = input.body ?? {};
        const version = await workspace.read(input.params.id!, body.version);
        const { ecosystem } = loadVersion(version);
        refuseUnreadColumns(ecosystem, version);
        const run: RiskOptions = { runs: body.runs ?? 1000, seed: body.seed ?? 1, sampling: body.sampling ?? 'lhs', ranges: body.ranges ?? true, ...(body.precision !== undefined ? { precision: body.precision } : {}) };
        const fault = checkRiskOptions(run)[0];
        if (fault) throw new ApiError(422, fault.code, `usage.${fault.code}`, { value: String(body.precision) });
        // Without ranges only the declared distributions are drawn: a model that declares none has nothing to draw.
        const declared = Object.values(ecosystem.doc.parameters ?? {}).some((p) => parameterSpec(p).distribution !== undefined);
        if (!run.ranges && !declared) throw new ApiError(422, 'risk-needs-ranges', 'server.risk-needs-ranges');
        const file = `${version.model}.${version.format}`;
        const settings = { runs: run.runs, seed: run.seed, sampling: run.sampling, ranges: run.ranges!, ...(run.precision !== undefined ? { precision: run.precision } : {}) };
        const on = { model: version.model, version: version.number, settings };
        const job = jobs.start('risk', on, run.runs, async ({ signal, progress }) => {
          const result = await riskInWorkers(ecosystem, version.text, file, run, { signal, onProgress: progress, ...(options.script ? { script: options.script } : {}) });
          const data: unknown = JSON.parse(JSON.stringify(withNames(ecosystem.doc, result), roundFigures));
          if (result.stoppedBy === 'cancelled') return { status: 'cancelled', result: data };
          const saved = await keepFinished(workspace, { ...on, kind: 'risk', result: data });
          return { status: 'done', result: data, ...(saved !== undefined ? { saved } : {}) };
        });
        return input.c.json(job, 202, { location: `/api/jobs/${job.id}` });
      },
    }),
    route({
      method: 'get',
      path: '/api/models/:id/jobs',
      summary: 'The risk and sensitivity jobs of a model still running, oldest first (a page reloaded during a run finds its jobs again).',
      tag: 'analyses',
      answers: { 200: { description: 'The running jobs, without results.', schema: z.array(JobSchema) }, 404: { description: 'No such model.', schema: ErrorSchema } },
      handle: async ({ c, params }) => {
        await workspace.read(params.id!);
        return c.json(jobs.running(params.id!), 200);
      },
    }),
    route({
      method: 'get',
      path: '/api/jobs/:job',
      summary: 'A job: its status, its progress and, once done, its result.',
      tag: 'analyses',
      answers: { 200: { description: 'The job.', schema: JobSchema }, 404: { description: 'No such job.', schema: ErrorSchema } },
      handle: ({ c, params }) => {
        const job = jobs.get(params.job!);
        if (!job) throw noJob(params.job!);
        return c.json(job, 200);
      },
    }),
    route({
      method: 'delete',
      path: '/api/jobs/:job',
      summary: 'Stops a running job (its result is then what was done before the stop); a finished job is left as it is.',
      tag: 'analyses',
      answers: { 202: { description: 'The job, asked to stop.', schema: JobSchema }, 404: { description: 'No such job.', schema: ErrorSchema } },
      handle: ({ c, params }) => {
        const job = jobs.cancel(params.job!);
        if (!job) throw noJob(params.job!);
        return c.json(job, 202);
      },
    }),
  ];
}
