/**
 * A sensitivity run in a worker thread: loads the model from its text, runs the method with its
 * progress sent to the main thread, then sends the result (sensitivity-backend.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runSensitivity, withLabels } from '../analyses/index.js';
import { loadEcosystem } from '../engine/index.js';
import type { SensitivityWorkerData, SensitivityWorkerReply } from './sensitivity-backend.js';

const post = (reply: SensitivityWorkerReply) => parentPort!.postMessage(reply);

try {
  const { text, file, options, labels } = workerData as SensitivityWorkerData;
  const loaded = loadEcosystem(text, file);
  if (!loaded.ecosystem || !loaded.prepared) throw new Error(`${file}: the model does not evaluate`);
  const written = labels ? withLabels(loaded.ecosystem) : loaded.ecosystem;
  const result = runSensitivity(loaded.prepared, written, { ...options, progress: (done, total) => post({ kind: 'progress', done, total }) });
  post({ kind: 'done', result });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
