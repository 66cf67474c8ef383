/**
 * Every library model runs `sensitivity --method tornado` and `--method sobol` (a small N: this
 * checks that each runs and ranks, not the indices' precision) without a refused evaluation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSensitivity } from '../../src/analyses/index.js';
import { loadModel } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/index.js';

const ids = readdirSync('library').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe.each(ids)('%s', (id) => {
  const loaded = loadModel(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`, { dynamics: prepareDynamics });
  const ecosystem = loaded.ecosystem!, prepared = loaded.prepared!;

  it('tornado: every ranged assumption ranked for every actor, and some actor’s NPV moved by one', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'tornado', seed: 1 });
    expect(result.failed).toBe(0);
    const k = result.assumptions.sampled.length;
    expect(k).toBeGreaterThan(0);
    expect(result.evaluations).toBe(2 * k + 1);
    for (const actor of result.actors) expect(actor.ranking).toHaveLength(k);
    expect(result.actors.some((a) => !a.constant && a.ranking[0]!.measure > 0)).toBe(true);
  });

  it('sobol, N = 8: runs N·(k + 2) + 1 evaluations, none refused, and ranks each moving NPV', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'sobol', runs: 8, seed: 1 });
    expect(result.failed).toBe(0);
    const k = result.assumptions.sampled.length;
    expect(result.evaluations).toBe(8 * (k + 2) + 1);
    expect(result.sampling).toBe(2 * k <= 1024 ? 'sobol' : 'mc');
    for (const actor of result.actors) expect(actor.ranking).toHaveLength(actor.constant ? 0 : k);
  });
});
