/**
 * Starts a simulation in a worker and waits for it, with a progress bar once it has run for a
 * second, and Ctrl-C cancelling it cleanly.
 */
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import type { Model, Results, SimulateOptions } from '../engine/index.js';
import { UsageError } from './errors.js';

export class CancelledError extends Error {}

/** Runs longer than this get a progress bar on an interactive terminal. */
const QUIET_MS = 1000;

export type Run = Pick<Results, 'times' | 'series'>;

export function runSimulation(model: Model, options: SimulateOptions, { showProgress }: { showProgress: boolean }): Promise<Run> {
  const worker = new Worker(new URL('./simulation-worker.js', import.meta.url), { workerData: { model, options } });
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  let fraction = 0;
  const timer = setInterval(() => {
    if (!showProgress || bar || Date.now() - started < QUIET_MS) return;
    bar = new cliProgress.SingleBar({ format: 'simulating [{bar}] {percentage}% | {eta_formatted} left | Ctrl-C to stop', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(100, Math.round(fraction * 100));
  }, 100);
  return new Promise<Run>((resolve, reject) => {
    const finish = () => {
      clearInterval(timer);
      process.off('SIGINT', cancel);
      bar?.stop();
    };
    const cancel = () => {
      finish();
      void worker.terminate();
      reject(new CancelledError('simulation cancelled'));
    };
    process.on('SIGINT', cancel);
    type Message =
      | { kind: 'progress'; fraction: number }
      | { kind: 'refused'; detail: string }
      | { kind: 'done'; times: Float64Array; series: Array<[string, Float64Array]> };
    worker.on('message', (message: Message) => {
      if (message.kind === 'progress') {
        fraction = message.fraction;
        bar?.update(Math.round(fraction * 100));
        return;
      }
      finish();
      if (message.kind === 'refused') {
        reject(new UsageError(message.detail));
        return;
      }
      resolve({ times: message.times, series: new Map(message.series) });
    });
    worker.on('error', (error) => {
      finish();
      reject(error);
    });
  });
}
