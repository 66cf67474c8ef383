/**
 * Fair shares as both surfaces compute them: in this thread up to CORE_IN_PROCESS actors, the
 * core's coalitions on worker threads up to CORE_IN_WORKERS, the likely coalitions past it.
 */
import { CORE_IN_PROCESS, CORE_IN_WORKERS, fairShare, fairShareInput, type FairShare, type FairShareOptions } from '../analyses/index.js';
import type { Ecosystem } from '../core/index.js';
import { enumerateInWorkers, type GameWorkerOptions } from './game-backend.js';

export async function fairShareOf(ecosystem: Ecosystem, options: FairShareOptions = {}, workers: GameWorkerOptions = {}): Promise<FairShare> {
  const input = fairShareInput(ecosystem, options);
  const players = input.game.game.players;
  if (players <= CORE_IN_PROCESS || players > CORE_IN_WORKERS) return fairShare(ecosystem, { ...options, input });
  const coreChunks = await enumerateInWorkers(input.game.game, input.split, workers);
  return fairShare(ecosystem, { ...options, input, coreChunks });
}
