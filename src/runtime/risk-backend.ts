/**
 * A risk run's chunks drawn on worker threads, one per core by default: each worker loads the
 * model from its text once, then evaluates the chunks it is sent (analyses' runChunk, which
 * depends only on the model, the seed and the chunk number). Chunks are dealt to whichever worker
 * is free and merged here in chunk order, so the figures are the same bits on one worker or many,
 * and a run with a precision stops after the same chunk. Aborting the signal terminates the
 * workers and gives what the chunks merged so far say, as a run stopped by 'cancelled'.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { planRisk, precisionReached, RiskTally, type ChunkOutcome, type RiskOptions, type RiskResult } from '../analyses/index.js';
import type { Ecosystem } from '../core/index.js';

/** What a risk worker is started with: the model as text, and the run's options. */
export interface RiskWorkerData {
  text: string;
  file: string;
  options: RiskOptions;
}

export type RiskWorkerReply = { kind: 'ready' } | { kind: 'chunk'; outcome: ChunkOutcome } | { kind: 'failed'; message: string };

/** A worker failed, or ended before it answered. */
export class RiskWorkerFailed extends Error {}

const WORKER_SCRIPT = new URL('./risk-worker.js', import.meta.url);

export interface RiskWorkerOptions {
  /** Worker threads (default: one per core, never more than the chunks). */
  threads?: number;
  signal?: AbortSignal;
  /** Heard after each merged chunk: the draws made so far, and the most the run makes. */
  onProgress?: (draws: number, runs: number) => void;
  /** The compiled worker script (tests running the TypeScript sources give dist's). */
  script?: URL;
}

/** Chunks dealt ahead of the merge, per worker: enough to keep every worker busy while one lags. */
const AHEAD_PER_WORKER = 2;

/**
 * Runs the model's risk analysis in workers. `written` is the model as written (its evaluation
 * here, which gives the plan); `text` and `file` are what each worker loads.
 */
export function riskInWorkers(written: Ecosystem, text: string, file: string, options: RiskOptions, workers: RiskWorkerOptions = {}): Promise<RiskResult> {
  const plan = planRisk(written, options);
  const tally = new RiskTally(plan);
  const chunks = plan.design.chunks;
  const threads = Math.max(1, Math.min(workers.threads ?? availableParallelism(), chunks));
  const script = workers.script ?? WORKER_SCRIPT;
  const started: Worker[] = [];
  const waiting = new Map<number, ChunkOutcome>();
  let dealt = 0;

  return new Promise<RiskResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      workers.signal?.removeEventListener('abort', cancel);
      for (const worker of started) void worker.terminate();
      outcome();
    };
    const cancel = () => settle(() => resolve(tally.result('cancelled')));
    const deal = (worker: Worker) => {
      if (dealt < chunks && dealt < tally.nextChunk + AHEAD_PER_WORKER * threads) worker.postMessage(dealt++);
      else idle.push(worker);
    };
    const idle: Worker[] = [];
    const merge = () => {
      while (waiting.has(tally.nextChunk)) {
        const next = tally.nextChunk;
        tally.add(waiting.get(next)!);
        waiting.delete(next);
        workers.onProgress?.(tally.draws, options.runs);
        // A listener may have aborted the run: the result is what was merged until then.
        if (settled) return;
        if (precisionReached(plan, tally)) return settle(() => resolve(tally.result('precision')));
      }
      if (tally.nextChunk === chunks) return settle(() => resolve(tally.result('runs')));
      // The merge moved on: workers held back by the window may take chunks again.
      for (const worker of idle.splice(0)) deal(worker);
    };
    if (workers.signal?.aborted) return cancel();
    workers.signal?.addEventListener('abort', cancel, { once: true });
    for (let w = 0; w < threads; w++) {
      const worker = new Worker(script, { workerData: { text, file, options } satisfies RiskWorkerData });
      started.push(worker);
      worker.on('message', (reply: RiskWorkerReply) => {
        if (settled) return;
        if (reply.kind === 'ready') deal(worker);
        else if (reply.kind === 'chunk') {
          waiting.set(reply.outcome.chunk, reply.outcome);
          deal(worker);
          merge();
        } else settle(() => reject(new RiskWorkerFailed(reply.message)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new RiskWorkerFailed(`risk worker exit ${code}`))));
    }
  });
}
