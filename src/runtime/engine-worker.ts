/**
 * The engine in a worker thread: runs the request it is started with, or, started warm (a pool's
 * worker), each request it is sent, one after the other. Each run posts progress, then the result
 * (its arrays moved, not copied) or the error. Stopping a run is terminating its worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runRequest, type RunRequest } from '../engine/index.js';
import { sendError, type WorkerReply } from './worker-messages.js';

/** What a pool (worker-pool.ts) starts its workers with: no request yet, they wait for them. */
const WARM = 'symbiose-warm-engine-worker';

const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

function run(request: RunRequest): void {
  try {
    const result = runRequest(request, { onProgress: (progress) => post({ kind: 'progress', progress }) });
    const arrays = [result.times, ...result.series.values()];
    post({ kind: 'done', result: { ...result, series: [...result.series] } }, arrays.map((a) => a.buffer as ArrayBuffer));
  } catch (error) {
    post({ kind: 'failed', error: sendError(error) });
  }
}

if (workerData === WARM) parentPort!.on('message', (request: RunRequest) => run(request));
else run(workerData as RunRequest);
