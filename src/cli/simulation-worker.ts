/**
 * Runs one simulation off the main thread, so the CLI can show progress and stop it on Ctrl-C
 * (a synchronous run would block both). Receives an engine model and options; posts the results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compile, simulate, SimulationError, type Model, type SimulateOptions } from '../engine/index.js';

interface Request {
  model: Model;
  options: SimulateOptions;
}

const { model, options } = workerData as Request;
const { program } = compile(model);
if (!program) throw new Error('the model was checked before the run; it no longer compiles');
const progress = (fraction: number) => parentPort!.postMessage({ kind: 'progress', fraction });
try {
  const results = simulate(program, { ...options, onProgress: progress } as SimulateOptions);
  const buffers = [results.times.buffer, ...[...results.series.values()].map((s) => s.buffer)];
  parentPort!.postMessage({ kind: 'done', times: results.times, series: [...results.series] }, buffers as ArrayBuffer[]);
} catch (error) {
  // A run the options make impossible (dt ≤ 0, an unknown variable to save) is the user's to fix.
  if (!(error instanceof SimulationError)) throw error;
  parentPort!.postMessage({ kind: 'refused', detail: error.detail });
}
