/**
 * Every coalition of a game enumerated on worker threads: the chunks (stats/games/enumerate.ts)
 * dealt round-robin to `threads` workers, merged in chunk order whatever order they end in, so
 * the result is the one the same chunks give in process.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { chunking, type ChunkSums, type UnanimityGame } from '../stats/index.js';

export interface GameChunksRequest {
  game: UnanimityGame;
  split: Float64Array;
  chunks: number[];
}

export type GameWorkerReply = { kind: 'chunk'; sums: ChunkSums } | { kind: 'done' } | { kind: 'failed'; message: string };

/** A worker ended or failed before posting all its chunks. */
export class GameWorkerFailed extends Error {}

const WORKER_SCRIPT = new URL('./game-worker.js', import.meta.url);

export interface GameWorkerOptions {
  threads?: number;
  signal?: AbortSignal;
  /** The compiled worker script (tests running the TypeScript sources give dist's). */
  script?: URL;
}

/** The sums of every chunk of `game` under `split`, in chunk order. */
export async function enumerateInWorkers(game: UnanimityGame, split: Float64Array, options: GameWorkerOptions = {}): Promise<ChunkSums[]> {
  const { chunks } = chunking(game.players);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), chunks));
  const dealt = Array.from({ length: threads }, (_, w) => Array.from({ length: chunks }, (_, c) => c).filter((c) => c % threads === w));
  const results = await Promise.all(dealt.map((list) => runWorker(options.script ?? WORKER_SCRIPT, { game, split, chunks: list }, options.signal)));
  return results.flat().sort((a, b) => a.chunk - b.chunk);
}

function runWorker(script: URL, request: GameChunksRequest, signal: AbortSignal | undefined): Promise<ChunkSums[]> {
  const worker = new Worker(script, { workerData: request });
  const sums: ChunkSums[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => {
      void worker.terminate();
      settle(() => reject(signal!.reason));
    };
    signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (reply: GameWorkerReply) => {
      if (reply.kind === 'chunk') sums.push(reply.sums);
      else if (reply.kind === 'done') settle(() => resolve(sums));
      else settle(() => reject(new GameWorkerFailed(reply.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new GameWorkerFailed(`game worker exit ${code}`))));
  });
}
