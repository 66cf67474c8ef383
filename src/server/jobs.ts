/**
 * Long analyses the API runs in the background (a risk run: seconds to minutes), kept in memory
 * by the server: a job is started, read again and again for its progress and, once done, its
 * result, and cancelled by DELETE. Each job owns an AbortController its work stops on. Finished
 * jobs are kept (the most recent MAX_KEPT), so a client that polls late still reads the answer.
 * A job that finishes may keep its result in the workspace (its work says so with `saved`, the
 * saved result's number), with the model version and the settings it was run with.
 */
import { randomUUID } from 'node:crypto';

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobView {
  id: string;
  kind: string;
  /** The model and version the job runs on (results are kept with the version they were run on). */
  model: string;
  version: number;
  /** The settings it runs with (runs, seed, sampling, ranges, method…), as the saved result keeps them. */
  settings?: Record<string, unknown>;
  status: JobStatus;
  progress: { done: number; total: number };
  /** The answer, as the CLI's --json, once done (or, cancelled, what was made before the stop). */
  result?: unknown;
  /** Once done and kept in the workspace: the saved result's number (GET /api/models/{id}/results/{saved}). */
  saved?: number;
  /** A failed job's reference in the server's log. */
  reference?: string;
}

/** What a job's work gets: the signal to stop on, and where to say how far it is. */
export interface JobControl {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** What a job's work ends with: how, its answer, and the saved result's number when it was kept. */
export interface JobOutcome {
  status: 'done' | 'cancelled';
  result: unknown;
  saved?: number;
}

export interface Jobs {
  start(kind: string, on: { model: string; version: number; settings?: Record<string, unknown> }, total: number, work: (control: JobControl) => Promise<JobOutcome>): JobView;
  get(id: string): JobView | undefined;
  /** The jobs of a model still running, oldest first, without results (so a page reloaded meanwhile finds them again). */
  running(model: string): JobView[];
  /** Asks a running job to stop; undefined when there is no such job. */
  cancel(id: string): JobView | undefined;
  /** Stops every running job (the server closing). */
  close(): void;
}

/** Finished jobs kept for reading. */
const MAX_KEPT = 100;

export function jobRegistry(log: (error: unknown) => string): Jobs {
  const jobs = new Map<string, { view: JobView; controller: AbortController }>();
  const forgetOld = () => {
    const finished = [...jobs.values()].filter((j) => j.view.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - MAX_KEPT))) jobs.delete(old.view.id);
  };
  return {
    start(kind, on, total, work) {
      const view: JobView = { id: randomUUID(), kind, model: on.model, version: on.version, ...(on.settings ? { settings: on.settings } : {}), status: 'running', progress: { done: 0, total } };
      const controller = new AbortController();
      jobs.set(view.id, { view, controller });
      const progress = (done: number, all: number) => (view.progress = { done, total: all });
      work({ signal: controller.signal, progress }).then(
        ({ status, result, saved }) => Object.assign(view, { status, result }, saved !== undefined ? { saved } : {}),
        (error: unknown) => Object.assign(view, { status: 'failed', reference: log(error) }),
      ).finally(forgetOld);
      return { ...view };
    },
    get(id) {
      const job = jobs.get(id);
      return job && { ...job.view };
    },
    running(model) {
      return [...jobs.values()].filter((j) => j.view.model === model && j.view.status === 'running').map((j) => ({ ...j.view }));
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job) return undefined;
      if (job.view.status === 'running') job.controller.abort();
      return { ...job.view };
    },
    close() {
      for (const job of jobs.values()) job.controller.abort();
    },
  };
}
