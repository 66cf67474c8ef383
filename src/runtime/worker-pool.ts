/**
 * The engine backend a server keeps: warm worker threads that run one request after another, so
 * a simulation does not pay for a new thread loading the engine (about 0.8 s a run on a loaded
 * machine, bench/server.mjs). Each run still has a thread to itself: a request that finds every
 * warm worker busy gets a new one, kept afterwards while fewer than `size` wait. Aborting a run
 * terminates its worker, as with workerBackend, and the pool starts another when next asked.
 * Idle workers do not keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, type EngineBackend, type RunControl, type RunRequest, type RunResult } from '../engine/index.js';
import { EngineWorkerStopped } from './worker-backend.js';
import { receivedError, type WorkerReply } from './worker-messages.js';

const WORKER_SCRIPT = new URL('./engine-worker.js', import.meta.url);
/** engine-worker.ts's WARM: the worker waits for requests instead of running workerData. */
const WARM = 'symbiose-warm-engine-worker';

export interface WorkerPool extends EngineBackend {
  /** Starts a worker now, so the first run finds it ready. */
  warm(): void;
  /** Terminates every worker; runs under way are rejected. */
  close(): Promise<void>;
  /** How many workers the pool has started, for tests. */
  readonly started: number;
}

export interface PoolOptions {
  /** Workers kept waiting between runs (default 1). */
  size?: number;
  /** The compiled worker script (tests running the TypeScript sources give dist's). */
  script?: URL;
}

export function workerPool({ size = 1, script = WORKER_SCRIPT }: PoolOptions = {}): WorkerPool {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let started = 0;
  const start = () => {
    const worker = new Worker(script, { workerData: WARM });
    started += 1;
    all.add(worker);
    worker.once('exit', () => {
      all.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
    });
    return worker;
  };
  const rest = (worker: Worker) => {
    worker.unref();
    if (idle.length < size && all.has(worker)) idle.push(worker);
    else void worker.terminate();
  };
  return {
    get started() {
      return started;
    },
    warm() {
      if (idle.length === 0) rest(start());
    },
    async close() {
      await Promise.all([...all].map((worker) => worker.terminate()));
    },
    run(request, control = {}) {
      if (control.signal?.aborted) return Promise.reject(new CancelledError());
      const worker = idle.pop() ?? start();
      worker.ref();
      return runOn(worker, request, control, rest);
    },
  };
}

function runOn(worker: Worker, request: RunRequest, { signal, onProgress }: RunControl, rest: (worker: Worker) => void): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    const finish = (outcome: () => void, keep: boolean) => {
      signal?.removeEventListener('abort', cancel);
      worker.off('message', heard);
      worker.off('error', failed);
      worker.off('exit', exited);
      if (keep) rest(worker);
      outcome();
    };
    const cancel = () => {
      void worker.terminate();
      finish(() => reject(new CancelledError()), false);
    };
    const heard = (reply: WorkerReply) => {
      if (reply.kind === 'progress') onProgress?.(reply.progress);
      else if (reply.kind === 'done') finish(() => resolve({ ...reply.result, series: new Map(reply.result.series) }), true);
      else finish(() => reject(receivedError(reply.error)), true);
    };
    const failed = (error: Error) => finish(() => reject((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new EngineWorkerStopped('out-of-memory') : error), false);
    const exited = (code: number) => finish(() => reject(new EngineWorkerStopped('exit', code)), false);
    signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', heard);
    worker.on('error', failed);
    worker.on('exit', exited);
    worker.postMessage(request);
  });
}
