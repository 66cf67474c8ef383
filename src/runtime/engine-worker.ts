/**
 * The engine in a worker thread: runs the one request it is started with and posts progress,
 * then the result (its arrays moved, not copied) or the error. Stopping it is terminating it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runRequest, type RunRequest } from '../engine/index.js';
import { sendError, type WorkerReply } from './worker-messages.js';

const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

try {
  const result = runRequest(workerData as RunRequest, { onProgress: (progress) => post({ kind: 'progress', progress }) });
  const arrays = [result.times, ...result.series.values()];
  post({ kind: 'done', result: { ...result, series: [...result.series] } }, arrays.map((a) => a.buffer as ArrayBuffer));
} catch (error) {
  post({ kind: 'failed', error: sendError(error) });
}
