/**
 * The backend that runs each simulation in its own worker thread, so the calling thread stays
 * free to draw progress and to hear Ctrl-C. Aborting the signal terminates the worker at once,
 * wherever it is (compiling or stepping).
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, type EngineBackend, type RunControl, type RunRequest, type RunResult } from '../engine/index.js';
import { receivedError, type WorkerReply } from './worker-messages.js';

/**
 * The worker ended before it answered: out of memory, or an exit with `exitCode`. Data, no
 * prose: the surfaces say it in the user's language.
 */
export class EngineWorkerStopped extends Error {
  constructor(
    readonly reason: 'out-of-memory' | 'exit',
    readonly exitCode?: number,
  ) {
    super(reason === 'exit' ? `engine worker exit ${exitCode}` : 'engine worker out of memory');
  }
}

/** The compiled worker script beside this module. */
const WORKER_SCRIPT = new URL('./engine-worker.js', import.meta.url);

/** `script` is the worker's compiled file: tests running the TypeScript sources give dist's. */
export function workerBackend(script: URL = WORKER_SCRIPT): EngineBackend {
  return { run: (request, control) => runInWorker(script, request, control ?? {}) };
}

function runInWorker(script: URL, request: RunRequest, { signal, onProgress }: RunControl): Promise<RunResult> {
  if (signal?.aborted) return Promise.reject(new CancelledError());
  const worker = new Worker(script, { workerData: request });
  return new Promise<RunResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => {
      void worker.terminate();
      settle(() => reject(new CancelledError()));
    };
    signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (reply: WorkerReply) => {
      if (settled) return;
      if (reply.kind === 'progress') onProgress?.(reply.progress);
      else if (reply.kind === 'done') settle(() => resolve({ ...reply.result, series: new Map(reply.result.series) }));
      else settle(() => reject(receivedError(reply.error)));
    });
    worker.on('error', (error) => settle(() => reject(isOutOfMemory(error) ? new EngineWorkerStopped('out-of-memory') : error)));
    worker.on('exit', (code) => settle(() => reject(new EngineWorkerStopped('exit', code))));
  });
}

const isOutOfMemory = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
