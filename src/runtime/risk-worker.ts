/**
 * A risk run's chunks in a worker thread: loads the model from its text once, plans the run as
 * the main thread does, says it is ready, then answers each chunk number it is sent with that
 * chunk's outcome (its arrays moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planRisk, runChunk } from '../analyses/index.js';
import { loadEcosystem } from '../engine/index.js';
import type { RiskWorkerData, RiskWorkerReply } from './risk-backend.js';

const post = (reply: RiskWorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

try {
  const { text, file, options } = workerData as RiskWorkerData;
  const loaded = loadEcosystem(text, file);
  if (!loaded.ecosystem || !loaded.prepared) throw new Error(`${file}: the model does not evaluate`);
  const { ecosystem, prepared } = loaded;
  const plan = planRisk(ecosystem, options);
  parentPort!.on('message', (chunk: number) => {
    try {
      const outcome = runChunk(prepared, plan, chunk);
      const arrays = [outcome.headline, outcome.breakEven, outcome.deepest, outcome.cumulative, outcome.inputs];
      post({ kind: 'chunk', outcome }, arrays.map((a) => a.buffer as ArrayBuffer));
    } catch (error) {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
  post({ kind: 'ready' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
