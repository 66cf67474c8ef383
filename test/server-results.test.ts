/**
 * Analysis jobs and the results the workspace keeps: a risk job's progress and its result kept
 * with the version and settings it ran on (then marked stale once the model moves on); the
 * sensitivity job, whose result is the synchronous route's, kept likewise; a cancelled job kept
 * nowhere; bad settings refused with a 422 whose issues name the field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './server-helpers.js';

const riskWorker = new URL('../dist/runtime/risk-worker.js', import.meta.url);
const sensitivityWorker = new URL('../dist/runtime/sensitivity-worker.js', import.meta.url);

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ riskWorker, sensitivityWorker });
  expect((await t.call('POST', '/api/library/ryanair/copy')).status).toBe(201);
});
afterEach(async () => {
  await t.workspace.close();
});

type Job = { id: string; status: string; kind: string; version: number; settings: Record<string, unknown>; progress: { done: number; total: number }; result: any; saved?: number };

/** Polls a job until it ends, with every progress it showed on the way. */
async function finished(id: string): Promise<{ job: Job; seen: Array<{ done: number; total: number }> }> {
  const seen: Array<{ done: number; total: number }> = [];
  for (;;) {
    const { json } = await t.call('GET', `/api/jobs/${id}`);
    seen.push(json.progress);
    if (json.status !== 'running') return { job: json, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('analysis results kept with their version', () => {
  it('keeps a finished risk run with its version and settings, and marks it stale once the model moves on', async () => {
    const started = await t.call('POST', '/api/models/ryanair/risk', { runs: 4096, seed: 7, sampling: 'mc' });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ kind: 'risk', version: 1, settings: { runs: 4096, seed: 7, sampling: 'mc', ranges: true }, progress: { done: 0, total: 4096 } });
    const { job, seen } = await finished(started.json.id);
    expect(job.status).toBe('done');
    // Progress counts whole chunks of 1024 draws, never backwards, up to every draw.
    for (const [i, p] of seen.entries()) {
      expect(p.total).toBe(4096);
      expect(p.done % 1024).toBe(0);
      if (i > 0) expect(p.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    }
    expect(job.progress.done).toBe(4096);
    expect(job.result.draws).toBe(4096);
    expect(typeof job.saved).toBe('number');

    const list = await t.call('GET', '/api/models/ryanair/results');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ model: 'ryanair', latest: 1 });
    expect(list.json.results).toEqual([{ id: job.saved, model: 'ryanair', version: 1, kind: 'risk', settings: { ranges: true, runs: 4096, sampling: 'mc', seed: 7 }, savedAt: expect.any(String), stale: false }]);
    const one = await t.call('GET', `/api/models/ryanair/results/${job.saved}`);
    expect(one.json).toMatchObject({ version: 1, latest: 1, stale: false });
    expect(one.json.result).toEqual(job.result);

    // A save makes version 2: the result stays, as version 1's.
    const { document } = (await t.call('GET', '/api/models/ryanair')).json;
    const [name, written] = Object.entries(document.parameters as Record<string, unknown>).find(([, p]) => typeof p === 'number' || typeof (p as { value?: unknown }).value === 'number')!;
    const value = typeof written === 'number' ? written : (written as { value: number }).value;
    expect((await t.call('PUT', '/api/models/ryanair', { basedOn: 1, changes: [{ op: 'set-parameter', name, value: value * 1.01 }] })).status).toBe(200);
    const after = await t.call('GET', '/api/models/ryanair/results?kind=risk');
    expect(after.json.latest).toBe(2);
    expect(after.json.results.map((r: { version: number; stale: boolean }) => [r.version, r.stale])).toEqual([[1, true]]);
    expect((await t.call('GET', `/api/models/ryanair/results/${job.saved}`)).json).toMatchObject({ version: 1, latest: 2, stale: true });
    expect((await t.call('GET', '/api/models/ryanair/results?kind=sensitivity')).json.results).toEqual([]);
  }, 60_000);

  it('runs the sensitivity as a job whose result is the synchronous route’s, kept with its settings', async () => {
    const sync = await t.call('GET', '/api/models/ryanair/analyses/sensitivity?method=regression&runs=200&seed=3');
    expect(sync.status).toBe(200);
    const started = await t.call('POST', '/api/models/ryanair/sensitivity', { method: 'regression', runs: 200, seed: 3 });
    expect(started.status).toBe(202);
    expect(started.response.headers.get('location')).toBe(`/api/jobs/${started.json.id}`);
    const { job } = await finished(started.json.id);
    expect(job.status).toBe('done');
    expect(job.result).toEqual(sync.json);
    // The base, then one evaluation per draw.
    expect(job.progress).toEqual({ done: 201, total: 201 });
    const saved = (await t.call('GET', `/api/models/ryanair/results/${job.saved}`)).json;
    expect(saved).toMatchObject({ kind: 'sensitivity', version: 1, settings: { method: 'regression', runs: 200, seed: 3 }, stale: false });
    expect(saved.result).toEqual(sync.json);

    // A tornado asked twice is one saved result, the newer.
    const tornado1 = (await finished((await t.call('POST', '/api/models/ryanair/sensitivity')).json.id)).job;
    const tornado2 = (await finished((await t.call('POST', '/api/models/ryanair/sensitivity', { method: 'tornado', seed: 1 })).json.id)).job;
    expect(tornado2.result).toEqual((await t.call('GET', '/api/models/ryanair/analyses/sensitivity')).json);
    const kept = (await t.call('GET', '/api/models/ryanair/results?kind=sensitivity')).json.results;
    expect(kept.map((r: { id: number; settings: unknown }) => [r.id, r.settings])).toEqual([
      [tornado2.saved, { method: 'tornado', runs: 0, seed: 1 }],
      [job.saved, { method: 'regression', runs: 200, seed: 3 }],
    ]);
    expect(tornado1.saved).not.toBe(tornado2.saved);
  }, 60_000);

  it('stops a sensitivity job asked to, and keeps nothing of it', async () => {
    expect((await t.call('POST', '/api/library/amazon-cash-burn/copy')).status).toBe(201);
    const started = await t.call('POST', '/api/models/amazon-cash-burn/sensitivity', { method: 'sobol', runs: 65_536 });
    for (;;) {
      const { json } = await t.call('GET', `/api/jobs/${started.json.id}`);
      if (json.progress.done > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Listed as the model's running job, for a page reloaded meanwhile.
    const listed = await t.call('GET', '/api/models/amazon-cash-burn/jobs');
    expect(listed.json.map((j: Job) => [j.id, j.kind, j.status])).toEqual([[started.json.id, 'sensitivity', 'running']]);
    expect((await t.call('GET', '/api/models/ryanair/jobs')).json).toEqual([]);
    expect((await t.call('GET', '/api/models/nothing/jobs')).status).toBe(404);
    const asked = await t.call('DELETE', `/api/jobs/${started.json.id}`);
    expect(asked.status).toBe(202);
    const { job } = await finished(started.json.id);
    expect(job.status).toBe('cancelled');
    expect(job.progress.done).toBeLessThan(job.progress.total);
    expect(job.saved).toBeUndefined();
    expect((await t.call('GET', '/api/models/amazon-cash-burn/results')).json.results).toEqual([]);
    expect((await t.call('GET', '/api/models/amazon-cash-burn/jobs')).json).toEqual([]);
  }, 60_000);

  it('refuses bad settings with a 422 whose issues name each field', async () => {
    const risk = await t.call('POST', '/api/models/ryanair/risk?lang=en', { runs: 0, seed: -1, sampling: 'halton', rnus: 10 });
    expect(risk.status).toBe(422);
    expect(risk.json.error.code).toBe('invalid-request');
    const located = (risk.json.error.issues as Array<{ code: string; path: unknown[]; message: string; params: Record<string, unknown> }>).map((i) => [i.code, i.path]);
    expect(located).toEqual(expect.arrayContaining([['schema', ['runs']], ['schema', ['seed']], ['schema', ['sampling']], ['unknown-key', ['rnus']]]));
    expect(risk.json.error.issues.find((i: { path: unknown[] }) => i.path[0] === 'rnus').message).toContain('rnus');

    const few = await t.call('POST', '/api/models/ryanair/sensitivity?lang=fr', { method: 'sobol', runs: 1 });
    expect(few.status).toBe(422);
    expect(few.json.error.message).toContain('de 2 à 65536');
    expect(few.json.error.issues).toMatchObject([{ code: 'schema', path: ['runs'], params: { reason: 'at-least', limit: 2 } }]);
    const tornadoRuns = await t.call('POST', '/api/models/ryanair/sensitivity', { runs: 10 });
    expect(tornadoRuns.json.error.issues).toMatchObject([{ path: ['runs'] }]);
    expect((await t.call('POST', '/api/models/ryanair/sensitivity', { method: 'fast' })).json.error.issues).toMatchObject([{ path: ['method'] }]);
    expect((await t.call('POST', '/api/models/ryanair/sensitivity', { actor: 'nobody' })).status).toBe(422);

    const noRanges = await t.call('POST', '/api/models/ryanair/risk?lang=en', { ranges: false });
    expect(noRanges.status).toBe(422);
    expect(noRanges.json.error.code).toBe('risk-needs-ranges');
    expect(noRanges.json.error.message).toContain('"ranges"');

    expect((await t.call('POST', '/api/models/nothing/sensitivity')).status).toBe(404);
    expect((await t.call('GET', '/api/models/nothing/results')).status).toBe(404);
    const none = await t.call('GET', '/api/models/ryanair/results/999?lang=en');
    expect(none.status).toBe(404);
    expect(none.json.error).toMatchObject({ code: 'result-not-found', message: 'model "ryanair" has no saved result 999' });
    expect((await t.call('GET', '/api/models/ryanair/results/abc')).status).toBe(404);
  });

  it('documents the job and the saved results in the OpenAPI document', async () => {
    const { paths } = (await t.call('GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>> };
    expect(Object.keys(paths['/api/models/{id}/sensitivity']!)).toEqual(['post']);
    expect(Object.keys(paths['/api/models/{id}/sensitivity']!.post!.responses).sort()).toEqual(['202', '404', '422']);
    expect(paths['/api/models/{id}/sensitivity']!.post!.requestBody).toBeDefined();
    expect(Object.keys(paths['/api/models/{id}/analyses/sensitivity']!).sort()).toEqual(['get', 'post']);
    expect(paths['/api/models/{id}/results']!.get).toBeDefined();
    expect(paths['/api/models/{id}/results/{result}']!.get).toBeDefined();
  });
});
