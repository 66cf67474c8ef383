/**
 * A sensitivity run (analyses' runSensitivity) on a worker thread, so that a server keeps
 * answering while it runs and can stop it: the worker loads the model from its text, runs the
 * method and sends its progress (about a hundred times over a run) and then its result.
 * Aborting the signal terminates the worker; the promise then gives undefined. The result is
 * the same as runSensitivity's in this thread: the worker loads the model as a surface does.
 */
import { Worker } from 'node:worker_threads';
import type { SensitivityOptions, SensitivityResult } from '../analyses/index.js';

/** What a sensitivity worker is started with: the model as text, and the run's options. */
export interface SensitivityWorkerData {
  text: string;
  file: string;
  options: Omit<SensitivityOptions, 'progress'>;
  /** Names shown with the English labels (the API's `labels`). */
  labels?: boolean;
}

export type SensitivityWorkerReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: SensitivityResult }
  | { kind: 'failed'; message: string };

/** The worker failed, or ended before it answered. */
export class SensitivityWorkerFailed extends Error {}

const WORKER_SCRIPT = new URL('./sensitivity-worker.js', import.meta.url);

export interface SensitivityWorkerOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The compiled worker script (tests running the TypeScript sources give dist's). */
  script?: URL;
}

/** The run's result, or undefined when the signal stopped it first. */
export function sensitivityInWorker(data: SensitivityWorkerData, options: SensitivityWorkerOptions = {}): Promise<SensitivityResult | undefined> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return resolve(undefined);
    const worker = new Worker(options.script ?? WORKER_SCRIPT, { workerData: data });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      outcome();
    };
    const cancel = () => settle(() => resolve(undefined));
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (reply: SensitivityWorkerReply) => {
      if (settled) return;
      if (reply.kind === 'progress') options.onProgress?.(reply.done, reply.total);
      else if (reply.kind === 'done') settle(() => resolve(reply.result));
      else settle(() => reject(new SensitivityWorkerFailed(reply.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new SensitivityWorkerFailed(`sensitivity worker exit ${code}`))));
  });
}
