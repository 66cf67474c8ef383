/**
 * Chunks of a game's coalitions in a worker thread: takes the game's terms, the split and its
 * chunk numbers, and posts each chunk's sums (their arrays moved, not copied) as it ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { chunking, enumerateChunk, unanimityValues } from '../stats/index.js';
import type { GameChunksRequest, GameWorkerReply } from './game-backend.js';

const post = (reply: GameWorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

try {
  const { game, split, chunks } = workerData as GameChunksRequest;
  const values = unanimityValues(game);
  const low = new Float64Array(2 ** chunking(game.players).lowBits);
  for (const chunk of chunks) {
    const sums = enumerateChunk(values, chunk, split, low);
    post({ kind: 'chunk', sums }, [sums.bySize.buffer as ArrayBuffer, sums.byMember.buffer as ArrayBuffer]);
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
