/** Every coalition enumerated on worker threads gives what the same chunks give in process. */
import { describe, expect, it } from 'vitest';
import { enumerateInWorkers } from '../src/runtime/index.js';
import { coreByEnumeration, mergeChunks, unanimityGame, verdictOfChunks, xoshiro128, type Term } from '../src/stats/index.js';

const script = new URL('../dist/runtime/game-worker.js', import.meta.url);

describe('the game worker backend', () => {
  it('enumerates 22 players (4 chunks) on 2 threads as in process', async () => {
    const random = xoshiro128(5);
    const terms: Term[] = Array.from({ length: 40 }, () => ({
      members: Array.from({ length: 1 + random.below(4) }, () => random.below(22)),
      worth: Math.round(200 * random.next() - 100),
    }));
    const game = unanimityGame(22, terms);
    const split = new Float64Array(22).fill(1);
    const chunks = await enumerateInWorkers(game, split, { threads: 2, script });
    expect(chunks.map((c) => c.chunk)).toEqual([0, 1, 2, 3]);
    expect(verdictOfChunks(game, split, chunks)).toEqual(coreByEnumeration(game, split));
    const merged = mergeChunks(22, chunks);
    expect(merged.grand).toBeCloseTo(terms.reduce((a, t) => a + t.worth, 0), 9);
  });
});
