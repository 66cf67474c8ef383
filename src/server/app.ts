/**
 * The HTTP API as a hono app (web-standard requests and answers: testable with app.request(),
 * no socket). Every route parses its inputs with its schema (route.ts), calls the store or the
 * analyses, and lets errors go to the one handler (errors.ts); the studio's files are served at /.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../core/index.js';
import type { EngineBackend } from '../engine/index.js';
import { workerPool } from '../runtime/index.js';
import type { Workspace } from '../store/index.js';
import { errorAnswer, tooLarge, ApiError } from './errors.js';
import { requestLocale } from './locale.js';
import { openApiDocument } from './openapi.js';
import { mount, route, type Env, type Route } from './route.js';
import { analysisRoutes } from './routes/analyses.js';
import { shareRoutes } from './routes/share.js';
import { sensitivityRoutes } from './routes/sensitivity.js';
import { resultRoutes } from './routes/results.js';
import { fileRoutes } from './routes/files.js';
import { libraryRoutes } from './routes/library.js';
import { modelRoutes } from './routes/models.js';
import { riskRoutes } from './routes/risk.js';
import { experimentRoutes } from './routes/experiments.js';
import { jobRegistry } from './jobs.js';
import { COMPONENTS } from './schemas.js';
import { studioFiles } from './static.js';

export interface AppOptions {
  workspace: Workspace;
  /** The library folder (default the one shipped, store's LIBRARY_DIR). */
  libraryDir?: string;
  /** The studio's built files, served at / when given and present. */
  studioDir?: string;
  /** Where simulations run (default a pool of warm worker threads, so requests are not held up and a run does not start a thread). */
  engine?: EngineBackend;
  /** The compiled risk worker script (tests running the TypeScript sources give dist's). */
  riskWorker?: URL;
  /** The compiled sensitivity worker script (likewise). */
  sensitivityWorker?: URL;
  /** When aborted (the server closing), every running job is stopped, so no worker outlives it. */
  closing?: AbortSignal;
  /** Where unexpected errors are logged, with their reference (default standard error). */
  log?: (line: string) => void;
}

export const API_VERSION = '0.1.0';

function localeOf(c: Context<Env>) {
  return requestLocale(c.req.query('lang'), c.req.header('accept-language'));
}

export function createApp(options: AppOptions): Hono<Env> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = new Hono<Env>();
  const internal = (error: unknown) => {
    const reference = randomUUID().slice(0, 8);
    log(`symbiose server: internal error ${reference}: ${(error as Error)?.stack ?? String(error)}`);
    return reference;
  };
  app.use('*', async (c, next) => {
    c.set('locale', localeOf(c));
    await next();
  });
  app.use('/api/*', bodyLimit({ maxSize: LIMITS.fileBytes, onError: (c) => c.json(tooLarge(localeOf(c)).body, 413) }));
  let backend = options.engine;
  const engine = () => (backend ??= workerPool());
  // One registry, so a job started by any route is read at /api/jobs/{job}.
  const jobs = jobRegistry(internal);
  const routes: Route[] = [
    ...modelRoutes(options.workspace),
    ...analysisRoutes(options.workspace, engine),
    ...shareRoutes(options.workspace),
    ...sensitivityRoutes(options.workspace, jobs, options.sensitivityWorker ? { script: options.sensitivityWorker } : {}),
    ...resultRoutes(options.workspace),
    ...fileRoutes(options.workspace, engine),
    ...libraryRoutes(options.workspace, options.libraryDir),
    ...riskRoutes(options.workspace, jobs, options.riskWorker ? { script: options.riskWorker } : {}),
    ...experimentRoutes(options.workspace, jobs, options.riskWorker ? { script: options.riskWorker } : {}),
  ];
  routes.push(
    route({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This document.',
      tag: 'api',
      answers: { 200: { description: 'The OpenAPI 3.1 document.', types: ['application/json'] } },
      handle: ({ c }) => c.json(document()),
    }),
  );
  // The server closing stops every job still running, so no worker thread outlives it.
  options.closing?.addEventListener('abort', () => jobs.close(), { once: true });
  let made: Record<string, unknown> | undefined;
  const document = () => (made ??= openApiDocument(routes, COMPONENTS, { title: 'Symbiose API', version: API_VERSION }));
  mount(app, routes);
  app.all('/api/*', (c) => {
    throw new ApiError(404, 'not-found', 'server.not-found', { method: c.req.method, path: c.req.path });
  });
  if (options.studioDir) studioFiles(app, options.studioDir);
  app.notFound((c) => {
    const { status, body } = errorAnswer(new ApiError(404, 'not-found', 'server.not-found', { method: c.req.method, path: c.req.path }), c.get('locale') ?? localeOf(c), internal);
    return c.json(body, status as 404);
  });
  app.onError((error, c) => {
    const { status, body } = errorAnswer(error, c.get('locale') ?? localeOf(c), internal);
    return c.json(body, status as 400);
  });
  return app;
}
