/** `symbiose risk` as a job of the API: started, polled, its result the CLI's --json; cancelled; refused. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './server-helpers.js';

const BIN = resolve('bin/symbiose.js');
const riskWorker = new URL('../dist/runtime/risk-worker.js', import.meta.url);

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ riskWorker });
  expect((await t.call('POST', '/api/library/amazon-cash-burn/copy')).status).toBe(201);
});
afterEach(async () => {
  await t.workspace.close();
});

async function finished(id: string): Promise<{ status: string; progress: { done: number; total: number }; result: unknown }> {
  for (;;) {
    const { json } = await t.call('GET', `/api/jobs/${id}`);
    if (json.status !== 'running') return json;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('risk jobs', () => {
  it('runs a risk job whose result is what the CLI prints with --json', async () => {
    const started = await t.call('POST', '/api/models/amazon-cash-burn/risk', { runs: 2500, seed: 2, sampling: 'mc' });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ kind: 'risk', model: 'amazon-cash-burn', version: 1, status: 'running', progress: { done: 0, total: 2500 } });
    expect(started.response.headers.get('location')).toBe(`/api/jobs/${started.json.id}`);
    const job = await finished(started.json.id);
    expect(job.status).toBe('done');
    expect(job.progress).toEqual({ done: 2500, total: 2500 });
    const cli = spawnSync(process.execPath, [BIN, 'risk', 'library/amazon-cash-burn.yaml', '--ranges', '--runs', '2500', '--seed', '2', '--sampling', 'mc', '--json'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en' } });
    expect(cli.status).toBe(0);
    expect(job.result).toEqual(JSON.parse(cli.stdout));
  }, 60_000);

  it('stops a job asked to, with what it made before the stop', async () => {
    const started = await t.call('POST', '/api/models/amazon-cash-burn/risk', { runs: 10_000_000, sampling: 'mc' });
    for (;;) {
      const { json } = await t.call('GET', `/api/jobs/${started.json.id}`);
      if (json.progress.done > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await t.call('DELETE', `/api/jobs/${started.json.id}`)).status).toBe(202);
    const job = (await finished(started.json.id)) as { status: string; progress: { done: number }; result: { draws: number; stoppedBy: string } };
    expect(job.status).toBe('cancelled');
    expect(job.result.stoppedBy).toBe('cancelled');
    expect(job.result.draws).toBeGreaterThan(0);
    expect(job.result.draws % 1024).toBe(0);
  }, 60_000);

  it('refuses options that cannot go together and answers 404 for no such job', async () => {
    const refused = await t.call('POST', '/api/models/amazon-cash-burn/risk?lang=en', { sampling: 'lhs', precision: 0.01 });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('precision-with-lhs');
    expect(refused.json.error.message).toContain('Latin hypercube');
    const none = await t.call('GET', '/api/jobs/nope?lang=en');
    expect(none.status).toBe(404);
    expect(none.json.error.message).toContain('there is no job "nope"');
    expect((await t.call('POST', '/api/models/amazon-cash-burn/risk', { runs: 0 })).status).toBe(422);
  });
});
